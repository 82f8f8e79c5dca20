/**
 * A platform client whose every request becomes one log line (method, path, status, duration,
 * rate limit left) with the token scrubbed, and whose waits for the rate limit are announced.
 * No VS Code here: clientFactory.ts supplies the log channel, the wait setting and the event.
 */
import { SbgClient } from '../../../platform/src/client';
import type { Clock } from '../../../platform/src/clock';
import type { Environment } from '../../../platform/src/environments';
import { checkApiUrl } from '../../../platform/src/urlSafety';
import { formatRequest, redact } from './requestLog';

/** The part of a LogOutputChannel the sign-in logic writes to. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface WaitInfo {
  reason: 'rate-limit' | 'maintenance';
  untilMs: number;
}

export interface LoggedClientOptions {
  log: Log;
  /** Longest total wait for a rate-limit reset or maintenance. */
  maxWaitMs: number;
  onWait?: (info: WaitInfo) => void;
  /** Tests pass the emulator's clock. */
  clock?: Clock;
}

/** A client for `environment`; throws UnsafeUrlError (nothing sent) for a URL the token must not go to. */
export function createLoggedClient(environment: Environment, token: string, options: LoggedClientOptions): SbgClient {
  checkApiUrl(environment.apiBase);
  const { log } = options;
  return new SbgClient({
    baseUrl: environment.apiBase,
    token,
    environmentName: environment.name,
    maxWaitMs: options.maxWaitMs,
    clock: options.clock,
    onRequest: (entry) => {
      const line = redact(formatRequest(entry), [token]);
      if (entry.status === undefined || entry.status >= 400) log.warn(line);
      else log.info(line);
    },
    onWait: (info) => {
      log.info(`waiting for the ${info.reason === 'rate-limit' ? 'rate limit to reset' : 'end of maintenance'} until ${new Date(info.untilMs).toISOString()}`);
      options.onWait?.(info);
    },
  });
}
