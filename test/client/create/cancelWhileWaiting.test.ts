/**
 * Cancel pressed while Create Draft Task waits for the rate limit (client/src/create/ against
 * the emulator): the message says nothing was created when the platform cannot have acted.
 * A cancellation during the exchange itself keeps "check the tree" (failure.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sendTaskFile, type SendOutcome } from '../../../client/src/create/createTask';
import { SbgClient } from '../../../platform/src/client';
import { startEmulator, type Emulator } from '../../emulator';
import { fileIdOf } from '../../emulator/seed/fileIds';

const VALID = JSON.stringify({
  name: 'cancel me',
  project: 'alice/rna-seq',
  app: 'alice/rna-seq/salmon-quant/0',
  inputs: {
    index: { class: 'File', path: fileIdOf('alice/rna-seq', 'salmon_index.tar.gz') },
    reads: [{ class: 'File', path: fileIdOf('alice/rna-seq', 'S01_L001_R1.fastq.gz') }],
  },
});

describe('cancelling a create that waits for the rate limit', () => {
  let emulator: Emulator;

  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
  });
  after(() => emulator?.close());
  beforeEach(() => {
    // A fresh one-request window per test.
    emulator.setRateLimit(1, 300);
    emulator.advance(301);
    emulator.resetLog();
  });

  /** A client that presses Cancel as soon as it starts waiting (on the next turn, so the wait has begun). */
  function cancellingClient(): { client: SbgClient; signal: AbortSignal } {
    const controller = new AbortController();
    const client = new SbgClient({
      baseUrl: emulator.url,
      token: emulator.token,
      environmentName: 'Emulator',
      clock: emulator.clock(),
      maxWaitMs: 600_000,
      onWait: () => setImmediate(() => controller.abort()),
    });
    return { client, signal: controller.signal };
  }

  function failure(outcome: SendOutcome) {
    assert.equal(outcome.kind, 'failed');
    assert.ok(outcome.kind === 'failed');
    return outcome.failure;
  }

  test('waiting before sending (the client knows the budget is spent): nothing was sent, so it says nothing was created', async () => {
    const { client, signal } = cancellingClient();
    await client.getUser(); // spends the one request of the window
    const result = failure(await sendTaskFile(client, { text: VALID, signal }));
    assert.equal(result.kind, 'cancelled');
    assert.equal(result.maybeCreated, false);
    assert.equal(result.message, 'Cancelled before the request was sent: nothing was created.');
    assert.equal(emulator.counters()['POST /tasks'] ?? 0, 0);
  });

  test('waiting after a 429 (the budget was spent elsewhere): the platform refused it, so nothing was created', async () => {
    await new SbgClient({ baseUrl: emulator.url, token: emulator.token }).getUser();
    const { client, signal } = cancellingClient();
    const result = failure(await sendTaskFile(client, { text: VALID, signal }));
    assert.equal(result.maybeCreated, false);
    assert.match(result.message, /^Cancelled while waiting to send again: the platform had refused the request \(rate limit or maintenance\), so nothing was created\.$/);
    assert.deepEqual(emulator.requests.filter((r) => r.routeKey === 'POST /tasks').map((r) => r.status), [429], 'one POST, refused');
  });
});
