import { strict as assert } from 'node:assert';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SbgApiError } from '../../platform/src/errors';
import type { Emulator } from '../emulator/index';
import { clientFor, rejectionOf, startPlatform, statusesOf } from './platformFixture';

const DRAFT = { project: 'alice/rna-seq', app: 'alice/rna-seq/salmon-quant', inputs: {} };

describe('request core against the emulator', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startPlatform();
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.setFault('*', null);
    for (const route of ['GET /user', 'POST /tasks', 'POST /bulk/tasks/get']) emulator.setFault(route, null);
    emulator.setMaintenance(false);
    emulator.setRateLimit(1000, 300);
    emulator.resetLog();
  });

  function tasksNamed(name: string): number {
    return [...emulator.store.tasks.values()].filter((record) => record.task.name === name).length;
  }

  it('remembers X-RateLimit-Limit/Remaining/Reset from every answer', async () => {
    emulator.setRateLimit(50, 300);
    const { client, log } = clientFor(emulator);
    assert.deepEqual(client.rateLimit, {});
    await client.getUser();
    await client.getProject('alice/rna-seq');
    assert.equal(client.rateLimit.limit, 50);
    assert.equal(client.rateLimit.remaining, 48);
    assert.equal(client.rateLimit.reset, Math.ceil((emulator.now() + 300_000) / 1000));
    assert.deepEqual(log.map((entry) => [entry.method, entry.path, entry.status, entry.rateLimitRemaining]), [
      ['GET', '/user', 200, 49],
      ['GET', '/projects/alice/rna-seq', 200, 48],
    ]);
  });

  describe('rate limit', () => {
    it('a client that exhausts a small limit waits for the reset and completes every request: none lost, none sent twice', async () => {
      emulator.setRateLimit(4, 60);
      const { client, waits } = clientFor(emulator, { maxWaitMs: 60 * 60_000 });
      const names = Array.from({ length: 11 }, (_, i) => `rate-limited-${i}`);
      const started = emulator.now();
      // All at once, so that some reach the platform after the budget is spent and earn a real 429.
      const tasks = await Promise.all(names.map((name) => client.createTask({ ...DRAFT, name })));

      assert.deepEqual(tasks.map((task) => task.name), names);
      for (const name of names) assert.equal(tasksNamed(name), 1, `${name} created exactly once`);
      const statuses = statusesOf(emulator, 'POST /tasks');
      assert.equal(statuses.filter((status) => status >= 200 && status < 300).length, names.length);
      assert.ok(statuses.includes(429), 'some requests were refused with 429 and sent again');
      assert.ok(statuses.every((status) => status === 429 || (status >= 200 && status < 300)), String(statuses));
      assert.ok(waits.length > 0 && waits.every((wait) => wait.reason === 'rate-limit'));
      assert.ok(emulator.now() - started >= 2 * 60_000, 'eleven requests at four per minute need at least two resets');
    });

    it('waits before sending when the last answer said the budget is spent, so no request earns a 429', async () => {
      emulator.setRateLimit(2, 60);
      const { client, waits } = clientFor(emulator, { maxWaitMs: 10 * 60_000 });
      for (let i = 0; i < 5; i++) await client.getUser();
      assert.deepEqual(statusesOf(emulator, 'GET /user'), [200, 200, 200, 200, 200]);
      assert.equal(waits.length, 2);
    });

    it('fails without sending when the reset is further away than maxWaitMs, saying when to try again', async () => {
      emulator.setRateLimit(1, 300);
      const { client } = clientFor(emulator, { maxWaitMs: 10_000 });
      await client.getUser();
      const error = await rejectionOf(client.getUser());
      assert.ok(error instanceof SbgApiError && error.kind === 'rateLimited');
      const resetAt = new Date(client.rateLimit.reset! * 1000).toISOString();
      assert.equal(error.retryAt, client.rateLimit.reset! * 1000);
      assert.equal(error.message, `The API rate limit for the emulator is used up (1 requests per window): it resets at ${resetAt}, try again after that.`);
      assert.deepEqual(statusesOf(emulator, 'GET /user'), [200], 'the second request was not sent');
    });

    it('a 429 that cannot be waited out becomes an error with status, code and the reset time', async () => {
      emulator.setRateLimit(1, 300);
      await clientFor(emulator).client.getUser();
      const fresh = clientFor(emulator, { maxWaitMs: 1_000 }).client;
      const error = await rejectionOf(fresh.getUser());
      assert.ok(error instanceof SbgApiError);
      assert.equal(error.kind, 'rateLimited');
      assert.equal(error.status, 429);
      assert.equal(error.code, 1000);
      assert.match(error.message, /^The API rate limit for the emulator is used up \(1 requests per window\): it resets at \d{4}-\d\d-\d\dT[\d:.]+Z, try again after that\.$/);
    });

    it('sends a create again after a 429: the platform did not act on it', async () => {
      emulator.setRateLimit(1, 60);
      await clientFor(emulator).client.getUser();
      // A second client has not seen the spent budget, so its create reaches the platform and gets a 429.
      const { client, waits } = clientFor(emulator, { maxWaitMs: 5 * 60_000 });
      const task = await client.createTask({ ...DRAFT, name: 'after-429' });
      assert.equal(task.name, 'after-429');
      assert.equal(tasksNamed('after-429'), 1);
      const statuses = statusesOf(emulator, 'POST /tasks');
      assert.equal(statuses[0], 429);
      assert.equal(statuses.length, 2);
      assert.ok(statuses[1] >= 200 && statuses[1] < 300);
      assert.equal(waits.length, 1);
    });
  });

  describe('maintenance', () => {
    it('waits with backoff while the platform is under maintenance, then sends a create again, once', async () => {
      emulator.setMaintenance(true);
      let waitsBeforeEnd = 2;
      const { client, waits } = clientFor(emulator, {
        maxWaitMs: 60 * 60_000,
        onWait: () => {
          if (--waitsBeforeEnd === 0) emulator.setMaintenance(false);
        },
      });
      const task = await client.createTask({ ...DRAFT, name: 'after-maintenance' });
      assert.equal(task.name, 'after-maintenance');
      assert.equal(tasksNamed('after-maintenance'), 1);
      assert.deepEqual(statusesOf(emulator, 'POST /tasks').slice(0, 2), [503, 503]);
      assert.equal(statusesOf(emulator, 'POST /tasks').length, 3);
      assert.deepEqual(waits.map((wait) => wait.reason), ['maintenance', 'maintenance']);
    });

    it('gives up after maxWaitMs with a message that says to try again later', async () => {
      emulator.setMaintenance(true);
      const { client } = clientFor(emulator, { maxWaitMs: 30_000 });
      const error = await rejectionOf(client.getUser());
      assert.ok(error instanceof SbgApiError && error.kind === 'maintenance');
      assert.equal(error.status, 503);
      assert.equal(error.code, 0);
      assert.match(error.message, /^the emulator is under maintenance and did not act on GET \/user: try again in a few minutes\. \(The client already waited [\d.]+ s\.\)$/);
    });
  });

  describe('retries after the request may have reached the platform', () => {
    it('a read is sent again after 5xx answers and a dropped connection', async () => {
      const { client } = clientFor(emulator);
      emulator.setFault('GET /user', { kind: 'status', status: 500, times: 2 });
      assert.equal((await client.getUser()).username, 'alice');
      emulator.setFault('GET /user', { kind: 'drop-after', times: 1 });
      assert.equal((await client.getUser()).username, 'alice');
      assert.equal(emulator.counters()['GET /user'], 5);
    });

    it('a bulk get is a read: sent again after a 5xx', async () => {
      const { client } = clientFor(emulator);
      emulator.setFault('POST /bulk/tasks/get', { kind: 'status', status: 502, times: 1 });
      const records = await client.bulkGetTasks(['00000000-0000-4000-8000-000000000000']);
      assert.equal(records.length, 1);
      assert.equal(emulator.counters()['POST /bulk/tasks/get'], 2);
    });

    it('a read gives up after a few retries with the last failure', async () => {
      const { client, log } = clientFor(emulator);
      emulator.setFault('GET /user', { kind: 'status', status: 500 });
      const error = await rejectionOf(client.getUser());
      assert.ok(error instanceof SbgApiError && error.kind === 'server');
      assert.equal(log.length, 4, 'one try and three retries');
    });

    it('a create is never sent again after the connection dropped once it was sent: exactly one POST, one task', async () => {
      const { client } = clientFor(emulator);
      emulator.setFault('POST /tasks', { kind: 'drop-after', times: 1 });
      const error = await rejectionOf(client.createTask({ ...DRAFT, name: 'dropped-create' }));
      assert.ok(error instanceof SbgApiError && error.kind === 'network');
      assert.match(error.message, /The request may have reached the platform: check whether it took effect before sending it again\.$/);
      assert.equal(emulator.counters()['POST /tasks'], 1);
      assert.equal(tasksNamed('dropped-create'), 1, 'the platform created it; the client must not create a second');
    });

    it('neither a create nor a run is sent again after a 5xx', async () => {
      const { client } = clientFor(emulator);
      emulator.setFault('POST /tasks', { kind: 'status', status: 500, times: 1 });
      const error = await rejectionOf(client.createTask({ ...DRAFT, name: 'create-500' }));
      assert.ok(error instanceof SbgApiError && error.kind === 'server');
      assert.equal(emulator.counters()['POST /tasks'], 1);

      const draft = await client.createTask({ ...DRAFT, name: 'run-500' });
      emulator.setFault('POST /tasks/:id/actions/run', { kind: 'drop-before', times: 1 });
      const runError = await rejectionOf(client.runTask(draft.id));
      assert.ok(runError instanceof SbgApiError && runError.kind === 'network');
      assert.equal(emulator.counters()['POST /tasks/:id/actions/run'], 1);
      emulator.setFault('POST /tasks/:id/actions/run', null);
    });
  });

  describe('timeout and cancellation', () => {
    it('times out a slow answer (a read is retried, then fails naming the time limit)', async () => {
      const { client, log } = clientFor(emulator, { timeoutMs: 40 });
      emulator.setFault('GET /user', { kind: 'latency', ms: 400 });
      const error = await rejectionOf(client.getUser());
      assert.ok(error instanceof SbgApiError);
      assert.equal(error.kind, 'timeout');
      assert.equal(error.message, 'the emulator did not answer GET /user within 40 ms: check the network connection, or raise the timeout.');
      assert.equal(log.length, 4);
      assert.ok(log.every((entry) => entry.status === undefined && entry.error === error.message));
    });

    it('a create that times out is not sent again', async () => {
      const { client, log } = clientFor(emulator, { timeoutMs: 40 });
      emulator.setFault('POST /tasks', { kind: 'latency', ms: 400, times: 1 });
      const error = await rejectionOf(client.createTask({ ...DRAFT, name: 'slow-create' }));
      assert.ok(error instanceof SbgApiError && error.kind === 'timeout');
      assert.match(error.message, /may have reached the platform/);
      assert.equal(log.length, 1);
    });

    it('cancels an answer in flight through the AbortSignal, without retrying', async () => {
      const { client, log } = clientFor(emulator);
      emulator.setFault('GET /user', { kind: 'latency', ms: 400 });
      const controller = new AbortController();
      const pending = client.getUser({ signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      const error = await rejectionOf(pending);
      assert.ok(error instanceof SbgApiError);
      assert.equal(error.kind, 'cancelled');
      assert.equal(error.message, 'GET /user was cancelled.');
      assert.equal(log.length, 1);
    });

    it('sends nothing when the signal is already aborted, and stops a rate-limit wait when it aborts', async () => {
      const { client } = clientFor(emulator);
      const controller = new AbortController();
      controller.abort();
      const error = await rejectionOf(client.getUser({ signal: controller.signal }));
      assert.ok(error instanceof SbgApiError && error.kind === 'cancelled');
      assert.equal(emulator.counters()['GET /user'] ?? 0, 0);

      emulator.setRateLimit(1, 300);
      const waiting = new AbortController();
      const { client: patient } = clientFor(emulator, { maxWaitMs: 10 * 60_000, onWait: () => waiting.abort() });
      await patient.getUser();
      const waitError = await rejectionOf(patient.getUser({ signal: waiting.signal }));
      assert.ok(waitError instanceof SbgApiError && waitError.kind === 'cancelled');
      assert.equal(emulator.counters()['GET /user'], 1);
    });
  });

  it('reports a 200 answer that is not JSON', async () => {
    const { client } = clientFor(emulator);
    emulator.setFault('GET /user', { kind: 'malformed-json', times: 1 });
    const error = await rejectionOf(client.getUser());
    assert.ok(error instanceof SbgApiError && error.kind === 'nonJson');
    assert.match(error.message, /^the emulator answered GET \/user \(status 200\) with a body that is not JSON.*: check that the API URL is the platform's and ends with \/v2\.$/);
    assert.equal(emulator.counters()['GET /user'], 1);
  });
});
