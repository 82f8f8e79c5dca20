/**
 * What the watcher tests and the benchmark share: an emulator on a manual clock, a platform
 * client on the same clock, batch bodies for star-align, and the check that the watcher's store
 * holds exactly the emulator's tasks.
 */
import assert from 'node:assert/strict';
import { SbgClient } from '../../../platform/src/client';
import type { Clock } from '../../../platform/src/clock';
import type { TaskSource } from '../../../client/src/watch/taskSource';
import type { Task } from '../../../platform/src/types';
import { TaskStore } from '../../../client/src/watch/taskStore';
import { TaskWatcher } from '../../../client/src/watch/taskWatcher';
import type { WatchState } from '../../../client/src/watch/watchState';
import type { PollSettings } from '../../../client/src/watch/pollSettings';
import { fileIdOf, type Emulator } from '../../emulator/index';

export function clientFor(emulator: Emulator, maxWaitMs = 60_000): SbgClient {
  return new SbgClient({ baseUrl: emulator.url, token: emulator.token, clock: emulator.clock(), maxWaitMs, environmentName: 'the emulator' });
}

/** Emulated time a watch may take before the test fails: far beyond any batch here, so only a watcher that never settles reaches it. */
export const EMULATED_DAY_MS = 24 * 3600_000;

/**
 * The emulator's clock, bounded: once a watcher has slept an emulated day its sleeps reject, so a
 * watcher that never settles ends its loop and the test fails on its assertions instead of hanging.
 */
export function boundedClock(emulator: Emulator, boundMs = EMULATED_DAY_MS): Clock {
  const clock = emulator.clock();
  const stopAt = clock.now() + boundMs;
  return {
    now: () => clock.now(),
    sleep: (ms, signal) => (clock.now() + ms > stopAt ? Promise.reject(new Error('watched for an emulated day without settling')) : clock.sleep(ms, signal)),
  };
}

export function watcherFor(
  emulator: Emulator,
  client: SbgClient,
  state?: WatchState,
  settings?: Partial<PollSettings>,
  options: { visible?: boolean; autoRun?: boolean; source?: TaskSource } = {},
): TaskWatcher {
  const source = options.source ?? client;
  const watcher = new TaskWatcher(new TaskStore(state), () => source, { clock: boundedClock(emulator), settings, random: () => 0.5, autoRun: options.autoRun });
  watcher.setVisible(options.visible ?? true);
  return watcher;
}

function file(project: string, name: string) {
  return { class: 'File', path: fileIdOf(project, name), name };
}

/** The 24 seeded FASTQ files of alice/rna-seq (samples S01..S06, two lanes, two reads). */
export function seededReads() {
  const reads = [];
  for (let sample = 1; sample <= 6; sample++) {
    for (const lane of ['L001', 'L002']) for (const read of ['1', '2']) reads.push(file('alice/rna-seq', `S0${sample}_${lane}_R${read}.fastq.gz`));
  }
  return reads;
}

export function batchBody(batchBy: unknown, reads: unknown[] = seededReads(), maxParallel = 4): Record<string, unknown> {
  return {
    project: 'alice/rna-seq',
    app: 'alice/rna-seq/star-align/2',
    name: 'align',
    inputs: { reads, genome_fasta: file('admin/sbg-public-data', 'GRCh38.primary_assembly.fa'), two_pass: false },
    batch_input: 'reads',
    batch_by: batchBy,
    execution_settings: { max_parallel_instances: maxParallel },
  };
}

export async function runBatch(client: SbgClient, batchBy: unknown, reads?: unknown[], maxParallel?: number): Promise<Task> {
  const task = await client.createTask(batchBody(batchBy, reads, maxParallel), { run: true });
  assert.equal(task.batch, true, 'the emulator made a batch parent');
  assert.deepEqual(task.errors ?? [], [], 'the batch body is valid');
  return task;
}

/** The parent in the store has the emulator's status and counters, and its children are the emulator's, each once, each with its status. */
export function assertStoreMatches(emulator: Emulator, store: TaskStore, parentId: string): void {
  const parent = emulator.store.task(parentId)!.task;
  const watched = store.entry(parentId)?.task;
  assert.ok(watched, `the store holds ${parentId}`);
  assert.equal(watched.status, parent.status, 'parent status');
  if (!parent.batch) return;
  for (const counter of ['queued', 'running', 'completed', 'failed', 'aborted'] as const) {
    assert.equal(watched.execution_status?.[counter] ?? 0, parent.execution_status?.[counter] ?? 0, `parent counter ${counter}`);
  }
  const expected = [...emulator.store.children(parentId)].map((record) => `${record.task.id} ${record.task.status}`);
  const actual = (store.children(parentId) ?? []).map((child) => `${child.id} ${child.status}`);
  assert.equal(new Set(actual.map((line) => line.split(' ')[0])).size, actual.length, 'no child is held twice');
  assert.deepEqual(actual, expected, 'every child, in creation order, with its current status');
}

/** Calls of each route since the last resetLog, e.g. 'GET /tasks/:id'. */
export function routeCount(emulator: Emulator, route: string): number {
  return emulator.counters()[route] ?? 0;
}

/** Adds `count` FASTQ files to alice/rna-seq (for batches larger than the seed's) and returns them as File objects. */
export function addReads(emulator: Emulator, count: number, prefix = 'B'): { class: string; path: string; name: string }[] {
  const reads = [];
  for (let i = 0; i < count; i++) {
    const name = `${prefix}${String(i).padStart(5, '0')}_R1.fastq.gz`;
    const id = fileIdOf('alice/rna-seq', name);
    if (!emulator.store.files.has(id)) emulator.store.addFile({ id, type: 'file', name, project: 'alice/rna-seq', size: 1000, metadata: { sample_id: `${prefix}${i}` } });
    reads.push({ class: 'File', path: id, name });
  }
  return reads;
}
