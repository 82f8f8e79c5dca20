import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { SbgClient, TaskListFilter } from '../../../platform/src/client';
import type { TaskSource } from '../../../client/src/watch/taskSource';
import type { Task } from '../../../platform/src/types';
import { childLabel, rerunTasks } from '../../../client/src/watch/rerun';
import { TaskStore, type ConnectionState } from '../../../client/src/watch/taskStore';
import type { RerunsEnded, TaskWatcher } from '../../../client/src/watch/taskWatcher';
import { parseWatchState } from '../../../client/src/watch/watchState';
import { startEmulator, type Emulator } from '../../emulator/index';
import { addReads, assertStoreMatches, clientFor, routeCount, runBatch, watcherFor } from './watchHarness';

describe('TaskWatcher against the emulator', () => {
  let emulator: Emulator;
  let client: SbgClient;
  let watcher: TaskWatcher;

  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 0.25 });
  });
  after(() => emulator.close());
  beforeEach(() => {
    client = clientFor(emulator);
  });
  afterEach(async () => {
    watcher?.dispose();
    await watcher?.whenIdle();
    emulator.setMaintenance(false);
    emulator.setFault('*', null);
    emulator.setRateLimit(1000, 300);
  });

  it('expands a batch by item and follows it to its end, announcing the end once', async () => {
    const parent = await runBatch(client, { type: 'item' });
    watcher = watcherFor(emulator, client);
    const ended: Task[] = [];
    watcher.onDidEnd((task) => ended.push(task));
    watcher.watch(parent);
    await watcher.whenIdle();
    assertStoreMatches(emulator, watcher.store, parent.id);
    assert.equal(watcher.store.children(parent.id)?.length, 24);
    assert.ok(watcher.store.children(parent.id)!.every((child) => child.batch_group?.value?.endsWith('.fastq.gz')), 'children carry their batch_group');
    assert.deepEqual(ended.map((task) => task.id), [parent.id]);
    assert.ok(['COMPLETED', 'FAILED'].includes(ended[0].status!));
  });

  it('expands a batch by criteria into one child per sample', async () => {
    const parent = await runBatch(client, { type: 'criteria', criteria: ['metadata.sample_id'] });
    watcher = watcherFor(emulator, client);
    watcher.watch(parent);
    await watcher.whenIdle();
    assertStoreMatches(emulator, watcher.store, parent.id);
    assert.deepEqual(watcher.store.children(parent.id)!.map((child) => child.batch_group?.value), ['S01', 'S02', 'S03', 'S04', 'S05', 'S06']);
  });

  it('follows status changes and counts tick by tick, matching the emulator after every sweep', async () => {
    const parent = await runBatch(client, { type: 'item' }, undefined, 3);
    watcher = watcherFor(emulator, client, undefined, { childrenIntervalMs: 10_000 }, { autoRun: false });
    watcher.store.add(parent, true);
    const statusesSeen = new Set<string>();
    for (let tick = 0; tick < 200 && !['COMPLETED', 'FAILED'].includes(watcher.store.entry(parent.id)?.task?.status ?? ''); tick++) {
      await watcher.tick();
      assertStoreMatches(emulator, watcher.store, parent.id);
      for (const child of watcher.store.children(parent.id) ?? []) statusesSeen.add(child.status!);
      emulator.advance(10);
    }
    assert.deepEqual([...statusesSeen].sort(), ['COMPLETED', 'FAILED', 'QUEUED', 'RUNNING']);
  });

  it('spends one request on a tick whose counters did not move, and a bounded few on a sweep however many children wait', async () => {
    const parent = await runBatch(client, { type: 'item' }, addReads(emulator, 450, 'Q'), 5);
    watcher = watcherFor(emulator, client, undefined, { childrenIntervalMs: 10_000 }, { autoRun: false });
    watcher.store.add(parent, true);
    emulator.resetLog();
    await watcher.tick();
    assert.equal(emulator.counters().total, 1, 'a CREATING parent has no children to list: only the parent is read');
    emulator.advance(2);
    emulator.resetLog();
    await watcher.tick();
    assert.equal(routeCount(emulator, 'GET /tasks'), 5, 'the first tick lists 450 children in five pages of 100');

    emulator.resetLog();
    await watcher.tick();
    assert.equal(emulator.counters().total, 1, 'counters unchanged at the same instant: only the parent is read');

    for (let tick = 0; tick < 30; tick++) {
      emulator.advance(10);
      emulator.resetLog();
      await watcher.tick();
      assert.ok(emulator.counters().total <= 4, `a sweep costs the parent, the running list, one bulk get and at most one ended page; tick ${tick} took ${JSON.stringify(emulator.counters())}`);
      assertStoreMatches(emulator, watcher.store, parent.id);
    }
    assert.ok((watcher.store.childCounts(parent.id)?.queued ?? 0) > 300, 'most children are still queued, so the bound above did not depend on them');
  });

  it('reconciles a listing taken while children change status between its pages', async () => {
    const parent = await runBatch(client, { type: 'item' }, addReads(emulator, 320, 'P'), 40);
    emulator.advance(60);
    // Each page of the listing is answered 20 emulated seconds after the one before.
    const shifting = {
      getTask: client.getTask.bind(client),
      bulkGetTasks: client.bulkGetTasks.bind(client),
      serverNow: client.serverNow.bind(client),
      get rateLimit() {
        return client.rateLimit;
      },
      allTasks: (filter: TaskListFilter) => ({
        async *[Symbol.asyncIterator]() {
          let n = 0;
          for await (const task of client.allTasks(filter)) {
            if (++n % 100 === 0) emulator.advance(20);
            yield task;
          }
        },
      }),
    };
    watcher = watcherFor(emulator, client, undefined, undefined, { autoRun: false, source: shifting as TaskSource });
    watcher.store.add(parent, true);
    await watcher.tick();
    const listed = watcher.store.children(parent.id)!;
    assert.equal(listed.length, 320);
    const stale = listed.filter((child) => emulator.store.task(child.id)!.task.status !== child.status);
    assert.ok(stale.length > 0, 'the paged listing is stale by its end, as on the platform');
    watcher.start();
    await watcher.whenIdle();
    assertStoreMatches(emulator, watcher.store, parent.id);
  });

  it('waits out a 429 in the middle of a watch and never sends into a spent budget', async () => {
    const parent = await runBatch(client, { type: 'item' });
    watcher = watcherFor(emulator, clientFor(emulator, 5_000));
    const states = recordConnection(watcher.store);
    emulator.setFault('GET /tasks/:id', { kind: 'status', status: 429, code: 1000, times: 1 });
    emulator.setRateLimit(25, 60);
    emulator.resetLog();
    watcher.watch(parent);
    await watcher.whenIdle();
    assertStoreMatches(emulator, watcher.store, parent.id);
    assert.ok(states.includes('rate-limited'), `the store said it was rate limited (${states.join(', ')})`);
    assert.equal(watcher.store.connection.kind, 'online');
    const refused = emulator.requests.filter((request) => request.status === 429).length;
    assert.equal(refused, 1, 'only the injected 429: the budget of 25 a minute was never overrun');
  });

  it('waits out maintenance that begins mid-watch', async () => {
    const parent = await runBatch(client, { type: 'item' });
    watcher = watcherFor(emulator, client, undefined, undefined, { autoRun: false });
    watcher.watch(parent);
    await watcher.tick();
    emulator.advance(30);
    emulator.setMaintenance(true);
    await watcher.tick();
    assert.equal(watcher.store.connection.kind, 'maintenance');
    assert.ok(watcher.nextDelayMs() > 0, 'the next tick waits');
    emulator.setMaintenance(false);
    watcher.start();
    await watcher.whenIdle();
    assert.equal(watcher.store.connection.kind, 'online');
    assertStoreMatches(emulator, watcher.store, parent.id);
  });

  it('marks itself offline when connections drop, retries with backoff, and survives slow answers', async () => {
    const parent = await runBatch(client, { type: 'criteria', criteria: ['metadata.sample_id'] });
    watcher = watcherFor(emulator, client);
    const states = recordConnection(watcher.store);
    emulator.setFault('GET /tasks/:id', { kind: 'drop-before', times: 9 });
    emulator.setFault('GET /tasks', { kind: 'latency', ms: 25, times: 10 });
    watcher.watch(parent);
    await watcher.whenIdle();
    assert.ok(states.includes('offline'), `the store said it was offline (${states.join(', ')})`);
    assert.equal(watcher.store.connection.kind, 'online');
    assertStoreMatches(emulator, watcher.store, parent.id);
  });

  it('picks up after a reload from the saved watch state and announces an end that happened meanwhile', async () => {
    const parent = await runBatch(client, { type: 'item' });
    const first = watcherFor(emulator, client, undefined, undefined, { autoRun: false });
    first.store.add(parent, true);
    await first.tick();
    const saved = JSON.parse(JSON.stringify(first.store.state()));
    first.dispose();
    emulator.advance(3600);

    watcher = watcherFor(emulator, client, parseWatchState(saved));
    const ended: string[] = [];
    watcher.onDidEnd((task) => ended.push(task.id));
    watcher.start();
    await watcher.whenIdle();
    assertStoreMatches(emulator, watcher.store, parent.id);
    assert.deepEqual(ended, [parent.id]);
    assert.deepEqual(watcher.store.state().tasks, [{ id: parent.id, notifyEnd: false }], 'announced once: not again after the next reload');
  });

  it('while the view is hidden reads only the parent, still announces the end, and reconciles children once visible', async () => {
    const parent = await runBatch(client, { type: 'item' });
    watcher = watcherFor(emulator, client, undefined, undefined, { visible: false });
    const ended: string[] = [];
    watcher.onDidEnd((task) => ended.push(task.id));
    emulator.resetLog();
    watcher.watch(parent);
    await watcher.whenIdle();
    assert.deepEqual(ended, [parent.id]);
    assert.deepEqual(Object.keys(emulator.counters()).sort(), ['GET /tasks/:id', 'total'], 'no child was read while hidden');
    assert.equal(watcher.store.children(parent.id), undefined);
    watcher.setVisible(true);
    await watcher.whenIdle();
    assertStoreMatches(emulator, watcher.store, parent.id);
    assert.deepEqual(ended, [parent.id], 'not announced twice');
  });

  it('follows an abort of the batch to every child', async () => {
    const parent = await runBatch(client, { type: 'item' }, addReads(emulator, 120, 'A'), 6);
    watcher = watcherFor(emulator, client, undefined, undefined, { autoRun: false });
    watcher.watch(parent);
    for (let tick = 0; tick < 12; tick++) {
      await watcher.tick();
      emulator.advance(10);
    }
    await client.abortTask(parent.id);
    watcher.start();
    await watcher.whenIdle();
    assertStoreMatches(emulator, watcher.store, parent.id);
    const counts = watcher.store.childCounts(parent.id)!;
    assert.equal(watcher.store.entry(parent.id)?.task?.status, 'ABORTED');
    assert.ok(counts.aborted > 90 && counts.completed + counts.failed > 0, `some children finished before the abort, the rest were aborted (${JSON.stringify(counts)})`);
  });

  it('while a batch is ABORTING, lists its children at most once, not on every tick, and ends exact', async () => {
    const parent = await runBatch(client, { type: 'item' }, addReads(emulator, 450, 'B'), 5);
    watcher = watcherFor(emulator, client, undefined, { childrenIntervalMs: 10_000 }, { autoRun: false });
    watcher.store.add(parent, true);
    for (let tick = 0; tick < 5; tick++) {
      emulator.advance(10);
      await watcher.tick();
    }
    await client.abortTask(parent.id);
    emulator.resetLog();
    await watcher.refresh();
    // ABORTING lasts 2 emulated seconds: ticks at the same instant see it every time.
    for (let tick = 0; tick < 6; tick++) await watcher.tick();
    assert.equal(watcher.store.entry(parent.id)?.task?.status, 'ABORTING');
    assert.ok(routeCount(emulator, 'GET /tasks') <= 2 + 5, `a sweep and at most one listing of the 450 children in five pages over 7 ticks, not five pages a tick: ${JSON.stringify(emulator.counters())}`);
    assert.equal(emulator.counters()['GET /tasks/:id'], 7, 'the parent is read every tick');

    emulator.advance(2);
    watcher.start();
    await watcher.whenIdle();
    assert.equal(watcher.store.entry(parent.id)?.task?.status, 'ABORTED');
    assertStoreMatches(emulator, watcher.store, parent.id);
    assert.equal(watcher.store.childCounts(parent.id)?.other, 0, 'no child is left ABORTING');
  });

  it('while a batch is ABORTING on a platform whose counters count aborting children as aborted, sweeps wait for the children interval', async () => {
    const parent = await runBatch(client, { type: 'item' }, addReads(emulator, 450, 'C'), 5);
    // The same platform, but its counters put ABORTING children under aborted, not running (no source says which).
    const abortingAsAborted = {
      getTask: async (id: string, options?: Parameters<SbgClient['getTask']>[1]) => {
        const task = await client.getTask(id, options);
        if (!task.batch || !task.execution_status) return task;
        const aborting = [...emulator.store.children(id)].filter((child) => child.task.status === 'ABORTING').length;
        const counters = task.execution_status;
        return { ...task, execution_status: { ...counters, running: (counters.running ?? 0) - aborting, aborted: (counters.aborted ?? 0) + aborting } };
      },
      bulkGetTasks: client.bulkGetTasks.bind(client),
      serverNow: client.serverNow.bind(client),
      get rateLimit() {
        return client.rateLimit;
      },
      allTasks: client.allTasks.bind(client),
    };
    watcher = watcherFor(emulator, client, undefined, { childrenIntervalMs: 10_000 }, { autoRun: false, source: abortingAsAborted as TaskSource });
    watcher.store.add(parent, true);
    for (let tick = 0; tick < 5; tick++) {
      emulator.advance(10);
      await watcher.tick();
    }
    await client.abortTask(parent.id);
    await watcher.refresh();
    await watcher.tick(); // the queued children the refresh could not place: listed once
    await watcher.refresh(); // a sweep that cannot make the counters agree
    emulator.resetLog();
    for (let tick = 0; tick < 5; tick++) await watcher.tick();
    assert.equal(watcher.store.entry(parent.id)?.task?.status, 'ABORTING');
    assert.deepEqual(emulator.counters(), { 'GET /tasks/:id': 5, total: 5 }, 'ticks within the children interval read the parent only, though its counters and the children disagree');

    emulator.advance(2);
    watcher.start();
    await watcher.whenIdle();
    assertStoreMatches(emulator, watcher.store, parent.id);
  });

  it('after an abort of one child, the batch is polled again in its place, its end still announced once', async () => {
    const other = await runBatch(client, { type: 'item' }, undefined, 2);
    const parent = await runBatch(client, { type: 'item' }, undefined, 2);
    watcher = watcherFor(emulator, client, undefined, undefined, { autoRun: false });
    watcher.watch(parent);
    watcher.watch(other);
    await watcher.tick();
    emulator.advance(10);
    await watcher.tick();
    const running = watcher.store.childrenWithStatus(parent.id, ['RUNNING', 'QUEUED']);
    assert.ok(running.length > 0, 'a child is still to abort');
    const order = watcher.store.watched().map((entry) => entry.id);
    const ended: string[] = [];
    watcher.onDidEnd((task) => ended.push(task.id));

    watcher.pollSoon(await client.abortTask(running[0].id));
    assert.deepEqual(watcher.store.watched().map((entry) => entry.id), order, 'the list keeps its order');
    watcher.start();
    await watcher.whenIdle();
    assertStoreMatches(emulator, watcher.store, parent.id);
    assert.equal(watcher.store.children(parent.id)!.find((child) => child.id === running[0].id)?.status, 'ABORTED');
    assert.deepEqual(ended.filter((id) => id === parent.id), [parent.id]);
  });

  it('re-runs the failed children as clones under their batch, watches them to their end and announces the set once', async () => {
    const parent = await runBatch(client, { type: 'item' });
    watcher = watcherFor(emulator, client);
    const ended: Task[] = [];
    const rerunsEnded: RerunsEnded[] = [];
    watcher.onDidEnd((task) => ended.push(task));
    watcher.onDidEndReruns((event) => rerunsEnded.push(event));
    watcher.watch(parent);
    await watcher.whenIdle();
    const failed = watcher.store.childrenWithStatus(parent.id, ['FAILED']);
    assert.ok(failed.length > 1, 'with a fail share of 0.25 several of 24 children fail');
    const { started, failures } = await rerunTasks(client, failed);
    assert.deepEqual(failures, []);
    assert.deepEqual(started.map(({ child }) => child.id), failed.map((child) => child.id), 'each clone is paired with the child it replaces');
    watcher.watchReruns(parent.id, started.map(({ task, child }) => ({ task, child, childLabel: childLabel(child) })));
    // The clones are polled, but they are rows of their batch, not of the top level.
    assert.deepEqual(watcher.store.roots().map((entry) => entry.id), [parent.id]);
    assert.deepEqual(watcher.store.reruns(parent.id).map((entry) => entry.rerunOf!.child), failed.map((child) => child.id));
    assert.ok(watcher.store.reruns(parent.id).every((entry) => entry.rerunOf!.childLabel.endsWith('.fastq.gz')), 'named by the child\'s batch group');
    const saved = parseWatchState(JSON.parse(JSON.stringify(watcher.store.state())));
    assert.equal(saved.tasks.filter((task) => task.rerunOf?.parent === parent.id).length, failed.length, 'the re-runs and their batch survive a reload');
    await watcher.whenIdle();
    for (const { task } of started) {
      assert.ok(['COMPLETED', 'FAILED'].includes(watcher.store.entry(task.id)?.task?.status ?? ''), 'each clone was followed to its end');
      assertStoreMatches(emulator, watcher.store, task.id);
    }
    assert.deepEqual(ended.map((task) => task.id), [parent.id], 'no end notification per clone');
    assert.equal(rerunsEnded.length, 1, 'one announcement for the set');
    assert.equal(rerunsEnded[0].parentId, parent.id);
    assert.deepEqual(rerunsEnded[0].reruns.map(({ task }) => task.id).sort(), started.map(({ task }) => task.id).sort());
    assert.ok(rerunsEnded[0].reruns.every(({ task }) => ['COMPLETED', 'FAILED'].includes(task.status!)), 'with each re-run final');
    assert.ok(watcher.store.reruns(parent.id).every((entry) => !entry.notifyEnd), 'nothing left to announce');

    // A reload while the last re-runs run: the set is still announced once, when they end.
    const again = await rerunTasks(client, failed.slice(0, 2));
    watcher.watchReruns(parent.id, again.started.map(({ task, child }) => ({ task, child, childLabel: childLabel(child) })));
    const state = watcher.store.state();
    watcher.dispose();
    watcher = watcherFor(emulator, client, parseWatchState(JSON.parse(JSON.stringify(state))));
    const afterReload: RerunsEnded[] = [];
    watcher.onDidEndReruns((event) => afterReload.push(event));
    watcher.onDidEnd((task) => ended.push(task));
    watcher.start();
    await watcher.whenIdle();
    assert.deepEqual(afterReload.map((event) => event.reruns.length), [2], 'the second set, once, after the reload');
    assert.deepEqual(ended.map((task) => task.id), [parent.id]);
    assert.equal(watcher.store.reruns(parent.id).length, failed.length + 2, 'both sets stay under the batch');
    // Stop watching the batch: its re-runs go with it.
    watcher.unwatch(parent.id);
    assert.deepEqual(watcher.store.watched(), []);
  });

  it('shows a task it cannot read as an error and stops polling it', async () => {
    watcher = watcherFor(emulator, client);
    watcher.watch('00000000-0000-4000-8000-000000000000');
    await watcher.whenIdle();
    assert.match(watcher.store.entry('00000000-0000-4000-8000-000000000000')?.error ?? '', /not found/i);
  });
});

function recordConnection(store: TaskStore): ConnectionState['kind'][] {
  const kinds: ConnectionState['kind'][] = [];
  store.onDidChange(() => {
    if (kinds[kinds.length - 1] !== store.connection.kind) kinds.push(store.connection.kind);
  });
  return kinds;
}

describe('TaskWatcher when the counters count jobs, not children (variant counters=jobs)', () => {
  let emulator: Emulator;
  let client: SbgClient;
  let watcher: TaskWatcher | undefined;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 0.25, variants: { counters: 'jobs' } });
    client = clientFor(emulator);
  });
  after(() => emulator.close());
  afterEach(async () => {
    watcher?.dispose();
    await watcher?.whenIdle();
  });

  it('lists the children once, then sweeps on the children interval reading only running and newly ended ones', async () => {
    const parent = await runBatch(client, { type: 'item' }, addReads(emulator, 450, 'J'), 5);
    emulator.advance(2 + 5);
    const counters = emulator.store.task(parent.id)!.task.execution_status!;
    assert.equal(counters.queued! + counters.running!, 2 * 450, 'two jobs per child (star-align has two steps): the counters cannot agree with 450 children');
    watcher = watcherFor(emulator, client, undefined, { childrenIntervalMs: 30_000 }, { autoRun: false });
    watcher.store.add(parent, true);
    emulator.resetLog();
    await watcher.tick();
    assert.equal(routeCount(emulator, 'GET /tasks'), 5, 'the first tick lists 450 children in five pages');

    let sweeps = 0;
    for (let tick = 0; tick < 60; tick++) {
      emulator.advance(10);
      emulator.resetLog();
      await watcher.tick();
      const listed = routeCount(emulator, 'GET /tasks');
      assert.ok(listed === 0 || listed === 2, `a tick reads the parent only, or sweeps with one running page and one ended page; tick ${tick}: ${JSON.stringify(emulator.counters())}`);
      if (listed > 0) sweeps++;
    }
    assert.equal(sweeps, 20, 'one sweep per 30 s of the 600 emulated seconds, not one per tick');
    emulator.resetLog();
    await watcher.refresh();
    assertStoreMatches(emulator, watcher.store, parent.id);
  });

  it('follows the batch to its end and settles: the final children listed once, the end announced once', async () => {
    const parent = await runBatch(client, { type: 'item' });
    watcher = watcherFor(emulator, client);
    const ended: Task[] = [];
    watcher.onDidEnd((task) => ended.push(task));
    watcher.watch(parent);
    await watcher.whenIdle();
    assertStoreMatches(emulator, watcher.store, parent.id);
    assert.equal(watcher.store.children(parent.id)?.length, 24);
    assert.deepEqual(ended.map((task) => task.id), [parent.id]);
    assert.equal(watcher.hasWork(), false, 'nothing left to poll: it settled');
  });
});
