/**
 * The tree's reading of a batch: the parent row's numbers and the status groups never contradict
 * each other without saying so ("Failed (2, updating)"), and the parent's and children's running
 * times are measured at one platform time. Against a real watcher and the emulator too, tick by
 * tick, with the children swept less often than the parent is polled.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { groupLabel, readBatch, type BatchReading } from '../../../../client/src/tree/reading/batchReading';
import { durationText } from '../../../../client/src/tree/reading/taskText';
import { countChildren, progressText } from '../../../../client/src/watch/counts';
import type { Task, TaskStatus } from '../../../../platform/src/types';
import { startEmulator, type Emulator } from '../../../emulator/index';
import { clientFor, runBatch, watcherFor } from '../../watch/watchHarness';

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

  it('an ABORTING child gets a group after the others; the counters count it as running, so nothing is updating', () => {
    const reading = readBatch(parent({ aborted: 1, running: 2 }), [child(1, 'ABORTED'), child(2, 'ABORTING'), child(3, 'RUNNING')], 0);
    assert.deepEqual(labels(reading), ['Running (1)', 'Aborted (1)', 'Aborting (1)']);
    assert.equal(progressText(reading.progress!), '1/3 done, 1 aborted', 'the parent row keeps the counters');
  });

  it('an ABORTING child the counters already count as aborted: the Aborted group is updating, no empty Running group', () => {
    const reading = readBatch(parent({ aborted: 2 }), [child(1, 'ABORTED'), child(2, 'ABORTING')], 0);
    assert.deepEqual(labels(reading), ['Aborted (1, updating)', 'Aborting (1)']);
  });

  it('a parent at "5/6 done" never reads as only "Running (1)": whatever children an earlier sweep left, a Completed group shows, saying updating unless it holds the five', () => {
    // The screen a CI run of the UI step treeAgrees reported (the DOM read "Running · 5/6 done | Running (1)").
    // Every child list a sweep can have left: each of the six children queued, running or completed,
    // and any first k of them listed (a sweep cut short by a page).
    const statuses: TaskStatus[] = ['QUEUED', 'RUNNING', 'COMPLETED'];
    let cases = 0;
    for (let code = 0; code < 3 ** 6; code++) {
      const all = Array.from({ length: 6 }, (_, n) => child(n + 1, statuses[Math.floor(code / 3 ** n) % 3]));
      for (let listed = 1; listed <= 6; listed++) {
        const reading = readBatch(parent({ completed: 5, running: 1 }), all.slice(0, listed), 0);
        const shown = labels(reading)!;
        const completed = reading.groups!.find((group) => group.status === 'COMPLETED');
        if (progressText(reading.progress!) !== '5/6 done') continue; // a partial list totalling 6 is only the full one
        cases++;
        assert.ok(completed, `a Completed group beside ${shown.join(', ')}`);
        assert.equal(completed.updating, completed.members.length !== 5, shown.join(', '));
        for (const group of reading.groups!) if (!group.updating) assert.equal(group.members.length, { COMPLETED: 5, RUNNING: 1 }[group.status as 'RUNNING'] ?? 0, shown.join(', '));
      }
    }
    assert.ok(cases >= 3 ** 6, `every full child list was read against the counters (${cases})`);
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
    if (emulator.variants().counters === 'tasks') assert.ok(updatingSeen > 0, `the counters ran ahead of the children at some moment (${moments} moments)`);
    else assert.equal(updatingSeen, 0, 'counters of jobs: the row counts the children read, so no group is ever behind them');
    assert.ok(final.groups!.every((group) => !group.updating), `the final reading agrees: ${labels(final)!.join(', ')}`);
    watcher.dispose();
  });

  it('a batch being aborted: CREATING with no groups, then during ABORTING an Aborting group that agrees with the counters, then Aborted', async () => {
    const client = clientFor(emulator);
    const batch = await runBatch(client, { type: 'item' }, undefined, 4);
    const watcher = watcherFor(emulator, client, undefined, { childrenIntervalMs: 10_000 }, { autoRun: false });
    watcher.store.add(batch, true);
    await watcher.tick();
    const creating = readBatch(watcher.store.entry(batch.id)!.task!, watcher.store.children(batch.id), watcher.platformNow());
    assert.equal(creating.parent.status, 'CREATING');
    assert.equal(creating.progress, undefined, 'no "0/0 done" before the children exist');
    assert.equal(creating.groups, undefined);
    for (let tick = 0; tick < 4; tick++) {
      emulator.advance(10);
      await watcher.tick();
    }
    await client.abortTask(batch.id);
    await watcher.refresh();
    await watcher.tick();
    const aborting = readBatch(watcher.store.entry(batch.id)!.task!, watcher.store.children(batch.id), watcher.platformNow());
    assert.equal(aborting.parent.status, 'ABORTING');
    const abortingGroup = aborting.groups!.find((group) => group.status === 'ABORTING');
    assert.ok(abortingGroup && abortingGroup.members.length > 0, `the unfinished children are ABORTING: ${labels(aborting)!.join(', ')}`);
    assert.deepEqual(aborting.groups!.filter((group) => group.updating).map(groupLabel), [], 'nothing is behind the counters');
    assert.equal(aborting.groups!.at(-1), abortingGroup, 'the Aborting group comes after the counted ones');
    if (emulator.variants().counters === 'tasks') assert.equal(aborting.progress!.running, abortingGroup.members.length, "the parent's counters count the aborting children as running");
    else assert.equal(aborting.progress!.other, abortingGroup.members.length, 'counters of jobs: the row counts the children read, the aborting ones among them');

    emulator.advance(2);
    await watcher.refresh();
    const aborted = readBatch(watcher.store.entry(batch.id)!.task!, watcher.store.children(batch.id), watcher.platformNow());
    assert.equal(aborted.parent.status, 'ABORTED');
    assert.deepEqual(aborted.groups!.map((group) => [group.status, group.updating]).filter(([status]) => status === 'ABORTING' || status === 'RUNNING'), []);
    assert.equal(aborted.groups!.find((group) => group.status === 'ABORTED')?.members.length, abortingGroup.members.length);
    watcher.dispose();
  });
});
