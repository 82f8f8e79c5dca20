/**
 * How often the watcher polls (the `sbgTasks.polling.*` settings) and how the interval adapts:
 * fast while something runs, slower while everything waits in the queue, never below the
 * configured minimum, and stretched as the rate limit's remainder falls so that the watcher
 * never spends more than a share of what is left before the window resets.
 */
import { MAX_TIMER_DELAY_MS } from '../../../platform/src/clock';
import type { RateLimitState } from '../../../platform/src/rateLimit';
import { SETTING_DEFAULTS } from '../settingDefaults';

export interface PollSettings {
  /** Between ticks while a watched task runs; also the floor of every other interval. */
  minIntervalMs: number;
  /** Between ticks while every watched unfinished task is queued. */
  queuedIntervalMs: number;
  /** Children of a running batch are swept at most this often; its counters still come every tick. */
  childrenIntervalMs: number;
}

/** The settings' defaults (settingDefaults.ts, the same as package.json's), in milliseconds. */
export const DEFAULT_POLL_SETTINGS: PollSettings = {
  minIntervalMs: SETTING_DEFAULTS['sbgTasks.polling.minIntervalSeconds'].default * 1000,
  queuedIntervalMs: SETTING_DEFAULTS['sbgTasks.polling.queuedIntervalSeconds'].default * 1000,
  childrenIntervalMs: SETTING_DEFAULTS['sbgTasks.polling.childrenIntervalSeconds'].default * 1000,
};

/**
 * The range of every `sbgTasks.polling.*IntervalSeconds` setting (settingDefaults.ts, held against
 * package.json's `minimum` and `maximum` by a test). The floor: below it a handful of watched
 * batches would eat the rate limit. The ceiling: an hour between polls is already too slow to
 * follow a task; and a larger number must not reach setTimeout, which fires at once (after 1 ms)
 * for any delay over 2^31-1 ms, so 3,000,000 seconds used to mean a poll every millisecond.
 */
export const MIN_INTERVAL_SECONDS = SETTING_DEFAULTS['sbgTasks.polling.minIntervalSeconds'].minimum;
export const MAX_INTERVAL_SECONDS = SETTING_DEFAULTS['sbgTasks.polling.minIntervalSeconds'].maximum;
const LOWEST_INTERVAL_MS = MIN_INTERVAL_SECONDS * 1000;
const HIGHEST_INTERVAL_MS = MAX_INTERVAL_SECONDS * 1000;

/** Share of the remaining budget the watcher allows itself until the reset; the rest stays for completion lookups and other tools. */
const BUDGET_SHARE = 0.5;

/** Every interval inside [MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS]; a value that is no positive number takes the default. */
export function normalizeSettings(settings: Partial<PollSettings>): PollSettings {
  const merged = { ...DEFAULT_POLL_SETTINGS, ...settings };
  const minIntervalMs = clampInterval(merged.minIntervalMs, DEFAULT_POLL_SETTINGS.minIntervalMs, LOWEST_INTERVAL_MS);
  return {
    minIntervalMs,
    queuedIntervalMs: clampInterval(merged.queuedIntervalMs, DEFAULT_POLL_SETTINGS.queuedIntervalMs, minIntervalMs),
    childrenIntervalMs: clampInterval(merged.childrenIntervalMs, DEFAULT_POLL_SETTINGS.childrenIntervalMs, minIntervalMs),
  };
}

function clampInterval(value: number, fallback: number, floor: number): number {
  return Math.min(HIGHEST_INTERVAL_MS, Math.max(floor, finiteOr(value, fallback)));
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
  // A reset years away (a hostile or broken server) must not overflow the timer either.
  return Math.min(MAX_TIMER_DELAY_MS, Math.max(base, Math.ceil(spread)));
}

function finiteOr(value: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
