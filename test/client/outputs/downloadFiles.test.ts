/**
 * What Download… does once the user chose where (client/src/outputs/downloadFiles.ts), against
 * the emulator: files byte-identical to what it holds, nothing overwritten unless chosen, nothing
 * partial left by a cancel or a failure, and the files after a cancelled one not started.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SbgClient } from '../../../platform/src/client';
import { outputFileRefs, type OutputFile } from '../../../platform/src/taskOutputs';
import { downloadFiles } from '../../../client/src/outputs/downloadFiles';
import { setContent } from '../../emulator/files/taskFiles';
import { DOWNLOAD_ROUTE } from '../../emulator/http/downloads';
import { startEmulator, type Emulator } from '../../emulator/index';

describe('Download… of output files', () => {
  let emulator: Emulator;
  let client: SbgClient;
  let dir: string;
  let files: OutputFile[];

  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 0 });
    client = new SbgClient({ baseUrl: emulator.url, token: emulator.token, clock: emulator.clock(), environmentName: 'the emulator' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-download-'));
    files = [];
    for (let i = 0; i < 3; i++) {
      const task = await client.createTask({ name: `stats ${i}`, project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: { bams: [], mode: 'fast' } }, { run: true });
      emulator.advance(200);
      files.push(...outputFileRefs(await client.getTask(task.id)));
    }
    assert.equal(files.length, 3, 'one stats file per task');
  });
  after(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const fresh = (name: string) => fs.mkdtempSync(path.join(dir, `${name}-`));
  const contentOf = (file: OutputFile) => emulator.store.contents.get(file.fileId)!;

  it('writes each file byte-identical to the emulator’s, reporting progress up to the total', async () => {
    const out = fresh('all');
    const jobs = files.map((file) => ({ file, target: path.join(out, file.name) }));
    const seen: [number, number | undefined][] = [];
    emulator.resetLog();
    const report = await downloadFiles(client, jobs, { onProgress: (received, total) => seen.push([received, total]) });
    assert.deepEqual([report.written.length, report.skipped, report.failed, report.cancelled], [3, [], [], false]);
    for (const file of files) assert.deepEqual(fs.readFileSync(path.join(out, file.name)), contentOf(file), `${file.name} is the emulator’s bytes`);
    const total = files.reduce((sum, file) => sum + contentOf(file).length, 0);
    assert.deepEqual(seen.at(-1), [total, total], 'progress ends at the sum of the sizes');
    assert.deepEqual(fs.readdirSync(out).sort(), files.map((file) => file.name).sort(), 'no temporary file left');
    assert.equal(emulator.counters()['GET /files/:id/download_info'], 3);
    assert.equal(emulator.counters()[DOWNLOAD_ROUTE], 3);
  });

  it('keeps a file already there unless the user chose to replace it', async () => {
    const out = fresh('existing');
    const target = path.join(out, files[0].name);
    fs.writeFileSync(target, 'mine');
    const kept = await downloadFiles(client, [{ file: files[0], target }]);
    assert.deepEqual([kept.written.length, kept.skipped.map((job) => job.target)], [0, [target]]);
    assert.equal(fs.readFileSync(target, 'utf8'), 'mine');
    const replaced = await downloadFiles(client, [{ file: files[0], target }], { overwrite: true });
    assert.equal(replaced.written.length, 1);
    assert.deepEqual(fs.readFileSync(target), contentOf(files[0]));
  });

  it('a cancel mid-way leaves no file under any name and starts none of the files after it', async () => {
    const out = fresh('cancelled');
    const big = files[1];
    const original = contentOf(big);
    setContent(emulator.store, big.fileId, Buffer.alloc(8 * 1024 * 1024, 7));
    try {
      const controller = new AbortController();
      const jobs = [files[0], { ...big, size: 8 * 1024 * 1024 }, files[2]].map((file) => ({ file, target: path.join(out, file.name) }));
      emulator.resetLog();
      const report = await downloadFiles(client, jobs, {
        signal: controller.signal,
        onProgress: (received, _total, file) => file.fileId === big.fileId && received > original.length + 64 * 1024 && controller.abort(),
      });
      assert.equal(report.cancelled, true);
      assert.deepEqual(report.written.map(({ job }) => job.file.name), [files[0].name], 'the file before it is complete');
      assert.deepEqual(fs.readdirSync(out), [files[0].name], 'no partial file of the cancelled one, no temporary file, nothing of the one after');
      assert.equal(emulator.counters()[DOWNLOAD_ROUTE], 2, 'the third was never asked for');
    } finally {
      setContent(emulator.store, big.fileId, original);
    }
  });

  it('a cancel while the server holds the transfer half-way removes the temporary file it was writing', async () => {
    const out = fresh('held');
    const file = files[0];
    emulator.setFault(DOWNLOAD_ROUTE, { kind: 'latency', ms: 600_000, times: 1 });
    const controller = new AbortController();
    let sawPartial: string[] = [];
    const half = Math.floor(contentOf(file).length / 2);
    const report = await downloadFiles(client, [{ file, target: path.join(out, file.name) }], {
      signal: controller.signal,
      onProgress: (received) => {
        if (received < half) return;
        // The first half is on disk under a temporary name; the rest is 10 minutes away.
        setTimeout(() => {
          sawPartial = fs.readdirSync(out);
          controller.abort();
        }, 50);
      },
    });
    assert.equal(report.cancelled, true);
    assert.equal(sawPartial.length, 1, `a temporary file while in flight: ${sawPartial.join(', ')}`);
    assert.match(sawPartial[0], /^\..*\.part$/);
    assert.deepEqual(fs.readdirSync(out), [], 'nothing left after the cancel');
  });

  it('a file that cannot be downloaded leaves nothing and says why; the others are written', async () => {
    const out = fresh('failed');
    const gone = files[2];
    const record = emulator.store.files.get(gone.fileId)!;
    emulator.store.files.delete(gone.fileId);
    try {
      const report = await downloadFiles(client, files.map((file) => ({ file, target: path.join(out, file.name) })));
      assert.deepEqual(report.failed.map(({ job }) => job.file.name), [gone.name]);
      assert.match(report.failed[0].message, /not|exist|found/i, report.failed[0].message);
      assert.deepEqual(fs.readdirSync(out).sort(), files.slice(0, 2).map((file) => file.name).sort());
    } finally {
      emulator.store.files.set(gone.fileId, record);
    }
  });
});
