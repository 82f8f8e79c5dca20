/**
 * The tree's reading of a batch: the parent row's numbers and the status groups never contradict
 * each other without saying so ("Failed (2, updating)"), and the parent's and children's running
 * times are measured at one platform time. Against a real watcher and the emulator too, tick by
 * tick, with the children swept less often than the parent is polled.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { groupLabel, readBatch, type BatchReading } from '../../../client/src/tree/batchReading';
import { durationText } from '../../../client/src/tree/taskText';
import { countChildren, progressText } from '../../../client/src/watch/counts';
import type { Task, TaskStatus } from '../../../platform/src/types';
import { startEmulator, type Emulator } from '../../emulator/index';
import { clientFor, runBatch, watcherFor } from '../watch/watchHarness';

const child = (n: number, status: TaskStatus, extra: Partial<Task> = {}): Task => ({ id: `c${n}`, status, parent: 'p', ...extra });
const parent = (counters: Partial<Record<'queued' | 'running' | 'completed' | 'failed' | 'aborted', number>>, status: TaskStatus = 'RUNNING'): Task => ({
  id: 'p',
  name: 'align',
  batch: true,
  status,
  execution_status: { queued: 0, running: 0, completed: 0, failed: 0, aborted: 0, ...counters },
});

const labels = (reading: BatchReading) => reading.groups?.map(groupLabel);

describe('readBatch', () => {
  it('counters ahead of the children read: the parent keeps the counters, the groups that differ say they are updating', () => {
    const children = [child(1, 'FAILED'), child(2, 'FAILED'), child(3, 'RUNNING'), child(4, 'COMPLETED'), child(5, 'QUEUED')];
    // A third child failed after the last sweep: it is still RUNNING in the store.
    const reading = readBatch(parent({ failed: 3, completed: 1, queued: 1 }), children, 0);
    assert.equal(progressText(reading.progress!), '4/5 done, 3 failed');
    assert.deepEqual(labels(reading), ['Failed (2, updating)', 'Running (1, updating)', 'Queued (1)', 'Completed (1)']);
  });

  it('counters and children agree: plain counts that add up to the parent total', () => {
    const children = [child(1, 'FAILED'), child(2, 'RUNNING'), child(3, 'RUNNING'), child(4, 'QUEUED'), child(5, 'COMPLETED'), child(6, 'COMPLETED')];
    const reading = readBatch(parent({ failed: 1, running: 2, queued: 1, completed: 2 }), children, 0);
    assert.deepEqual(labels(reading), ['Failed (1)', 'Running (2)', 'Queued (1)', 'Completed (2)']);
    assert.equal(progressText(reading.progress!), '3/6 done, 1 failed');
  });

  it('a status the counters count but no child read has yet still has a group, empty and updating', () => {
    const reading = readBatch(parent({ failed: 1, running: 1 }), [child(1, 'RUNNING'), child(2, 'RUNNING')], 0);
    assert.deepEqual(labels(reading), ['Failed (0, updating)', 'Running (2, updating)']);
    assert.deepEqual(reading.groups![0].members, []);
  });

  it('counters that count jobs (variant counters=jobs): the parent counts the children read, so nothing is updating', () => {
    const children = [child(1, 'FAILED'), child(2, 'COMPLETED'), child(3, 'RUNNING')];
    const reading = readBatch(parent({ failed: 4, completed: 20, running: 2 }), children, 0);
    assert.equal(progressText(reading.progress!), '2/3 done, 1 failed');
    assert.deepEqual(labels(reading), ['Failed (1)', 'Running (1)', 'Completed (1)']);
  });

  it('an ABORTING child the counters do not count gets a group after the others', () => {
    const reading = readBatch(parent({ aborted: 1, running: 1 }), [child(1, 'ABORTED'), child(2, 'ABORTING')], 0);
    assert.deepEqual(labels(reading), ['Running (0, updating)', 'Aborted (1)', 'Aborting (1, updating)']);
  });

  it('children not listed yet: the counters alone, no groups; a draft: neither', () => {
    assert.equal(progressText(readBatch(parent({ queued: 6 }), undefined, 0).progress!), '0/6 done');
    assert.equal(readBatch(parent({ queued: 6 }), undefined, 0).groups, undefined);
    assert.equal(readBatch({ id: 'p', batch: true, status: 'DRAFT' }, undefined, 0).progress, undefined);
  });

  it('keeps the time it was taken at: the parent and every child are measured against it', () => {
    const start = Date.parse('2026-03-01T10:00:00Z');
    const children = [child(1, 'RUNNING', { start_time: '2026-03-01T10:00:30Z' })];
    const reading = readBatch({ ...parent({ running: 1 }), start_time: '2026-03-01T10:00:00Z' }, children, start + 90_000);
    assert.equal(durationText(reading.parent, reading.now), '1 min 30 s');
    assert.equal(durationText(reading.groups![0].members[0], reading.now), '1 min 0 s');
  });
});

describe('readBatch of a watched batch, tick by tick, against the emulator', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 0.3, clock: 'manual' });
  });
  after(() => emulator.close());

  it('at every moment each group either matches the parent counter of its status or says it is updating; durations on the platform clock', async () => {
    const client = clientFor(emulator);
    const batch = await runBatch(client, { type: 'item' }, undefined, 4);
    // The parent is read every tick, the children only every 30 emulated seconds: the counters run ahead.
    const watcher = watcherFor(emulator, client, undefined, { childrenIntervalMs: 30_000 }, { autoRun: false });
    watcher.store.add(batch, true);
    let updatingSeen = 0;
    let moments = 0;
    for (let tick = 0; tick < 400; tick++) {
      await watcher.tick();
      const task = watcher.store.entry(batch.id)!.task!;
      const reading = readBatch(task, watcher.store.children(batch.id), watcher.platformNow());
      moments++;
      if (reading.groups) {
        const progress = reading.progress!;
        for (const group of reading.groups) {
          const counted = progress[group.status.toLowerCase() as 'failed'];
          if (!group.updating) assert.equal(group.members.length, counted, `tick ${tick}: ${groupLabel(group)} against ${progressText(progress)}`);
          else assert.notEqual(group.members.length, counted, `tick ${tick}: ${groupLabel(group)} says updating while it matches`);
        }
        if (reading.groups.some((group) => group.updating)) updatingSeen++;
        else assert.deepEqual(countChildren(reading.groups.flatMap((group) => group.members)), progress, `tick ${tick}: the groups add up to the parent's counters`);
        // One clock: no child has run longer than its parent, and the parent no longer than the emulator has.
        const elapsed = (t: Task) => (t.start_time ? (t.end_time ? Date.parse(t.end_time) : reading.now) - Date.parse(t.start_time) : 0);
        for (const group of reading.groups) for (const member of group.members) assert.ok(elapsed(member) <= elapsed(task), `tick ${tick}: child ${member.id} ran ${elapsed(member)} ms, its parent ${elapsed(task)} ms`);
        assert.ok(elapsed(task) >= 0 && elapsed(task) <= emulator.clock().now() - Date.parse(task.created_time!), `tick ${tick}: parent elapsed ${elapsed(task)} ms`);
      }
      if (['COMPLETED', 'FAILED'].includes(task.status!) && reading.groups?.every((group) => !group.updating)) break;
      emulator.advance(10);
    }
    const final = readBatch(watcher.store.entry(batch.id)!.task!, watcher.store.children(batch.id), watcher.platformNow());
    assert.ok(['COMPLETED', 'FAILED'].includes(final.parent.status!), `the batch ended within the ticks: ${final.parent.status}`);
    assert.ok(updatingSeen > 0, `the counters ran ahead of the children at some moment (${moments} moments)`);
    assert.ok(final.groups!.every((group) => !group.updating), `the final reading agrees: ${labels(final)!.join(', ')}`);
    watcher.dispose();
  });
});
