/**
 * outputs-1000-children-requests: the requests the Tasks view spends to show the output files of
 * every child of a completed 1,000-child batch (2,000 files), each child's row opened as a user
 * opens them, page by page (OutputCatalog, as the provider drives it). Baseline: the same with each
 * row reading only its own files (one bulk get per child).
 * log-tail-10mb-ms: opening the tail of a 10 MB job log as the Execution Details CodeLens does
 * (download_info, one Range request for the last 64 KB, the text the editor shows). Baseline:
 * reading the whole 10 MB log through the same link and keeping its tail.
 * Reproduce: npx tsc -b && node out/test/bench/main.js outputs
 */
import assert from 'node:assert/strict';
import { outputFileRefs } from '../../platform/src/taskOutputs';
import { fetchTail } from '../../platform/src/transfer';
import type { Task } from '../../platform/src/types';
import { LOG_CAP_BYTES, LOG_TAIL_BYTES } from '../../client/src/details/logLimits';
import { OutputCatalog } from '../../client/src/tree/outputCatalog';
import { setContent } from '../emulator/files/taskFiles';
import { startEmulator } from '../emulator/index';
import { addReads, clientFor, runBatch, watcherFor } from '../client/watch/watchHarness';
import { figure, timeMedian, type Figure } from './figure';

const CHILDREN = 1000;
const PAGE = 100;
const LOG_BYTES = 10 * 1024 * 1024;

export async function run(): Promise<Figure[]> {
  return [await outputsOfChildren(), await logTail()];
}

async function outputsOfChildren(): Promise<Figure> {
  const emulator = await startEmulator({ corpusDir: null, failShare: 0 });
  try {
    const client = clientFor(emulator);
    const parent = await runBatch(client, { type: 'item' }, addReads(emulator, CHILDREN, 'O'), CHILDREN);
    const watcher = watcherFor(emulator, client);
    watcher.watch(parent);
    await watcher.whenIdle();
    const children = watcher.store.children(parent.id) ?? [];
    watcher.dispose();
    await watcher.whenIdle();
    assert.equal(children.length, CHILDREN);
    const files = children.reduce((sum, child) => sum + outputFileRefs(child).length, 0);

    const showAll = async (neighbours: (page: Task[]) => Task[]) => {
      const catalog = new OutputCatalog(() => client);
      emulator.resetLog();
      for (let start = 0; start < children.length; start += PAGE) {
        const page = children.slice(start, start + PAGE);
        for (const child of page) assert.equal((await catalog.describe(child, neighbours(page))).problem, undefined);
      }
      return emulator.counters().total;
    };
    // The baseline alone would spend the emulator's whole rate-limit window.
    emulator.setRateLimit(100_000, 300);
    const ours = await showAll((page) => page);
    const perRow = await showAll(() => []);
    console.error(`outputs of ${CHILDREN} children, ${files} files: ${ours} requests (${((ours / files) * 100).toFixed(2)} per 100 files); each row alone: ${perRow}`);
    return figure('outputs-1000-children-requests', 'requests', ours, perRow, 'one bulk get per child row');
  } finally {
    await emulator.close();
  }
}

async function logTail(): Promise<Figure> {
  const emulator = await startEmulator({ corpusDir: null, failShare: 1 });
  try {
    const client = clientFor(emulator);
    const task = await client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: { bams: [], mode: 'fast' } }, { run: true });
    emulator.advance(200);
    const details = await client.getExecutionDetails(task.id);
    const link = Object.values(details.jobs?.find((job) => job.status === 'FAILED')?.logs ?? {})[0];
    const fileId = /\/files\/([0-9a-f]{24})\//.exec(String(link))?.[1];
    assert.ok(fileId, `a failed job has a log link: ${String(link)}`);
    const line = '[step_1] INFO processed another batch of reads, nothing to report\n';
    setContent(emulator.store, fileId, Buffer.from(line.repeat(Math.ceil(LOG_BYTES / line.length)).slice(0, LOG_BYTES)));

    const tail = async () => {
      const { url } = await client.getDownloadInfo(fileId);
      const read = await fetchTail(url, LOG_TAIL_BYTES, LOG_CAP_BYTES);
      assert.equal(read.bytes.length, LOG_TAIL_BYTES);
      return read.bytes.toString('utf8');
    };
    const whole = async () => {
      const { url } = await client.getDownloadInfo(fileId);
      const body = Buffer.from(await (await fetch(url)).arrayBuffer());
      assert.equal(body.length, LOG_BYTES);
      return body.subarray(body.length - LOG_TAIL_BYTES).toString('utf8');
    };
    const ours = await timeMedian(tail, 9);
    const baseline = await timeMedian(whole, 9);
    return figure('log-tail-10mb-ms', 'ms', ours, baseline, 'read the whole 10 MB log');
  } finally {
    await emulator.close();
  }
}
