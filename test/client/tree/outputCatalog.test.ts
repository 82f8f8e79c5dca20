/**
 * The output rows' file reads against the emulator: a 1,000-child batch's children, each opened as
 * the Tasks view opens them (a page of 100 children at a time), cost one bulk file get per 100
 * files and nothing per child; what was read is kept; a file the platform cannot give is said once,
 * and a failed request is tried again only after a while.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SbgClient } from '../../../platform/src/client';
import { outputFileRefs } from '../../../platform/src/taskOutputs';
import type { Task } from '../../../platform/src/types';
import { OutputCatalog } from '../../../client/src/tree/outputCatalog';
import { startEmulator, type Emulator } from '../../emulator/index';
import { addReads, clientFor, runBatch, watcherFor } from '../watch/watchHarness';

const CHILDREN = 1000;
const PAGE = 100;

describe('OutputCatalog against the emulator', () => {
  let emulator: Emulator;
  let client: SbgClient;
  let children: Task[];

  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 0 });
    client = clientFor(emulator);
    const parent = await runBatch(client, { type: 'item' }, addReads(emulator, CHILDREN), CHILDREN);
    const watcher = watcherFor(emulator, client);
    watcher.watch(parent);
    await watcher.whenIdle();
    children = watcher.store.children(parent.id) ?? [];
    watcher.dispose();
    await watcher.whenIdle();
  });
  after(() => emulator.close());

  it(`shows the outputs of all ${CHILDREN} children of a batch with one bulk file get per 100 files`, async () => {
    assert.equal(children.length, CHILDREN);
    assert.ok(children.every((child) => child.status === 'COMPLETED'), 'every child completed');
    const files = children.flatMap((child) => outputFileRefs(child));
    assert.equal(files.length, 2 * CHILDREN, 'the listing the watcher made already carries each child’s two outputs (aligned_bam, log)');

    const catalog = new OutputCatalog(() => client);
    emulator.resetLog();
    let shown = 0;
    for (let start = 0; start < children.length; start += PAGE) {
      const page = children.slice(start, start + PAGE);
      // The rows of a page open one after the other, as a user expands them; the first reads the page's files.
      for (const child of page) {
        const { files: described, problem } = await catalog.describe(child, page);
        assert.equal(problem, undefined);
        for (const file of described) {
          const stored = emulator.store.files.get(file.fileId)!;
          assert.deepEqual([file.name, file.size, file.file?.project], [stored.name, stored.size, 'alice/rna-seq']);
        }
        shown += described.length;
      }
    }
    assert.equal(shown, files.length);
    const counters = emulator.counters();
    const requests = counters.total;
    console.log(`# figure: outputs of ${CHILDREN} children (${files.length} files): ${requests} requests (${((requests / files.length) * 100).toFixed(2)} per 100 files)`);
    assert.equal(counters['POST /bulk/files/get'], files.length / 100, 'one bulk get per 100 files');
    assert.equal(requests, files.length / 100, `nothing else: ${JSON.stringify(counters)}`);

    emulator.resetLog();
    for (const child of children.slice(0, 50)) await catalog.describe(child, children);
    assert.equal(emulator.counters().total, 0, 'opening them again (every poll refreshes open rows) reads nothing');
  });

  it('says which files the platform would not give, once, and tries a failed request again after a minute', async () => {
    let now = 0;
    const catalog = new OutputCatalog(() => client, () => now);
    const [gone, failing] = children.slice(-2);
    const goneFile = outputFileRefs(gone)[0];
    const record = emulator.store.files.get(goneFile.fileId)!;
    emulator.store.files.delete(goneFile.fileId);
    try {
      emulator.resetLog();
      const first = await catalog.describe(gone);
      assert.match(first.problem ?? '', /not|found|exist/i, `the platform's message: ${first.problem}`);
      assert.equal(first.files.find((file) => file.fileId === goneFile.fileId)?.file, undefined, 'that file keeps what the output itself says');
      assert.equal(first.files.find((file) => file.fileId === goneFile.fileId)?.name, goneFile.name);
      await catalog.describe(gone);
      assert.equal(emulator.counters()['POST /bulk/files/get'], 1, 'not asked again on the next refresh');
    } finally {
      emulator.store.files.set(goneFile.fileId, record);
    }

    // A platform that keeps refusing (the client's own retries of a 503 also fail).
    emulator.setFault('POST /bulk/files/get', { kind: 'status', status: 503 });
    emulator.resetLog();
    const failed = await catalog.describe(failing);
    const spent = emulator.counters()['POST /bulk/files/get'];
    assert.match(failed.problem ?? '', /503/, String(failed.problem));
    await catalog.describe(failing);
    assert.equal(emulator.counters()['POST /bulk/files/get'], spent, 'a failed request is not repeated at once');
    emulator.setFault('POST /bulk/files/get', null);
    emulator.resetLog();
    now += 60_000;
    const retried = await catalog.describe(failing);
    assert.equal(retried.problem, undefined, 'a minute later it is asked again, and answered');
    assert.equal(emulator.counters()['POST /bulk/files/get'], 1);
  });
});
