/**
 * Every request handler runs through `runSafe` (as VS Code's JSON server does): a request that
 * was cancelled before or while it ran answers "cancelled", and an exception is logged and
 * answered with an empty result, so one bad document never takes the server down.
 *
 * Unlike VS Code's JSON server it does not wait a turn of the event loop before starting: the
 * connection dispatches a request from its queue a turn after reading it, and whatever is already
 * in the pipe, a cancellation included, is read before that (frameGuard.ts hands each message on
 * as it arrives; a cancellation of a request still queued is answered without running it). The
 * extra turn only waited for messages sent later, and cost every answer 0.04 ms.
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
  return (async () => {
    if (token.isCancellationRequested) return cancelled();
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const result = await work(controller.signal);
      return token.isCancellationRequested ? cancelled() : result;
    } catch (error) {
      log(formatError(`${label} failed`, error));
      return token.isCancellationRequested ? cancelled() : errorValue;
    } finally {
      subscription.dispose();
    }
  })();
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
