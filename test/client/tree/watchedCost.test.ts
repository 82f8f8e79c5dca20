/**
 * Costs and failure reasons as the tree reads them from a watched batch on the emulator: the
 * children carry their price, the batch's total is the children's sum marked partial while it
 * runs and the parent's own price once it ends, the watched total adds single tasks to it, and a
 * failed child's failed job is read once from its execution details.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { FailedJobs } from '../../../client/src/tree/failedJobs';
import { sumText } from '../../../client/src/tree/reading/priceText';
import { failureText } from '../../../client/src/tree/reading/taskText';
import { batchCost, watchedCost } from '../../../client/src/tree/watchedCost';
import type { TaskWatcher } from '../../../client/src/watch/taskWatcher';
import { startEmulator, type Emulator } from '../../emulator/index';
import { clientFor, routeCount, runBatch, watcherFor } from '../watch/watchHarness';

describe('costs and failure reasons of watched tasks', () => {
  let emulator: Emulator;
  let watcher: TaskWatcher | undefined;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 0.3 });
  });
  after(() => emulator.close());
  afterEach(() => watcher?.dispose());

  it("sums the children read so far while the batch runs (partial), then shows the parent's own price", async () => {
    const client = clientFor(emulator);
    const parent = await runBatch(client, { type: 'criteria', criteria: ['metadata.sample_id'] }, undefined, 2);
    const single = await client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: { bams: [], mode: 'fast' } }, { run: true });
    watcher = watcherFor(emulator, client, undefined, { childrenIntervalMs: 10_000 }, { autoRun: false });
    watcher.store.add(parent, true);
    watcher.store.add(single, true);

    let sawPartial = false;
    const isOver = () => ['COMPLETED', 'FAILED', 'ABORTED'].includes(watcher!.store.entry(parent.id)?.task?.status ?? '');
    for (let tick = 0; tick < 200 && !isOver(); tick++) {
      emulator.advance(10);
      await watcher.tick();
      const store = watcher.store;
      const task = store.entry(parent.id)!.task!;
      const cost = batchCost(store, task);
      const children = store.children(parent.id) ?? [];
      const priced = children.filter((child) => child.price);
      assert.ok(priced.every((child) => child.status === 'COMPLETED' || child.status === 'FAILED'), 'only ended children are priced');
      if (task.status === 'RUNNING' && priced.length > 0 && priced.length < children.length) {
        sawPartial = true;
        assert.equal(cost?.partial, true, 'the sum of some children is partial');
        const expected = priced.reduce((sum, child) => sum + child.price!.amount, 0);
        assert.ok(Math.abs(cost!.amounts.get('USD')! - expected) < 1e-9, 'the partial total is the sum of the priced children');
        assert.match(sumText(cost, 'en-US')!, /^\$\d+\.\d\d so far$/);
      }
    }
    assert.ok(sawPartial, 'the batch was seen running with some children priced');

    const ended = watcher.store.entry(parent.id)!.task!;
    assert.ok(ended.status === 'COMPLETED' || ended.status === 'FAILED', `the batch ended, not ${ended.status}`);
    const record = emulator.store.task(parent.id)!.task;
    assert.equal(ended.price?.amount, record.price?.amount, 'the parent carries its price once ended');
    const childSum = [...emulator.store.children(parent.id)].reduce((sum, child) => sum + (child.task.price?.amount ?? 0), 0);
    assert.ok(Math.abs(ended.price!.amount - childSum) < 1e-3, "the emulator's parent costs what its children cost");
    const cost = batchCost(watcher.store, ended)!;
    assert.equal(cost.partial, false);
    assert.equal(cost.amounts.get('USD'), ended.price!.amount);

    const singleEnded = watcher.store.entry(single.id)!.task!;
    assert.ok(singleEnded.price, 'a single task is priced once it ends');
    const total = watchedCost(watcher.store);
    assert.equal(total.partial, false);
    assert.ok(Math.abs(total.amounts.get('USD')! - (ended.price!.amount + singleEnded.price.amount)) < 1e-9, 'the watched total adds the batch and the single task');
  });

  it("reads a failed child's failed job once, and its row names it beside the platform's reason", async () => {
    const client = clientFor(emulator);
    const parent = await runBatch(client, { type: 'item' }, undefined, 8);
    watcher = watcherFor(emulator, client);
    watcher.watch(parent);
    await watcher.whenIdle();
    const failed = (watcher.store.children(parent.id) ?? []).filter((child) => child.status === 'FAILED');
    assert.ok(failed.length > 0, 'a 30% fail share fails some of 24 children');
    const child = failed[0];
    assert.match(failureText(child)!, /^Failed: .+/, "the platform's reason is on the row before any other read");

    const jobs = new FailedJobs();
    emulator.resetLog();
    const [first, second] = await Promise.all([jobs.load(client, child.id), jobs.load(client, child.id)]);
    await jobs.load(client, child.id);
    assert.equal(routeCount(emulator, 'GET /tasks/:id/execution_details'), 1, 'read once, however often asked');
    assert.deepEqual(first, second);
    const steps = child.execution_status?.steps_total ?? 0;
    assert.deepEqual(first, [`step_${steps}`], 'the emulator fails the last step');
    assert.equal(failureText(child, jobs.text(child.id)), `Failed in step_${steps}: ${child.execution_status!.message!.replace(/^Failed: /, '')}`);
  });
});
