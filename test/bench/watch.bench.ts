/**
 * watch-10k-1h-requests: a batch of 10 000 children, 100 at a time, 30-90 emulated s each, one in
 * ten failing, watched for one emulated hour with the default settings. The watcher's own loop
 * body (tick, then sleep nextDelayMs) runs on the emulator's clock until the hour is over; then
 * one Refresh, as a user would press it, and the store must equal the emulator's state.
 * Baseline: listing every child page on every tick (computed from the tick count; running it
 * would hit the rate limit).
 * watch-10k-1h-requests-counters-jobs: the same under the emulator variant `counters=jobs`,
 * where the parent's counters count the children's jobs and can never agree with the children
 * (test/emulator/README.md): the watcher must still settle, under the same bar.
 */
import assert from 'node:assert/strict';
import { MAX_PAGE_SIZE } from '../../platform/src/client';
import { startEmulator } from '../emulator/index';
import { addReads, assertStoreMatches, clientFor, runBatch, watcherFor } from '../client/watch/watchHarness';
import type { Variants } from '../emulator/variants';
import { figure, type Figure } from './figure';

const CHILDREN = 10_000;
const HOUR_MS = 3600_000;

export async function run(): Promise<Figure[]> {
  return [await watchHour('watch-10k-1h-requests', {}), await watchHour('watch-10k-1h-requests-counters-jobs', { counters: 'jobs' })];
}

async function watchHour(name: string, variants: Partial<Variants>): Promise<Figure> {
  const emulator = await startEmulator({ corpusDir: null, failShare: 0.1, variants });
  try {
    const client = clientFor(emulator);
    const parent = await runBatch(client, { type: 'item' }, addReads(emulator, CHILDREN, 'K'), 100);
    const watcher = watcherFor(emulator, client, undefined, undefined, { autoRun: false });
    const clock = emulator.clock();
    watcher.watch(parent);
    emulator.resetLog();

    const end = clock.now() + HOUR_MS;
    let ticks = 0;
    while (clock.now() < end) {
      await watcher.tick();
      ticks++;
      await clock.sleep(Math.min(watcher.nextDelayMs(), end - clock.now()));
    }
    await watcher.refresh();
    ticks++;
    watcher.dispose();

    const requests = emulator.counters().total;
    const refused = emulator.requests.filter((request) => request.status === 429).length;
    assertStoreMatches(emulator, watcher.store, parent.id);
    assert.equal(refused, 0, 'no request was refused with 429');
    assert.ok(requests < 1000, `watching took ${requests} requests, the bar is fewer than 1000`);
    const naive = ticks * (1 + Math.ceil(CHILDREN / MAX_PAGE_SIZE));
    const counts = watcher.store.childCounts(parent.id)!;
    console.error(`${name}: ${ticks} ticks, ${requests} requests (${JSON.stringify(emulator.counters())}); children at the end ${JSON.stringify(counts)}`);
    return figure(name, 'requests', requests, naive, 'list every page each tick');
  } finally {
    await emulator.close();
  }
}
