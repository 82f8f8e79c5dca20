/**
 * Download links (download_info) and what transfer.ts does with them, against the emulator:
 * byte-identical downloads, no file left behind on cancel or failure, a log's tail read with a
 * Range request and capped, and no token sent to the link.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SbgClient } from '../../platform/src/client';
import { downloadToFile, fetchTail, TransferError } from '../../platform/src/transfer';
import { setContent } from '../emulator/files/taskFiles';
import { DOWNLOAD_ROUTE } from '../emulator/http/downloads';
import { startEmulator, type Emulator } from '../emulator/index';

describe('download links and transfers', () => {
  let emulator: Emulator;
  let client: SbgClient;
  let dir: string;
  let failedTaskId: string;
  let completedTaskId: string;

  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 0.5 });
    client = new SbgClient({ baseUrl: emulator.url, token: emulator.token, clock: emulator.clock(), environmentName: 'the emulator' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-transfer-'));
    // Run single tasks until one completed and one failed (the fail share decides by task id).
    while (!failedTaskId || !completedTaskId) {
      const task = await client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: { bams: [], mode: 'fast' } }, { run: true });
      emulator.advance(200);
      const ended = await client.getTask(task.id);
      if (ended.status === 'FAILED') failedTaskId ??= ended.id;
      if (ended.status === 'COMPLETED') completedTaskId ??= ended.id;
    }
  });
  after(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function firstOutputFileId(): Promise<string> {
    const task = await client.getTask(completedTaskId);
    const output = Object.values(task.outputs ?? {}).flat()[0] as { path: string };
    assert.ok(output?.path, 'a completed task has an output file');
    return output.path;
  }

  it('downloads an output byte-identical to what the emulator holds, without sending the token', async () => {
    const fileId = await firstOutputFileId();
    const { url } = await client.getDownloadInfo(fileId);
    assert.ok(url.startsWith(`${emulator.origin}/_downloads/${fileId}/`));
    const target = path.join(dir, 'out.txt');
    const seen: number[] = [];
    emulator.resetLog();
    const bytes = await downloadToFile(url, target, { onProgress: (progress) => seen.push(progress.received) });
    const expected = emulator.store.contents.get(fileId)!;
    assert.deepEqual(fs.readFileSync(target), expected);
    assert.equal(bytes, expected.length);
    assert.equal(seen.at(-1), expected.length, 'progress reaches the whole size');
    const download = emulator.requests.find((record) => record.routeKey === DOWNLOAD_ROUTE)!;
    assert.equal(download.user, undefined, 'the link is fetched without the token');
    assert.deepEqual(fs.readdirSync(dir), ['out.txt'], 'no temporary file is left beside it');
  });

  it('leaves no file behind when cancelled mid-way, nor when the link fails', async () => {
    const fileId = await firstOutputFileId();
    setContent(emulator.store, fileId, Buffer.alloc(8 * 1024 * 1024, 7));
    const { url } = await client.getDownloadInfo(fileId);
    const controller = new AbortController();
    const target = path.join(dir, 'cancelled.bin');
    await assert.rejects(
      downloadToFile(url, target, { signal: controller.signal, onProgress: (progress) => progress.received > 64 * 1024 && controller.abort() }),
      (error: unknown) => error instanceof TransferError && error.kind === 'cancelled',
    );
    assert.deepEqual(fs.readdirSync(dir).filter((name) => name !== 'out.txt'), [], 'no partial file, under any name');

    await assert.rejects(downloadToFile(`${emulator.origin}/_downloads/${'0'.repeat(24)}/x`, path.join(dir, 'missing.bin')), /HTTP 404/);
    assert.deepEqual(fs.readdirSync(dir).filter((name) => name !== 'out.txt'), []);
  });

  it("reads a failed job's stderr tail through its logs link: the error lines, at most the asked bytes", async () => {
    const details = await client.getExecutionDetails(failedTaskId);
    const failedJob = details.jobs!.find((job) => job.status === 'FAILED')!;
    const link = String(failedJob.logs!['job.err.log']);
    const fileId = /\/files\/([0-9a-f]{24})\//.exec(link)![1];
    const { url } = await client.getDownloadInfo(fileId);
    const tail = await fetchTail(url, 64 * 1024, 1024 * 1024);
    assert.match(tail.bytes.toString(), /ERROR the tool exited with code 137/);
    assert.equal(tail.truncated, false);

    setContent(emulator.store, fileId, Buffer.concat([Buffer.alloc(10 * 1024 * 1024, 'x'), Buffer.from('\nthe last line\n')]));
    emulator.resetLog();
    const big = await fetchTail(url, 64 * 1024, 1024 * 1024);
    assert.equal(big.bytes.length, 64 * 1024, 'exactly the asked tail');
    assert.equal(big.size, 10 * 1024 * 1024 + 15);
    assert.equal(big.truncated, true);
    assert.ok(big.bytes.toString().endsWith('the last line\n'));
    assert.equal(emulator.counters()[DOWNLOAD_ROUTE], 1);
  });

  it('gives up on a server that ignores Range past the cap, and keeps only the tail below it', async () => {
    const { createServer } = await import('node:http');
    const body = Buffer.concat([Buffer.alloc(300_000, 'a'), Buffer.from('END')]);
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Length': String(body.length) });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/log`;
    try {
      await assert.rejects(fetchTail(url, 1024, 100_000), (error: unknown) => error instanceof TransferError && error.kind === 'too-large');
      const tail = await fetchTail(url, 1024, 1_000_000);
      assert.equal(tail.bytes.length, 1024);
      assert.ok(tail.bytes.toString().endsWith('END'));
    } finally {
      server.close();
    }
  });
});
