/**
 * After a failed lookup, wait before trying again: failures are not cached as answers, but a
 * platform that is down must not be asked on every keystroke either.
 */
const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 5 * 60_000;

/** Delay before the next attempt after `failures` consecutive failures (1, 2, ...). */
export function retryDelayMs(failures: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, failures - 1));
}
