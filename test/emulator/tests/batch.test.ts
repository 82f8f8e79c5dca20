import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../index';
import { allChildren, call, starAlignBody } from './helpers';

describe('emulator batch tasks', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 0 });
  });
  after(() => emulator.close());

  it('batches by item: one child per file, named by the file', async () => {
    const created = await call(emulator, 'POST', '/tasks?action=run', starAlignBody({ type: 'ITEM' }));
    assert.equal(created.status, 201);
    assert.equal(created.body.batch, true);
    assert.deepEqual(created.body.batch_by, { type: 'item' });
    emulator.advance(2);
    const children = await allChildren(emulator, created.body.id);
    assert.equal(children.length, 24);
    assert.equal(children[0].parent, created.body.id);
    assert.deepEqual(children[0].batch_group, { value: 'S01_L001_R1.fastq.gz', fields: {} });
    assert.equal(children[0].inputs.reads.length, 1, 'a File[] batch input gives each child an array of its file');
  });

  it('batches by criteria: one child per sample and library, fields keyed by the criteria', async () => {
    const created = await call(emulator, 'POST', '/tasks?action=run', starAlignBody({ type: 'criteria', criteria: ['metadata.sample_id', 'metadata.library_id'] }));
    emulator.advance(2);
    const children = await allChildren(emulator, created.body.id);
    assert.equal(children.length, 12);
    assert.deepEqual(children[0].batch_group, { value: 'S01, S01-A', fields: { 'metadata.sample_id': 'S01', 'metadata.library_id': 'S01-A' } });
    assert.deepEqual(children[0].inputs.reads.map((file: any) => file.name), ['S01_L001_R1.fastq.gz', 'S01_L001_R2.fastq.gz']);
    assert.equal(children[0].name, 'align - S01, S01-A');
  });

  it("uses the app's default batching (by sample) when the body has none", async () => {
    const body = starAlignBody(undefined);
    delete body.batch_input;
    delete body.batch_by;
    const created = await call(emulator, 'POST', '/tasks?action=run', body);
    assert.deepEqual(created.body.batch_by, { type: 'criteria', criteria: ['metadata.sample_id'] });
    emulator.advance(2);
    const children = await allChildren(emulator, created.body.id);
    assert.deepEqual(children.map((child) => child.batch_group.value), ['S01', 'S02', 'S03', 'S04', 'S05', 'S06']);
  });

  it('batch=false on create gives a plain task despite the app default', async () => {
    const body = starAlignBody(undefined);
    delete body.batch_input;
    delete body.batch_by;
    const created = await call(emulator, 'POST', '/tasks?batch=false', body);
    assert.equal(created.body.batch, false);
  });
});

describe('emulator task progression', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 0.25 });
  });
  after(() => emulator.close());

  it('moves children QUEUED → RUNNING → COMPLETED/FAILED with at most max_parallel_instances running', async () => {
    const created = await call(emulator, 'POST', '/tasks?action=run', starAlignBody({ type: 'item' }, { execution_settings: { max_parallel_instances: 3 } }));
    const parentId = created.body.id;
    assert.equal(created.body.status, 'CREATING', 'a batch parent is CREATING while its children are made');
    assert.deepEqual(created.body.execution_status, { message: 'Initializing...' });
    assert.deepEqual(await allChildren(emulator, parentId), [], 'no child exists while CREATING');
    emulator.advance(2);
    const queued = (await call(emulator, 'GET', `/tasks/${parentId}`)).body;
    assert.equal(queued.status, 'QUEUED');
    assert.deepEqual(pick(queued.execution_status), { queued: 24, running: 0, completed: 0, failed: 0, aborted: 0 });

    let sawRunning = false;
    for (let step = 0; step < 200; step++) {
      emulator.advance(10);
      const parent = (await call(emulator, 'GET', `/tasks/${parentId}`)).body;
      const running = await call(emulator, 'GET', `/tasks?parent=${parentId}&status=RUNNING`);
      const runningCount = Number(running.headers.get('x-total-matching-query'));
      assert.ok(runningCount <= 3, `at most 3 children run at once, saw ${runningCount}`);
      assert.equal(parent.execution_status.running, runningCount);
      const counts = pick(parent.execution_status);
      assert.equal(counts.queued + counts.running + counts.completed + counts.failed + counts.aborted, 24);
      if (runningCount > 0) {
        sawRunning = true;
        assert.equal(parent.status, 'RUNNING');
      }
      if (parent.status === 'COMPLETED' || parent.status === 'FAILED') {
        assert.ok(sawRunning);
        assert.equal(counts.completed + counts.failed, 24);
        assert.ok(counts.failed > 0, 'a quarter of the children fail with failShare 0.25');
        assert.equal(parent.status, 'FAILED', 'a parent with failed children ends FAILED');
        assert.ok(parent.end_time);
        return;
      }
    }
    assert.fail('the batch did not finish in 2000 emulated seconds');
  });

  it('a single task is RUNNING "Initializing..." at once, runs its steps 5 s later, for 30-90 emulated seconds', async () => {
    const body = starAlignBody(null, { batch: false });
    delete body.batch_input;
    delete body.batch_by;
    const created = await call(emulator, 'POST', '/tasks?action=run', body);
    assert.equal(created.body.status, 'RUNNING');
    assert.deepEqual(created.body.execution_status, { message: 'Initializing...' }, 'the run answer holds only the message, no counters');
    assert.equal(created.body.start_time, new Date(emulator.now()).toISOString().replace('.000', ''));
    emulator.advance(5);
    const running = (await call(emulator, 'GET', `/tasks/${created.body.id}`)).body;
    assert.equal(running.status, 'RUNNING');
    assert.equal(running.execution_status.message, 'Running');
    assert.equal(running.execution_status.steps_total, 2);
    assert.equal(running.start_time, created.body.start_time, 'start_time stays the time of run');
    emulator.advance(29);
    assert.equal((await call(emulator, 'GET', `/tasks/${created.body.id}`)).body.status, 'RUNNING');
    emulator.advance(61);
    const done = (await call(emulator, 'GET', `/tasks/${created.body.id}`)).body;
    assert.ok(done.status === 'COMPLETED' || done.status === 'FAILED');
    const details = (await call(emulator, 'GET', `/tasks/${created.body.id}/execution_details`)).body;
    assert.equal(details.jobs.length, 2, 'one job per workflow step');
  });
});

describe('emulator abort and clone', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 0 });
  });
  after(() => emulator.close());

  it('aborting a child frees its instance and is counted on the parent', async () => {
    const created = await call(emulator, 'POST', '/tasks?action=run', starAlignBody({ type: 'item' }, { execution_settings: { max_parallel_instances: 2 } }));
    emulator.advance(2 + 5);
    const running = (await call(emulator, 'GET', `/tasks?parent=${created.body.id}&status=RUNNING`)).body.items;
    assert.equal(running.length, 2);
    const aborted = await call(emulator, 'POST', `/tasks/${running[0].id}/actions/abort`);
    assert.equal(aborted.status, 200);
    assert.equal(aborted.body.status, 'ABORTING');
    const aborting = (await call(emulator, 'GET', `/tasks/${created.body.id}`)).body;
    assert.equal(aborting.execution_status.running, 2, 'an ABORTING child still holds its instance');
    emulator.advance(2);
    assert.equal((await call(emulator, 'GET', `/tasks/${running[0].id}`)).body.status, 'ABORTED');
    const parent = (await call(emulator, 'GET', `/tasks/${created.body.id}`)).body;
    assert.equal(parent.execution_status.aborted, 1);
    emulator.advance(5);
    const nowRunning = await call(emulator, 'GET', `/tasks?parent=${created.body.id}&status=RUNNING`);
    assert.equal(nowRunning.headers.get('x-total-matching-query'), '2', 'the freed instance went to the next child');
    const again = await call(emulator, 'POST', `/tasks/${running[0].id}/actions/abort`);
    assert.equal(again.status, 400);
    assert.equal(again.body.code, 7011);
  });

  it('aborting a parent aborts every unfinished child', async () => {
    const created = await call(emulator, 'POST', '/tasks?action=run', starAlignBody({ type: 'item' }));
    emulator.advance(60);
    const aborting = await call(emulator, 'POST', `/tasks/${created.body.id}/actions/abort`);
    assert.equal(aborting.body.status, 'ABORTING');
    const stopping = await allChildren(emulator, created.body.id);
    assert.ok(stopping.every((child) => ['ABORTING', 'COMPLETED'].includes(child.status)), 'every unfinished child is ABORTING with its parent');
    emulator.advance(2);
    const aborted = await call(emulator, 'GET', `/tasks/${created.body.id}`);
    assert.equal(aborted.body.status, 'ABORTED');
    const children = await allChildren(emulator, created.body.id);
    assert.ok(children.every((child) => ['ABORTED', 'COMPLETED'].includes(child.status)));
    assert.equal(aborted.body.execution_status.queued + aborted.body.execution_status.running, 0);
    assert.ok(aborted.body.execution_status.aborted > 0);
    emulator.advance(600);
    const later = await allChildren(emulator, created.body.id);
    assert.deepEqual(later.map((child) => child.status), children.map((child) => child.status), 'nothing starts after the abort');
  });

  it('clone makes a new DRAFT, and with action=run runs it', async () => {
    const draft = await call(emulator, 'POST', '/tasks', starAlignBody({ type: 'item' }));
    const clone = await call(emulator, 'POST', `/tasks/${draft.body.id}/actions/clone`);
    assert.equal(clone.status, 201);
    assert.equal(clone.body.status, 'DRAFT');
    assert.notEqual(clone.body.id, draft.body.id);
    assert.deepEqual(clone.body.inputs.reads, draft.body.inputs.reads);
    const rerun = await call(emulator, 'POST', `/tasks/${draft.body.id}/actions/clone?action=run`);
    assert.equal(rerun.body.status, 'CREATING');
    assert.equal(rerun.body.batch, true);
  });

  it('run, PATCH and DELETE follow the DRAFT rules', async () => {
    const draft = await call(emulator, 'POST', '/tasks', starAlignBody({ type: 'item' }));
    const patched = await call(emulator, 'PATCH', `/tasks/${draft.body.id}`, { name: 'renamed', inputs: { threads: 4 } });
    assert.equal(patched.body.name, 'renamed');
    assert.equal(patched.body.inputs.threads, 4);
    const run = await call(emulator, 'POST', `/tasks/${draft.body.id}/actions/run`);
    assert.equal(run.body.status, 'CREATING');
    assert.equal((await call(emulator, 'POST', `/tasks/${draft.body.id}/actions/run`)).body.code, 7007);
    assert.equal((await call(emulator, 'PATCH', `/tasks/${draft.body.id}`, { inputs: { threads: 2 } })).body.code, 7026);
    assert.equal((await call(emulator, 'PATCH', `/tasks/${draft.body.id}`, { name: 'late rename' })).status, 200);
    assert.equal((await call(emulator, 'DELETE', `/tasks/${draft.body.id}`)).status, 400);
    const other = await call(emulator, 'POST', '/tasks', starAlignBody({ type: 'item' }));
    assert.equal((await call(emulator, 'DELETE', `/tasks/${other.body.id}`)).status, 204);
    assert.equal((await call(emulator, 'GET', `/tasks/${other.body.id}`)).body.code, 7002);
  });
});

function pick(status: Record<string, number>) {
  const { queued, running, completed, failed, aborted } = status;
  return { queued, running, completed, failed, aborted };
}

describe('emulator execution details', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 0 });
  });
  after(() => emulator.close());

  it('jobs carry instance.disk, docker.checksum and logs (URLs naming a file id) as the SDK job models read them', async () => {
    const body = starAlignBody(null, { batch: false });
    delete body.batch_input;
    delete body.batch_by;
    const created = await call(emulator, 'POST', '/tasks?action=run', body);
    assert.equal((await call(emulator, 'GET', `/tasks/${created.body.id}/execution_details`)).body.jobs, null, 'no job while the instance initializes');
    emulator.advance(5 + 1);
    const running = (await call(emulator, 'GET', `/tasks/${created.body.id}/execution_details`)).body;
    assert.equal(running.jobs.length, 1);
    assert.equal(running.jobs[0].status, 'RUNNING');
    assert.deepEqual(running.jobs[0].logs, {}, 'a running job has no logs yet');
    emulator.advance(100);
    const done = (await call(emulator, 'GET', `/tasks/${created.body.id}/execution_details`)).body;
    assert.equal(done.jobs.length, 2);
    for (const job of done.jobs) {
      assert.equal(job.status, 'DONE');
      assert.deepEqual(job.instance.disk, { size: 1024, unit: 'GB', type: 'ebs-gp2' });
      assert.match(job.instance.type, /^\w+\.\w+$/);
      assert.match(job.docker.checksum, /^sha256:[0-9a-f]{64}$/);
      assert.deepEqual(Object.keys(job.logs), ['cmd.log', 'job.err.log']);
      for (const url of Object.values(job.logs) as string[]) {
        assert.ok(url.startsWith(`${emulator.url}/files/`), url);
        assert.match(/.*files\/(.*)\/.*/.exec(url)![1], /^[0-9a-f]{24}$/, 'the SDK reads the file id from the path');
      }
    }
    assert.notEqual(done.jobs[0].logs['cmd.log'], done.jobs[1].logs['cmd.log'], 'each job has its own log files');
  });
});
