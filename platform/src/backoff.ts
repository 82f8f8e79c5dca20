/**
 * Jittered exponential backoff: spreads the retries of many clients (or of the many
 * requests of one client) so that they do not all come back at the same moment.
 */

export interface BackoffPolicy {
  /** Delay before the first retry, before jitter. */
  baseMs: number;
  /** Longest delay, before jitter. */
  capMs: number;
}

/** For reads after a connection failure, a timeout or a 5xx. */
export const TRANSIENT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 8_000 };

/** For maintenance, and for a 429 that does not say when the limit resets. */
export const REFUSAL_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 120_000 };

/** Delay before retry number `attempt` (0-based): half the exponential step plus a random half. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.round(step / 2 + (step / 2) * random());
}
