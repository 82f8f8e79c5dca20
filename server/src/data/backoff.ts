/**
 * After a failed lookup, wait before trying again: failures are not cached as answers, but a
 * platform that is down must not be asked on every keystroke either. The platform client's
 * jittered backoff, with longer steps: these retries are driven by typing, not by one request.
 */
import { backoffDelay, type BackoffPolicy } from '../../../platform/src/backoff';

const LOOKUP_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 5 * 60_000 };

/** Delay before the next attempt after `failures` consecutive failures (1, 2, ...): at most 5 s after the first. */
export function retryDelayMs(failures: number): number {
  return backoffDelay(Math.max(0, failures - 1), LOOKUP_BACKOFF);
}
