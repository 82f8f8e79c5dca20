import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SbgClient } from '../../platform/src/client';
import { SbgApiError, SbgErrorKind } from '../../platform/src/errors';
import type { Emulator } from '../emulator/index';
import { clientFor, ClientHarness, rejectionOf, startPlatform } from './platformFixture';

describe('errors: every kind, with a message a person can act on and never the token', () => {
  let emulator: Emulator;
  let harness: ClientHarness;
  let client: SbgClient;
  /** Every error and log entry of this suite, checked for the token at the end. */
  const texts: string[] = [];

  before(async () => {
    emulator = await startPlatform();
    harness = clientFor(emulator);
    client = harness.client;
  });
  after(async () => {
    const tokens = Object.values(emulator.tokens).concat(emulator.token);
    const everything = texts.concat(harness.log.map((entry) => JSON.stringify(entry)));
    assert.ok(everything.length > 15);
    for (const token of tokens) {
      for (const text of everything) assert.ok(!text.includes(token), `a token leaked into: ${text}`);
    }
    await emulator.close();
  });
  beforeEach(() => emulator.setFault('*', null));

  async function failure(promise: Promise<unknown>, kind: SbgErrorKind): Promise<SbgApiError> {
    const error = await rejectionOf(promise);
    assert.ok(error instanceof SbgApiError, String(error));
    assert.equal(error.kind, kind, error.message);
    texts.push(error.message, JSON.stringify(error), error.stack ?? '');
    return error;
  }

  it('401: the token is invalid or expired for the environment', async () => {
    for (const token of [emulator.tokens.expired, 'ffffffffffffffffffffffffffffffff']) {
      const stale = clientFor(emulator, { token }).client;
      const error = await failure(stale.getUser(), 'unauthorized');
      assert.equal(error.status, 401);
      assert.equal(error.message, 'The token is invalid or expired for the emulator: sign in again.');
      assert.ok(!error.message.includes(token));
    }
  });

  it('403 names the project the user may not see', async () => {
    const error = await failure(client.getProject('bob/private'), 'forbidden');
    assert.equal(error.status, 403);
    assert.equal(error.code, 3001);
    assert.match(error.message, /^No access to project bob\/private on the emulator: check the id, or ask the project's administrator to add you\. \(403, code 3001: .+\)$/);
  });

  it('403/404 on create name the project or the app, by the platform code', async () => {
    const noProject = await failure(client.createTask({ project: 'bob/private', app: 'alice/rna-seq/salmon-quant', inputs: {} }), 'forbidden');
    assert.match(noProject.message, /^No access to project bob\/private on the emulator/);
    const noApp = await failure(client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/no-such-app', inputs: {} }), 'notFound');
    assert.equal(noApp.code, 6002);
    assert.match(noApp.message, /^App alice\/rna-seq\/no-such-app was not found on the emulator: check the id and that it belongs to this environment\./);
  });

  it('404 names the task, file, app or project', async () => {
    const taskId = randomUUID();
    const cases: [Promise<unknown>, string][] = [
      [client.getTask(taskId), `Task ${taskId} was not found on the emulator`],
      [client.getFile('0123456789abcdef01234567'), 'File 0123456789abcdef01234567 was not found on the emulator'],
      [client.getApp('alice/rna-seq/star-align/99'), 'App alice/rna-seq/star-align/99 was not found on the emulator'],
      [client.getProject('alice/nothing-here'), 'Project alice/nothing-here was not found on the emulator'],
    ];
    for (const [call, start] of cases) {
      const error = await failure(call, 'notFound');
      assert.equal(error.status, 404);
      assert.ok(error.message.startsWith(start), error.message);
    }
  });

  it('400 carries the platform code and message, which say what to fix', async () => {
    const draft = await client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/salmon-quant', name: 'not running', inputs: {} });
    const error = await failure(client.abortTask(draft.id), 'badRequest');
    assert.equal(error.status, 400);
    assert.equal(error.code, 7011);
    assert.equal(error.message, `the emulator refused POST /tasks/${draft.id}/actions/abort: ${error.platformMessage} (400, code 7011).`);
    assert.equal(typeof error.moreInfo, 'string');
    assert.equal(typeof error.requestId, 'string');
  });

  it("the codes the SDKs know say what to do beside the platform's text: 7012 missing inputs, 409 conflicts, 5005/5029/5031 file listings", async () => {
    const draft = await client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/salmon-quant', name: 'nothing filled', inputs: {} });
    const missing = await failure(client.runTask(draft.id), 'badRequest');
    assert.equal(missing.code, 7012);
    assert.equal(missing.message, `the emulator refused POST /tasks/${draft.id}/actions/run: ${missing.platformMessage} (400, code 7012). The task's required inputs need values: fill them in, then run it again.`);
    assert.match(missing.platformMessage!, /^Missing inputs: /, "the platform's text names the inputs");

    emulator.setFault('POST /tasks/:id/actions/run', { kind: 'status', status: 409, times: 1 });
    const conflict = await failure(client.runTask(draft.id), 'badRequest');
    assert.deepEqual([conflict.status, conflict.code], [409, 90007]);
    assert.match(conflict.message, new RegExp(`\\(409, code 90007\\)\\. It conflicts with the current state of task ${draft.id} \\(another request may have changed it\\): refresh to see that state, then try again if it still applies\\.$`));
    emulator.setFault('POST /tasks', { kind: 'status', status: 409, code: 7003, times: 1 });
    const exists = await failure(client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/salmon-quant', inputs: {} }), 'badRequest');
    assert.match(exists.message, /\(409, code 7003\)\. It conflicts with the current state of /);

    const malformed = await failure(client.listFiles({ project: 'rna-seq' }), 'badRequest');
    assert.equal(malformed.code, 5005);
    assert.ok(malformed.message.endsWith(" A project id is written owner/project, as in the project's address on the platform."), malformed.message);
    const root = (await client.getProject('alice/rna-seq')).root_folder!;
    const both = await failure(client.listFiles({ project: 'alice/rna-seq', parent: root }), 'badRequest');
    assert.equal(both.code, 5031);
    assert.ok(both.message.endsWith(' A file listing names either a project or a parent folder, exactly one of them.'), both.message);
  });

  it('429 says when the limit resets; maintenance says to come back later', async () => {
    emulator.setFault('GET /user', { kind: 'status', status: 429, code: 1000, times: 1 });
    const limited = await failure(clientFor(emulator, { maxWaitMs: 0 }).client.getUser(), 'rateLimited');
    assert.match(limited.message, /it resets at \d{4}-.+Z, try again after that\.$/);
    emulator.setMaintenance(true);
    try {
      const maintenance = await failure(clientFor(emulator, { maxWaitMs: 0 }).client.getUser(), 'maintenance');
      assert.equal(maintenance.message, 'the emulator is under maintenance and did not act on GET /user: try again in a few minutes.');
    } finally {
      emulator.setMaintenance(false);
    }
  });

  it('5xx names the request and the request id to give support', async () => {
    emulator.setFault('POST /tasks', { kind: 'status', status: 500, times: 1 });
    const error = await failure(client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/salmon-quant', inputs: {} }), 'server');
    assert.equal(error.status, 500);
    assert.match(error.message, /^the emulator failed on POST \/tasks \(500, code \d+: .+\): try again later; if it keeps failing, tell support the request id \S+\.$/);
    assert.ok(error.requestId && error.message.includes(error.requestId));
  });

  it('a broken connection, a timeout, a cancellation and a body that is not JSON each say what happened', async () => {
    emulator.setFault('POST /tasks', { kind: 'drop-before', times: 1 });
    const dropped = await failure(client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/salmon-quant', inputs: {} }), 'network');
    assert.match(dropped.message, /^Could not reach the emulator at 127\.0\.0\.1:\d+ for POST \/tasks \(.+\): check the network connection and the API URL\./);

    emulator.setFault('GET /user', { kind: 'latency', ms: 300 });
    const impatient = clientFor(emulator, { timeoutMs: 40 });
    const slow = await failure(impatient.client.getUser(), 'timeout');
    texts.push(...impatient.log.map((entry) => JSON.stringify(entry)));
    assert.equal(slow.message, 'the emulator did not answer GET /user within 40 ms: check the network connection, or raise the timeout.');

    const controller = new AbortController();
    controller.abort();
    const cancelled = await failure(client.getProject('alice/rna-seq', { signal: controller.signal }), 'cancelled');
    assert.equal(cancelled.message, 'GET /projects/alice/rna-seq was cancelled before it was sent.');
    emulator.setFault('GET /user', null);

    emulator.setFault('GET /projects/:owner/:project', { kind: 'malformed-json', times: 1 });
    const broken = await failure(client.getProject('alice/rna-seq'), 'nonJson');
    assert.match(broken.message, /with a body that is not JSON/);
  });

  it('an empty id is refused before anything is sent (it would turn a get into a list)', async () => {
    const before = emulator.counters().total ?? 0;
    const error = await failure(client.getTask(''), 'badRequest');
    assert.equal(error.message, "No task id was given: pass the task's id.");
    assert.equal(emulator.counters().total ?? 0, before);
  });
});
