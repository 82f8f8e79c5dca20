import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { SbgClient } from '../../../../platform/src/client';
import type { Clock } from '../../../../platform/src/clock';
import type { Task } from '../../../../platform/src/types';
import { durationText, failureText, statusLine, tellApartText } from '../../../../client/src/tree/reading/taskText';
import { draftChildCount, draftChildrenText } from '../../../../client/src/tree/draftBatch';
import { TaskStore } from '../../../../client/src/watch/taskStore';
import { TaskWatcher } from '../../../../client/src/watch/taskWatcher';
import { startEmulator, type Emulator } from '../../../emulator/index';
import { batchBody } from '../../watch/watchHarness';

const at = (iso: string) => Date.parse(iso);

describe('tellApartText', () => {
  it('tells apart two tasks of one name by their start (local time) and a short id; by creation before they start', () => {
    const start = '2026-01-05T09:07:00Z';
    const local = new Date(start);
    const hhmm = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][local.getMonth()];
    const id = '2e1ebed1-c53e-4373-870d-4732acacbbbb';
    assert.equal(tellApartText({ id, start_time: start, created_time: '2026-01-04T00:00:00Z' }), `started ${month} ${local.getDate()} ${hhmm} · #2e1ebed1`);
    assert.match(tellApartText({ id, created_time: start }), new RegExp(`^created ${month} ${local.getDate()} ${hhmm} · #2e1ebed1$`));
    assert.match(tellApartText({ id, status: 'DRAFT', start_time: '2026-01-06T00:00:00Z', created_time: start }), /^created /, 'a draft has not started');
    assert.equal(tellApartText({ id: '7c1d0a2e-0000' }), '#7c1d0a2e');
    assert.match(tellApartText({ id, status: 'DRAFT', start_time: start, created_time: start }), /^created /, 'a draft has not started, whatever start_time it carries');
  });
});

describe('durationText', () => {
  const started: Task = { id: 't', start_time: '2019-03-01T12:00:00Z' };

  it('measures a running task to the given now, an ended one to its end', () => {
    assert.equal(durationText(started, at('2019-03-01T12:00:45Z')), '45 s');
    assert.equal(durationText(started, at('2019-03-01T12:03:20Z')), '3 min 20 s');
    assert.equal(durationText(started, at('2019-03-01T13:04:00Z')), '1 h 4 min');
    const ended = { ...started, end_time: '2019-03-01T12:10:00Z' };
    assert.equal(durationText(ended, at('2031-01-01T00:00:00Z')), '10 min 0 s', 'an ended task ignores now');
  });

  it('has nothing to say before the start, and never goes below zero', () => {
    assert.equal(durationText({ id: 't' }, 0), undefined);
    assert.equal(durationText(started, at('2019-03-01T11:59:00Z')), '0 s');
  });

  it('is nothing for a draft, though drafts may carry a start_time (docs/PLATFORM.md#the-task-resource)', () => {
    assert.equal(durationText({ ...started, status: 'DRAFT' }, at('2019-03-01T13:00:00Z')), undefined);
    assert.equal(durationText({ ...started, status: 'RUNNING' }, at('2019-03-01T13:00:00Z')), '1 h 0 min');
  });
});

describe('failureText', () => {
  const failed: Task = { id: 't', status: 'FAILED', execution_status: { message: 'Failed: the tool exited with code 137.' } };

  it("gives the platform's reason, with the failed job once known, without repeating 'Failed'", () => {
    assert.equal(failureText(failed), 'Failed: the tool exited with code 137.');
    assert.equal(failureText(failed, 'step_3'), 'Failed in step_3: the tool exited with code 137.');
    assert.equal(failureText({ ...failed, execution_status: { message: 'Insufficient disk space' } }, 'bwa'), 'Failed in bwa: Insufficient disk space');
  });

  it('says only Failed without a message, and nothing for a task that did not fail', () => {
    assert.equal(failureText({ id: 't', status: 'FAILED' }), 'Failed');
    assert.equal(failureText({ ...failed, status: 'COMPLETED' }), undefined);
  });
});

describe("a running task's duration with this machine's clock years off the platform's", () => {
  const emulatorStart = at('2019-03-01T12:00:00Z');
  let emulator: Emulator;
  let watcher: TaskWatcher | undefined;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null, clock: 'manual', startTime: emulatorStart, failShare: 0 });
  });
  after(() => emulator.close());
  afterEach(() => watcher?.dispose());

  /** This machine's clock: far ahead of the emulator's, moved only by the test. */
  let localNow = at('2031-07-01T08:30:00Z');
  const local: Clock = { now: () => localNow, sleep: async () => undefined };

  it('reads the running time on the platform clock the watcher last saw, and the final one from end_time', async () => {
    const client = new SbgClient({ baseUrl: emulator.url, token: emulator.token, clock: local, environmentName: 'the emulator' });
    const created = await client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: { bams: [], mode: 'fast' } }, { run: true });
    watcher = new TaskWatcher(new TaskStore(), () => client, { clock: local, autoRun: false });
    watcher.store.add(created, true);

    emulator.advance(5 + 20);
    await watcher.tick();
    const running = watcher.store.entry(created.id)!.task!;
    assert.equal(running.status, 'RUNNING', 'the emulator runs a task at once (5 s initializing, then at least 30 s)');
    assert.equal(Date.parse(running.start_time!), emulatorStart);
    assert.match(durationText(running, local.now()) ?? '', /^\d{5,} h/, "against this machine's clock the running time is nonsense");
    assert.equal(durationText(running, watcher.platformNow()), '25 s');

    localNow += 7_000;
    assert.equal(durationText(running, watcher.platformNow()), '32 s', 'between polls it goes on with the local clock');

    emulator.advance(600);
    await watcher.tick();
    const ended = watcher.store.entry(created.id)!.task!;
    assert.equal(ended.status, 'COMPLETED');
    assert.match(durationText(ended, watcher.platformNow()) ?? '', /^([3-5]\d s|1 min \d+ s)$/, 'the 35-95 s the emulator ran it (5 s initializing), not the 10 min since');
  });

  it("a draft carries a start_time as the platform's do, yet shows no duration and is told apart by its creation, not a start", async () => {
    const client = new SbgClient({ baseUrl: emulator.url, token: emulator.token, clock: local, environmentName: 'the emulator' });
    emulator.advance(60);
    const draft = await client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: { bams: [], mode: 'fast' } }, { run: false });
    assert.equal(draft.status, 'DRAFT');
    assert.ok(draft.start_time && draft.created_time, 'the emulator gives drafts a start_time');
    emulator.advance(600);
    assert.equal(durationText(draft, emulator.now()), undefined);
    assert.match(tellApartText(draft), new RegExp(`^created .* · #${draft.id.slice(0, 8)}$`));
  });

  it("a batch draft's row counts its children from the File objects the platform filled in (their metadata), as many as the run makes", async () => {
    const client = new SbgClient({ baseUrl: emulator.url, token: emulator.token, clock: local, environmentName: 'the emulator' });
    const body = batchBody({ type: 'criteria', criteria: ['metadata.sample_id'] });
    assert.ok((body.inputs as { reads: { metadata?: unknown }[] }).reads.every((file) => file.metadata === undefined), 'the request names the files only');
    const draft = await client.createTask(body, { run: false });
    const reads = (draft.inputs as { reads: { name?: string; metadata?: Record<string, string> }[] }).reads;
    assert.equal(reads[0].name, 'S01_L001_R1.fastq.gz', 'the answer fills in the name');
    assert.deepEqual(draftChildCount(draft), { children: 6, by: 'sample_id' });
    await client.runTask(draft.id);
    emulator.advance(2);
    assert.equal([...emulator.store.children(draft.id)].length, 6, 'the run makes as many children as the row said');
  });
});

it('the tooltip status line says the status once, whatever the message repeats', () => {
  const line = (status: Task['status'], message?: string) => statusLine({ id: 't', status, execution_status: message === undefined ? undefined : { message } } as Task);
  assert.equal(line('COMPLETED', 'Completed'), 'Completed');
  assert.equal(line('COMPLETED', 'completed.'), 'Completed');
  assert.equal(line('FAILED', 'Failed: Insufficient disk space'), 'Failed: Insufficient disk space');
  assert.equal(line('FAILED', 'Insufficient disk space'), 'Failed: Insufficient disk space');
  assert.equal(line('RUNNING', 'Initializing...'), 'Running: Initializing...');
  assert.equal(line('QUEUED'), 'Queued');
});

it('a draft batch counts the children it will make from its filled-in inputs, as the batch preview does', () => {
  const file = (sample?: string) => ({ class: 'File', path: 'x', metadata: sample ? { sample_id: sample } : {} });
  const draft = (batchBy: unknown, reads: unknown[]) => ({ id: 'd', status: 'DRAFT', batch: true, batch_input: 'reads', batch_by: batchBy, inputs: { reads } }) as unknown as Task;
  const bySample = { type: 'criteria', criteria: ['metadata.sample_id'] };
  assert.deepEqual(draftChildCount(draft(bySample, [file('S1'), file('S1'), file('S2'), file(), file()])), { children: 3, by: 'sample_id' });
  assert.deepEqual(draftChildCount(draft({ type: 'ITEM' }, [file('S1'), file('S2')])), { children: 2, by: 'file' });
  assert.equal(draftChildCount(draft(bySample, [{ class: 'File', path: 'x' }])), undefined, 'no metadata in the answer: no guess');
  assert.deepEqual(draftChildrenText(draft(bySample, [file('S1'), file('S2')])), {
    label: 'Children are made when the draft runs',
    detail: '2 children by sample_id, as Preview Batch counts them',
  });
});
