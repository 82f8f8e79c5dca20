/**
 * Every request handler runs through `runSafe` (as VS Code's JSON server does): a request that
 * was cancelled before or while it ran answers "cancelled", and an exception is logged and
 * answered with an empty result, so one bad document never takes the server down.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export type Log = (message: string) => void;

export function runSafe<T>(
  log: Log,
  label: string,
  token: CancellationToken,
  errorValue: T,
  work: (signal: AbortSignal) => T | Promise<T>,
): Promise<T | ResponseError<never>> {
  return new Promise((resolve) => {
    // Yield first, so a cancellation that is already on its way is seen before the work starts.
    setImmediate(async () => {
      if (token.isCancellationRequested) return resolve(cancelled());
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        const result = await work(controller.signal);
        resolve(token.isCancellationRequested ? cancelled() : result);
      } catch (error) {
        log(formatError(`${label} failed`, error));
        resolve(token.isCancellationRequested ? cancelled() : errorValue);
      } finally {
        subscription.dispose();
      }
    });
  });
}

/** Runs a notification handler's work, logging instead of throwing. */
export function runSafeNotification(log: Log, label: string, work: () => void | Promise<void>): void {
  Promise.resolve()
    .then(work)
    .catch((error) => log(formatError(`${label} failed`, error)));
}

export function formatError(message: string, error: unknown): string {
  if (error instanceof Error) return `${message}: ${error.stack ?? error.message}`;
  return `${message}: ${String(error)}`;
}

function cancelled(): ResponseError<never> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}
