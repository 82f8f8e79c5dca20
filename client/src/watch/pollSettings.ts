/**
 * How often the watcher polls (the `sbgTasks.polling.*` settings) and how the interval adapts:
 * fast while something runs, slower while everything waits in the queue, never below the
 * configured minimum, and stretched as the rate limit's remainder falls so that the watcher
 * never spends more than a share of what is left before the window resets.
 */
import type { RateLimitState } from '../../../platform/src/rateLimit';

export interface PollSettings {
  /** Between ticks while a watched task runs; also the floor of every other interval. */
  minIntervalMs: number;
  /** Between ticks while every watched unfinished task is queued. */
  queuedIntervalMs: number;
  /** Children of a running batch are swept at most this often; its counters still come every tick. */
  childrenIntervalMs: number;
}

export const DEFAULT_POLL_SETTINGS: PollSettings = {
  minIntervalMs: 10_000,
  queuedIntervalMs: 60_000,
  childrenIntervalMs: 30_000,
};

/** The floor a user can set: below it a handful of watched batches would eat the rate limit. */
const LOWEST_INTERVAL_MS = 5_000;

/** Share of the remaining budget the watcher allows itself until the reset; the rest stays for completion lookups and other tools. */
const BUDGET_SHARE = 0.5;

export function normalizeSettings(settings: Partial<PollSettings>): PollSettings {
  const merged = { ...DEFAULT_POLL_SETTINGS, ...settings };
  const minIntervalMs = Math.max(LOWEST_INTERVAL_MS, finiteOr(merged.minIntervalMs, DEFAULT_POLL_SETTINGS.minIntervalMs));
  return {
    minIntervalMs,
    queuedIntervalMs: Math.max(minIntervalMs, finiteOr(merged.queuedIntervalMs, DEFAULT_POLL_SETTINGS.queuedIntervalMs)),
    childrenIntervalMs: Math.max(minIntervalMs, finiteOr(merged.childrenIntervalMs, DEFAULT_POLL_SETTINGS.childrenIntervalMs)),
  };
}

/**
 * The wait before the next tick: the activity's interval, or longer when the requests a tick
 * costs would take more than BUDGET_SHARE of the remaining budget before the window resets.
 */
export function nextInterval(settings: PollSettings, somethingRuns: boolean, rateLimit: RateLimitState, requestsPerTick: number, now: number): number {
  const base = somethingRuns ? settings.minIntervalMs : settings.queuedIntervalMs;
  const { remaining, reset } = rateLimit;
  if (remaining === undefined || reset === undefined) return base;
  const untilReset = reset * 1000 - now;
  if (untilReset <= 0) return base;
  const affordableTicks = (remaining * BUDGET_SHARE) / Math.max(1, requestsPerTick);
  const spread = affordableTicks >= 1 ? untilReset / affordableTicks : untilReset + 1_000;
  return Math.max(base, Math.ceil(spread));
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
