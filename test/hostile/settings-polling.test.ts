/**
 * Issue 9 §13: `sbgTasks.polling.minIntervalSeconds: 3000000` became a 3·10⁹ ms delay, which
 * setTimeout fires after 1 ms: about 1,000 requests in 8 s. Every interval setting is now clamped
 * to [MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS] (the same range as package.json's minimum and
 * maximum), and every computed delay goes through timerDelay (at most 2^31-1 ms), including a
 * rate-limit reset or Retry-After years away.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MAX_TIMER_DELAY_MS, systemClock, timerDelay } from '../../platform/src/clock';
import { DEFAULT_POLL_SETTINGS, MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS, nextInterval, normalizeSettings } from '../../client/src/watch/pollSettings';
import { TaskStore } from '../../client/src/watch/taskStore';
import { TaskWatcher } from '../../client/src/watch/taskWatcher';
import { startEmulator, type Emulator } from '../emulator/index';
import { clientFor, routeCount, runBatch } from '../client/watch/watchHarness';

/** What registerTaskTreeView passes for a setting in seconds. */
const HUGE_SECONDS = 3_000_000;
const HUGE_MS = HUGE_SECONDS * 1000;

/** Replaces setTimeout while `work` runs, recording each delay; the timers still run (clamped as Node would). */
async function recordingTimers<T>(work: (delays: number[]) => Promise<T>): Promise<T> {
  const realSetTimeout = globalThis.setTimeout;
  const delays: number[] = [];
  globalThis.setTimeout = ((callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    delays.push(delay ?? 0);
    return realSetTimeout(callback, delay, ...args);
  }) as typeof setTimeout;
  try {
    return await work(delays);
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
}

describe('polling interval settings', () => {
  it('package.json declares the range the code clamps to, for every interval setting', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    const properties = manifest.contributes.configuration.properties;
    const intervals = Object.keys(properties).filter((key) => key.startsWith('sbgTasks.polling.'));
    assert.deepEqual(intervals.sort(), ['sbgTasks.polling.childrenIntervalSeconds', 'sbgTasks.polling.minIntervalSeconds', 'sbgTasks.polling.queuedIntervalSeconds']);
    for (const key of intervals) {
      assert.equal(properties[key].minimum, MIN_INTERVAL_SECONDS, key);
      assert.equal(properties[key].maximum, MAX_INTERVAL_SECONDS, key);
    }
    assert.ok(MAX_INTERVAL_SECONDS * 1000 <= MAX_TIMER_DELAY_MS);
  });

  it('clamps every interval into the range; what is no positive number takes the default', () => {
    assert.deepEqual(normalizeSettings({ minIntervalMs: HUGE_MS, queuedIntervalMs: HUGE_MS, childrenIntervalMs: HUGE_MS }),
      { minIntervalMs: 3_600_000, queuedIntervalMs: 3_600_000, childrenIntervalMs: 3_600_000 });
    assert.deepEqual(normalizeSettings({ minIntervalMs: 1, queuedIntervalMs: 2, childrenIntervalMs: 3 }),
      { minIntervalMs: 5_000, queuedIntervalMs: 5_000, childrenIntervalMs: 5_000 });
    assert.deepEqual(normalizeSettings({ minIntervalMs: Number.NaN, queuedIntervalMs: Number.POSITIVE_INFINITY, childrenIntervalMs: '30' as unknown as number }), DEFAULT_POLL_SETTINGS);
    assert.deepEqual(normalizeSettings({ minIntervalMs: -5_000, queuedIntervalMs: 20_000 }), { minIntervalMs: 10_000, queuedIntervalMs: 20_000, childrenIntervalMs: 30_000 });
  });

  it('a rate-limit reset years away gives a wait a timer can hold', () => {
    const now = Date.parse('2026-01-05T09:00:00Z');
    const wait = nextInterval(normalizeSettings({}), true, { remaining: 0, reset: now / 1000 + 1e9 }, 1, now);
    assert.equal(wait, MAX_TIMER_DELAY_MS);
  });
});

describe('timer delays', () => {
  it('timerDelay keeps a delay within what setTimeout honours', () => {
    assert.deepEqual([timerDelay(HUGE_MS), timerDelay(MAX_TIMER_DELAY_MS), timerDelay(250), timerDelay(-1), timerDelay(Number.NaN), timerDelay(Number.POSITIVE_INFINITY)],
      [MAX_TIMER_DELAY_MS, MAX_TIMER_DELAY_MS, 250, 0, 0, MAX_TIMER_DELAY_MS]);
  });

  it('systemClock.sleep of 3·10⁹ ms asks setTimeout for at most 2^31-1 ms (not the 1 ms Node would make of it)', async () => {
    const controller = new AbortController();
    const delays = await recordingTimers(async (recorded) => {
      const sleeping = systemClock.sleep(HUGE_MS, controller.signal);
      controller.abort();
      await assert.rejects(sleeping, { name: 'AbortError' });
      return recorded;
    });
    assert.deepEqual(delays, [MAX_TIMER_DELAY_MS]);
  });
});

describe('the watcher with minIntervalSeconds 3000000 against the emulator', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
  });
  after(() => emulator.close());

  it('polls once, then sleeps the clamped hour: one task read, no storm', async () => {
    const client = clientFor(emulator);
    const parent = await runBatch(client, { type: 'item' });
    emulator.resetLog();
    const watcher = new TaskWatcher(new TaskStore(), () => client, {
      clock: systemClock,
      settings: { minIntervalMs: HUGE_MS, queuedIntervalMs: HUGE_MS, childrenIntervalMs: HUGE_MS },
    });
    const delays = await recordingTimers(async (recorded) => {
      watcher.setVisible(true);
      watcher.watch(parent);
      // The watcher's sleep is the first timer longer than the platform client's 30 s timeout.
      while (!recorded.some((delay) => delay > 30_000)) await new Promise((resolve) => setImmediate(resolve));
      // Give a storm the chance to show: a 1 ms timer would have fired many times by now.
      for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
      watcher.dispose();
      await watcher.whenIdle();
      return recorded.filter((delay) => delay > 30_000);
    });
    assert.deepEqual(delays, [3_600_000]);
    assert.equal(routeCount(emulator, 'GET /tasks/:id'), 1);
  });
});
