import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SbgClient } from '../../platform/src/client';
import type { TaskRequestBody } from '../../platform/src/types';
import type { Emulator } from '../emulator/index';
import { clientFor, ClientHarness, startPlatform } from './platformFixture';

describe('SbgClient endpoints against the emulator', () => {
  let emulator: Emulator;
  let harness: ClientHarness;
  let client: SbgClient;
  let bamId: string;

  before(async () => {
    emulator = await startPlatform();
    harness = clientFor(emulator);
    client = harness.client;
    bamId = [...emulator.store.files.values()].find((file) => file.name === 'S01.sorted.bam')!.id;
  });
  after(() => emulator.close());
  beforeEach(() => emulator.resetLog());

  /** bam-stats with its two required inputs: a task without errors, so it can run. */
  function runnable(name: string): TaskRequestBody {
    return { project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', name, inputs: { bams: { class: 'File', path: bamId }, mode: 'fast' } };
  }

  /** The last request the emulator saw, as method, path and decoded query. */
  function lastRequest(): { method: string; path: string; query: Record<string, string[]> } {
    const request = emulator.requests[emulator.requests.length - 1];
    const query: Record<string, string[]> = {};
    for (const [key, value] of new URLSearchParams(request.query)) (query[key] ??= []).push(value);
    return { method: request.method, path: request.path, query };
  }

  it('GET /user checks the token; GET /rate_limit is read without being counted', async () => {
    const user = await client.getUser();
    assert.equal(user.username, 'alice');
    const remaining = client.rateLimit.remaining!;
    const status = await client.getRateLimit();
    assert.equal(status.rate.limit, 1000);
    assert.equal(status.rate.remaining, remaining);
    assert.equal(client.baseUrl, emulator.url);
  });

  it('projects: list with a name filter, get one; fields select on every read', async () => {
    const page = await client.listProjects({ name: 'RNA-seq' });
    assert.deepEqual(page.items.map((project) => project.id), ['alice/rna-seq']);
    assert.equal(page.total, 1);
    const project = await client.getProject('alice/rna-seq');
    assert.equal(project.description, 'Bulk RNA-seq of six samples.');
    const slim = await client.getProject('alice/rna-seq', { fields: 'id,name' });
    assert.deepEqual(Object.keys(slim).sort(), ['id', 'name']);
    assert.deepEqual(lastRequest(), { method: 'GET', path: '/projects/alice/rna-seq', query: { fields: ['id,name'] } });
  });

  it('apps: list by project; get the latest, a given revision (in the id or as an option), with raw', async () => {
    const page = await client.listApps({ project: 'alice/rna-seq', limit: 2 });
    assert.equal(page.items.length, 2);
    assert.equal(page.total, 3);
    assert.deepEqual(lastRequest().query, { project: ['alice/rna-seq'], limit: ['2'] });

    const latest = await client.getApp('alice/rna-seq/star-align');
    assert.equal(latest.revision, 2);
    assert.equal(latest.raw?.cwlVersion, 'sbg:draft-2');
    assert.equal((await client.getApp('alice/rna-seq/star-align/1')).revision, 1);
    assert.equal((await client.getApp('alice/rna-seq/star-align/1', { revision: 0 })).revision, 0);
    assert.equal(lastRequest().path, '/apps/alice/rna-seq/star-align/0');
    const noRaw = await client.getApp('alice/rna-seq/salmon-quant', { fields: '!raw' });
    assert.equal(noRaw.raw, undefined);
    assert.equal(noRaw.name !== undefined, true);
  });

  it('files: list by project with name and metadata filters, by folder, get one', async () => {
    const named = await client.listFiles({ project: 'alice/rna-seq' }, { name: ['S01_L001_R1.fastq.gz', 'S01_L001_R2.fastq.gz'] });
    assert.deepEqual(named.items.map((file) => file.name).sort(), ['S01_L001_R1.fastq.gz', 'S01_L001_R2.fastq.gz']);
    assert.deepEqual(lastRequest().query, { project: ['alice/rna-seq'], name: ['S01_L001_R1.fastq.gz', 'S01_L001_R2.fastq.gz'] });

    const bySample = await client.listFiles({ project: 'alice/rna-seq' }, { metadata: { sample_id: 'S02', paired_end: '1' }, fields: 'id,name,metadata' });
    assert.deepEqual(bySample.items.map((file) => file.name).sort(), ['S02_L001_R1.fastq.gz', 'S02_L002_R1.fastq.gz']);
    assert.equal(bySample.items[0].metadata?.sample_id, 'S02');

    const folder = (await client.listFiles({ project: 'alice/rna-seq' }, { name: ['results'] })).items[0];
    assert.equal(folder.type, 'FOLDER', 'the type as the folder-listing docs show it (variant file-type=upper)');
    const inFolder = await client.listFiles({ parent: folder.id });
    assert.deepEqual(inFolder.items.map((file) => file.name), ['S01.summary.txt']);

    const file = await client.getFile(bamId);
    assert.equal(file.name, 'S01.sorted.bam');
    assert.equal(file.size, 2_400_000_000);
  });

  it('bulk get of files splits more than 100 ids into requests of 100, one record per id in order', async () => {
    const known = [...emulator.store.files.values()].filter((file) => file.project !== 'bob/private').map((file) => file.id);
    const unknown = Array.from({ length: 130 - known.length }, (_, i) => (0xabc000 + i).toString(16).padStart(24, '0'));
    const ids = [...unknown.slice(0, 60), ...known, ...unknown.slice(60)];
    const records = await client.bulkGetFiles(ids);
    assert.equal(records.length, 130);
    records.forEach((record, i) => {
      if (known.includes(ids[i])) assert.equal(record.resource?.id, ids[i]);
      else assert.equal(record.error?.status, 404);
    });
    assert.equal(emulator.counters()['POST /bulk/files/get'], 2);
  });

  it('tasks: create a draft, get, update, delete', async () => {
    const draft = await client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/salmon-quant', name: 'draft', inputs: {} });
    assert.equal(draft.status, 'DRAFT');
    assert.ok((draft.errors?.length ?? 0) > 0, 'a draft with problems is still created, carrying its errors');
    assert.deepEqual(lastRequest(), { method: 'POST', path: '/tasks', query: {} });

    assert.equal((await client.getTask(draft.id)).name, 'draft');
    assert.deepEqual(Object.keys(await client.getTask(draft.id, { fields: 'id,status' })).sort(), ['id', 'status']);
    const renamed = await client.updateTask(draft.id, { name: 'renamed', description: 'edited' });
    assert.equal(renamed.name, 'renamed');
    assert.equal(emulator.store.task(draft.id)?.task.description, 'edited');

    await client.deleteTask(draft.id);
    assert.equal(emulator.store.task(draft.id), undefined);
    assert.equal(lastRequest().method, 'DELETE');
  });

  it('tasks: create and run at once (action=run), abort, clone (and clone with run), execution details', async () => {
    const running = await client.createTask(runnable('run-now'), { run: true });
    assert.deepEqual(lastRequest().query, { action: ['run'] });
    assert.notEqual(running.status, 'DRAFT');
    assert.deepEqual(running.errors ?? [], []);

    const details = await client.getExecutionDetails(running.id);
    assert.equal(typeof details.status, 'string');

    const aborted = await client.abortTask(running.id);
    assert.ok(aborted.status === 'ABORTING' || aborted.status === 'ABORTED', aborted.status);

    const clone = await client.cloneTask(running.id);
    assert.equal(clone.status, 'DRAFT');
    assert.notEqual(clone.id, running.id);
    const rerun = await client.cloneTask(running.id, { run: true });
    assert.deepEqual(lastRequest().query, { action: ['run'] });
    assert.notEqual(rerun.status, 'DRAFT');
  });

  it('tasks: run a draft, and run a batch draft as one task with batch=false', async () => {
    const draft = await client.createTask(runnable('run-later'));
    assert.equal(draft.status, 'DRAFT');
    const started = await client.runTask(draft.id);
    assert.notEqual(started.status, 'DRAFT');
    assert.deepEqual(lastRequest(), { method: 'POST', path: `/tasks/${draft.id}/actions/run`, query: {} });

    const batchDraft = await client.createTask({
      ...runnable('run-unbatched'),
      inputs: { bams: [{ class: 'File', path: bamId }, { class: 'File', path: bamId }], mode: 'fast' },
      batch_input: 'bams',
      batch_by: { type: 'ITEM' },
    });
    assert.equal(batchDraft.batch, true);
    const single = await client.runTask(batchDraft.id, { batch: false });
    assert.deepEqual(lastRequest().query, { batch: ['false'] });
    assert.notEqual(single.status, 'DRAFT');
    assert.deepEqual((await client.listTasks({ parent: batchDraft.id })).items, [], 'run as one task: no children');
  });

  it('tasks: list with every filter of docs/PLATFORM.md#listing-tasks, children by parent, and let time move them', async () => {
    const ran = await client.createTask(runnable('listed'), { run: true });
    emulator.advance(3600);
    const done = await client.getTask(ran.id);
    assert.ok(done.status === 'COMPLETED' || done.status === 'FAILED', done.status);

    const filter = {
      project: 'alice/rna-seq',
      status: done.status,
      batch: false,
      created_from: '2026-01-01',
      created_to: '2030-01-01T00:00:00',
      started_from: '2026-01-01',
      started_to: '2030-01-01',
      ended_from: '2026-01-01',
      ended_to: '2030-01-01',
      order_by: 'created_time' as const,
      order: 'desc' as const,
      offset: 0,
      limit: 10,
      fields: 'id,name,status',
    };
    const page = await client.listTasks(filter);
    assert.ok(page.items.some((task) => task.id === ran.id));
    assert.ok(page.items.every((task) => task.status === done.status));
    assert.deepEqual(lastRequest().query, {
      project: ['alice/rna-seq'], status: [done.status!], batch: ['false'], created_from: ['2026-01-01'], created_to: ['2030-01-01T00:00:00'],
      started_from: ['2026-01-01'], started_to: ['2030-01-01'], ended_from: ['2026-01-01'], ended_to: ['2030-01-01'],
      order_by: ['created_time'], order: ['desc'], offset: ['0'], limit: ['10'], fields: ['id,name,status'],
    });

    const none = await client.listTasks({ origin_id: randomUUID() });
    assert.deepEqual(none.items, []);
    assert.equal(none.total, 0);

    const batch = await client.createTask({
      ...runnable('batch'),
      inputs: { bams: [{ class: 'File', path: bamId }, { class: 'File', path: bamId }], mode: 'full' },
      batch_input: 'bams',
      batch_by: { type: 'ITEM' },
    }, { run: true });
    emulator.advance(2); // CREATING: the children are being made
    const children: string[] = [];
    for await (const child of client.allTasks({ parent: batch.id, fields: 'id,parent' })) children.push(child.parent!);
    assert.deepEqual(children, [batch.id, batch.id]);
  });

  it('bulk get of tasks splits more than 100 ids and keeps their order', async () => {
    const real = await client.createTask(runnable('bulk'));
    const ids = Array.from({ length: 150 }, (_, i) => (i === 120 ? real.id : randomUUID()));
    const records = await client.bulkGetTasks(ids, { fields: 'id,status' });
    assert.equal(records.length, 150);
    assert.equal(records[120].resource?.id, real.id);
    assert.equal(records[0].error?.status, 404);
    assert.equal(emulator.counters()['POST /bulk/tasks/get'], 2);
    assert.deepEqual(await client.bulkGetTasks([]), []);
  });

  it('the request log has method, path, status, duration, remaining and request id, and never the token', () => {
    assert.ok(harness.log.length > 20);
    for (const entry of harness.log) {
      assert.ok(!JSON.stringify(entry).includes(emulator.token));
      assert.ok(entry.path.startsWith('/'), entry.path);
      assert.equal(typeof entry.durationMs, 'number');
    }
    const created = harness.log.find((entry) => entry.method === 'POST' && entry.path === '/tasks?action=run')!;
    assert.ok(created.status === 200 || created.status === 201);
    assert.equal(typeof created.requestId, 'string');
    assert.equal(typeof created.rateLimitRemaining, 'number');
  });
});
