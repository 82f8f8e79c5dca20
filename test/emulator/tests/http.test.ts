import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../index';
import { call, rnaSeqReads, starAlignBody } from './helpers';

describe('emulator pagination and bulk get', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
  });
  after(() => emulator.close());

  it('pages with href, links and X-Total-Matching-Query, following next links to the end', async () => {
    const names: string[] = [];
    let url: string | undefined = `${emulator.url}/files?project=alice/rna-seq&limit=10&fields=name`;
    let pages = 0;
    while (url) {
      const response = await fetch(url, { headers: { 'X-SBG-Auth-Token': emulator.token } });
      const page = (await response.json()) as any;
      assert.equal(response.headers.get('x-total-matching-query'), '28', '24 FASTQ, 3 other files and a folder at the root');
      assert.equal(new URL(page.href).searchParams.get('offset'), String(pages * 10));
      names.push(...page.items.map((file: any) => file.name));
      if (pages > 0) assert.ok(page.links.some((link: any) => link.rel === 'prev'));
      url = page.links.find((link: any) => link.rel === 'next')?.href;
      pages++;
    }
    assert.equal(pages, 3);
    assert.equal(new Set(names).size, 28);
  });

  it('lists default subsets, fields=_all and exclusions', async () => {
    const subset = (await call(emulator, 'GET', '/projects')).body.items[0];
    assert.deepEqual(Object.keys(subset).sort(), ['category', 'href', 'id', 'name']);
    const all = (await call(emulator, 'GET', '/projects?fields=_all')).body.items[0];
    assert.ok('root_folder' in all);
    const excluded = (await call(emulator, 'GET', '/projects/alice/rna-seq?fields=!tags,!description')).body;
    assert.ok(!('tags' in excluded) && 'root_folder' in excluded);
  });

  it('bulk gets up to 100 tasks, one record per id', async () => {
    const draft = await call(emulator, 'POST', '/tasks', { project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats' });
    const answer = await call(emulator, 'POST', '/bulk/tasks/get', { task_ids: [draft.body.id, '00000000-0000-4000-8000-000000000000'] });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.items[0].resource.id, draft.body.id);
    assert.equal(answer.body.items[1].error.code, 7002);
    const tooMany = await call(emulator, 'POST', '/bulk/tasks/get', { task_ids: Array.from({ length: 101 }, () => draft.body.id) });
    assert.equal(tooMany.status, 400);
    const files = await call(emulator, 'POST', '/bulk/files/get', { file_ids: [rnaSeqReads()[0].path] });
    assert.equal(files.body.items[0].resource.name, 'S01_L001_R1.fastq.gz');
  });
});

describe('emulator rate limit, maintenance and faults', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null, rateLimit: { limit: 3, windowSeconds: 60 } });
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.setRateLimit(1000, 300);
    emulator.resetLog();
  });

  it('counts requests per token in a fixed window, answers 429 code 1000, and resets on the emulated clock', async () => {
    emulator.setRateLimit(3, 60);
    const first = await call(emulator, 'GET', '/user');
    assert.equal(first.headers.get('x-ratelimit-limit'), '3');
    assert.equal(first.headers.get('x-ratelimit-remaining'), '2');
    const reset = Number(first.headers.get('x-ratelimit-reset'));
    assert.equal(reset, Math.ceil(emulator.now() / 1000) + 60);
    await call(emulator, 'GET', '/user');
    await call(emulator, 'GET', '/user');
    const refused = await call(emulator, 'GET', '/user');
    assert.equal(refused.status, 429);
    assert.equal(refused.body.code, 1000);
    assert.match(refused.body.message, new RegExp(new Date(reset * 1000).toISOString()));
    assert.equal(refused.headers.get('x-ratelimit-remaining'), '0');
    const status = await call(emulator, 'GET', '/rate_limit');
    assert.equal(status.status, 200, 'GET /rate_limit is not counted');
    assert.deepEqual(status.body.rate, { limit: 3, remaining: 0, reset });
    assert.equal((await call(emulator, 'GET', '/user', undefined, emulator.tokens.other)).status, 200, 'other tokens have their own window');
    emulator.advance(60);
    assert.equal((await call(emulator, 'GET', '/user')).status, 200);
  });

  it('answers 503 code 0 to everything while in maintenance', async () => {
    emulator.setMaintenance(true);
    const answer = await call(emulator, 'POST', '/tasks', { project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats' });
    emulator.setMaintenance(false);
    assert.equal(answer.status, 503);
    assert.equal(answer.body.code, 0);
    assert.ok(answer.headers.get('x-ratelimit-limit'));
    assert.equal(emulator.store.tasks.size, 0, 'nothing was created');
  });

  it('injects a status fault for a number of times on one route', async () => {
    emulator.setFault('GET /user', { kind: 'status', status: 500, times: 2 });
    assert.equal((await call(emulator, 'GET', '/user')).body.code, 90004);
    assert.equal((await call(emulator, 'GET', '/user')).status, 500);
    assert.equal((await call(emulator, 'GET', '/user')).status, 200);
  });

  it('injects latency', async () => {
    emulator.setFault('*', { kind: 'latency', ms: 60, times: 1 });
    const started = performance.now();
    assert.equal((await call(emulator, 'GET', '/user')).status, 200);
    assert.ok(performance.now() - started >= 55);
  });

  it('drops the connection before acting: nothing is created', async () => {
    emulator.setFault('POST /tasks', { kind: 'drop-before', times: 1 });
    const before = emulator.store.tasks.size;
    await assert.rejects(call(emulator, 'POST', '/tasks', { project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats' }));
    assert.equal(emulator.store.tasks.size, before);
    assert.equal(emulator.requests.at(-1)?.status, 0);
  });

  it('drops the connection after acting: the task exists', async () => {
    emulator.setFault('POST /tasks', { kind: 'drop-after', times: 1 });
    const before = emulator.store.tasks.size;
    await assert.rejects(call(emulator, 'POST', '/tasks', { project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats' }));
    assert.equal(emulator.store.tasks.size, before + 1);
  });

  it('answers malformed JSON with status 200', async () => {
    emulator.setFault('GET /tasks', { kind: 'malformed-json', times: 1 });
    const response = await fetch(`${emulator.url}/tasks`, { headers: { 'X-SBG-Auth-Token': emulator.token } });
    assert.equal(response.status, 200);
    await assert.rejects(response.json() as Promise<unknown>, SyntaxError);
  });

  it('logs every request and counts per route', async () => {
    await call(emulator, 'GET', '/user');
    await call(emulator, 'GET', '/projects/alice/rna-seq');
    await call(emulator, 'GET', '/projects/alice/variant-calling');
    assert.deepEqual(emulator.counters(), { 'GET /user': 1, 'GET /projects/:owner/:project': 2, total: 3 });
    assert.deepEqual(
      emulator.requests.map((request) => [request.method, request.path, request.status, request.user]),
      [['GET', '/user', 200, 'alice'], ['GET', '/projects/alice/rna-seq', 200, 'alice'], ['GET', '/projects/alice/variant-calling', 200, 'alice']],
    );
  });
});

describe('emulator admin API', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
  });
  after(() => emulator.close());

  const admin = (method: string, path: string, body?: unknown, token = emulator.adminToken) =>
    fetch(`${emulator.origin}/_emulator/${path}`, {
      method,
      headers: { 'X-Emulator-Admin': token, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('refuses calls without the admin token', async () => {
    assert.equal((await admin('POST', 'advance', { seconds: 10 }, '')).status, 403);
    assert.equal((await admin('GET', 'now', undefined, emulator.token)).status, 403);
  });

  it('advances the clock, sets faults, maintenance and limits, and reads the log', async () => {
    const start = emulator.now();
    const advanced = (await (await admin('POST', 'advance', { seconds: 30 })).json()) as any;
    assert.equal(advanced.now, start + 30_000);
    assert.equal((await admin('POST', 'fault', { route: 'GET /user', fault: { kind: 'status', status: 503, times: 1 } })).status, 200);
    assert.equal((await call(emulator, 'GET', '/user')).status, 503);
    assert.equal((await admin('POST', 'fault', { route: 'GET /user', fault: { kind: 'nonsense' } })).status, 400);
    await admin('POST', 'maintenance', { on: true });
    assert.equal((await call(emulator, 'GET', '/user')).body.code, 0);
    await admin('POST', 'maintenance', { on: false });
    await admin('POST', 'rate-limit', { limit: 7, windowSeconds: 10 });
    assert.equal((await call(emulator, 'GET', '/user')).headers.get('x-ratelimit-limit'), '7');
    const counters = (await (await admin('GET', 'counters')).json()) as any;
    assert.equal(counters['GET /user'], 3);
    await admin('POST', 'reset-log');
    assert.deepEqual(await (await admin('GET', 'requests')).json(), []);
    await call(emulator, 'POST', '/tasks', { project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats' });
    const tasks = (await (await admin('GET', 'tasks')).json()) as any[];
    assert.equal(tasks.length, 1);
    assert.equal(tasks[0].status, 'DRAFT');
  });

  it('creates many files with names and metadata in a project, readable by bulk get; refuses a bad request with what to fix', async () => {
    const answer = await admin('POST', 'files', { project: 'alice/rna-seq', count: 250, name: 'BULK{n}_R1.fastq.gz', metadata: { sample_id: 'B{n}' } });
    assert.equal(answer.status, 200);
    const created = (await answer.json()) as { count: number; ids: string[] };
    assert.equal(created.count, 250);
    assert.equal(new Set(created.ids).size, 250);
    const read = await call(emulator, 'POST', '/bulk/files/get', { file_ids: [created.ids[0], created.ids[249]] });
    assert.deepEqual(read.body.items.map((item: any) => [item.resource.name, item.resource.metadata.sample_id, item.resource.project]),
      [['BULK00001_R1.fastq.gz', 'B00001', 'alice/rna-seq'], ['BULK00250_R1.fastq.gz', 'B00250', 'alice/rna-seq']]);
    // The same names again: the same ids, nothing added twice.
    const again = (await (await admin('POST', 'files', { project: 'alice/rna-seq', count: 250, name: 'BULK{n}_R1.fastq.gz' })).json()) as { ids: string[] };
    assert.deepEqual(again.ids, created.ids);
    assert.equal(emulator.store.filesByProject.get('alice/rna-seq')!.filter((file) => file.name.startsWith('BULK')).length, 250);

    const refused = await admin('POST', 'files', { project: 'nobody/nothing', count: 1 });
    assert.equal(refused.status, 400);
    assert.match(((await refused.json()) as any).message, /"project" must name an existing project/);
    assert.match(((await (await admin('POST', 'files', { project: 'alice/rna-seq', count: -1 })).json()) as any).message, /"count" must be a whole number/);
    assert.match(((await (await admin('POST', 'files', { project: 'alice/rna-seq', count: 2, name: 'fixed.bam' })).json()) as any).message, /\{n\}/);
  });

  it('deletes a running task, as its owner might on the platform: 404 from then on, in no listing even after it would have ended', async () => {
    const run = await call(emulator, 'POST', '/tasks?action=run&batch=false', starAlignBody(undefined, { name: 'to delete' }));
    assert.equal(run.body.status, 'RUNNING');
    assert.equal((await call(emulator, 'DELETE', `/tasks/${run.body.id}`)).status, 400, 'the public API deletes drafts only');
    assert.equal((await admin('POST', 'delete-task', { id: run.body.id })).status, 200);
    const gone = await call(emulator, 'GET', `/tasks/${run.body.id}`);
    assert.deepEqual([gone.status, gone.body.code], [404, 7002]);
    await admin('POST', 'advance', { seconds: 120 });
    for (const status of ['RUNNING', 'COMPLETED', 'FAILED']) {
      const listed = await call(emulator, 'GET', `/tasks?project=alice/rna-seq&status=${status}&limit=100`);
      assert.ok(!listed.body.items.some((task: any) => task.id === run.body.id), `not listed as ${status}`);
    }
    const refused = await admin('POST', 'delete-task', { id: run.body.id });
    assert.deepEqual([refused.status, ((await refused.json()) as any).message], [400, `no task ${run.body.id} to delete`]);
    assert.match(((await (await admin('POST', 'delete-task', {})).json()) as any).message, /"id" must be a task id/);
  });
});

describe('emulator Date header', () => {
  const startTime = Date.parse('2019-03-01T12:00:00Z');
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null, startTime });
  });
  after(() => emulator.close());

  const dateOf = (headers: Headers) => Date.parse(headers.get('date') ?? '');

  it('dates every answer in emulated time, not by the wall clock: success, refusals, unknown paths, admin', async () => {
    assert.equal(dateOf((await call(emulator, 'GET', '/user')).headers), startTime);
    assert.equal(dateOf((await call(emulator, 'GET', '/user', undefined, 'not-a-token')).headers), startTime, '401');
    assert.equal(dateOf((await fetch(`${emulator.origin}/elsewhere`)).headers), startTime, '404 outside /v2');
    assert.equal(dateOf((await fetch(`${emulator.origin}/_emulator/now`)).headers), startTime, 'admin API, refused without its token');
    emulator.setMaintenance(true);
    const maintenance = await call(emulator, 'GET', '/user');
    emulator.setMaintenance(false);
    assert.equal(maintenance.status, 503);
    assert.equal(dateOf(maintenance.headers), startTime, 'maintenance');
  });

  it('moves the Date with the emulated clock', async () => {
    emulator.advance(90);
    assert.equal(dateOf((await call(emulator, 'GET', '/user')).headers), startTime + 90_000);
  });
});
