import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { logFileId, logLinks, renderExecutionDetails } from '../../../client/src/details/executionDetailsText';
import type { ExecutionDetails } from '../../../platform/src/types';
import { startEmulator, type Emulator } from '../../emulator/index';
import { JOB_DISK, jobLogFileId } from '../../emulator/tasks/executionDetails';
import { clientFor, runBatch } from '../watch/watchHarness';

const link = (id: string) => `https://api.example/v2/files/${id}/download_info`;
const details: ExecutionDetails = {
  status: 'FAILED',
  message: 'Failed: step_2 | out of memory',
  jobs: [
    { name: 'step_1', status: 'DONE', start_time: '2026-01-05T09:00:00Z', end_time: '2026-01-05T09:00:40Z', retried: false, instance: { type: 'c5.2xlarge' }, logs: { 'cmd.log': link('a'.repeat(24)), 'job.err.log': link('b'.repeat(24)) } },
    { name: 'step_2', status: 'FAILED', start_time: '2026-01-05T09:00:40Z', end_time: '2026-01-05T09:02:05Z', retried: true, instance: { type: 'r5.4xlarge' }, message: 'exit\ncode 137', logs: { 'job.err.log': link('c'.repeat(24)) } },
    { name: 'step_3', status: 'RUNNING', start_time: '2026-01-05T09:02:05Z' },
  ],
};

describe('renderExecutionDetails', () => {
  it('puts failed jobs first, one table row each with status, instance, start, end, duration and retried', () => {
    const rendered = renderExecutionDetails({ id: 't1', name: 'align' }, details);
    const lines = rendered.text.split('\n');
    assert.deepEqual(rendered.jobs.map(({ job }) => job.name), ['step_2', 'step_1', 'step_3']);
    assert.equal(lines[rendered.jobs[0].line], '| step_2 | FAILED | r5.4xlarge | 2026-01-05 09:00:40 UTC | 2026-01-05 09:02:05 UTC | 1 min 25 s | yes |');
    assert.equal(lines[rendered.jobs[1].line], '| step_1 | DONE | c5.2xlarge | 2026-01-05 09:00:00 UTC | 2026-01-05 09:00:40 UTC | 40 s | no |');
    assert.equal(lines[rendered.jobs[2].line], '| step_3 | RUNNING |  | 2026-01-05 09:02:05 UTC |  | running | no |');
    assert.ok(rendered.text.includes('Failed: step_2 \\| out of memory'), 'a pipe in platform text does not break the table');
    assert.ok(rendered.text.includes('- **step_2**: exit code 137'));
  });

  it('lists stderr first among a job’s logs and reads the file id from each link', () => {
    assert.deepEqual(logLinks(details.jobs![0]).map(([name]) => name), ['job.err.log', 'cmd.log']);
    assert.equal(logFileId(link('c'.repeat(24))), 'c'.repeat(24));
    assert.equal(logFileId('https://api.example/v2/tasks/x'), undefined);
  });

  it('says why there is no table for a batch parent or a task without jobs', () => {
    assert.match(renderExecutionDetails({ id: 'p', batch: true }, { jobs: null }).text, /A batch task has no jobs of its own/);
    assert.match(renderExecutionDetails({ id: 'q' }, { jobs: [] }).text, /No jobs yet/);
  });
});

describe('renderExecutionDetails of the platform-shaped answer (instance.disk, docker, logs), from the emulator', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 1 });
  });
  after(() => emulator.close());

  it("a failed task: the failed job first with its instance, its logs' file ids read from the links, stderr first; a running job has no logs yet", async () => {
    const client = clientFor(emulator);
    const task = await client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: { bams: [], mode: 'fast' } }, { run: true });
    emulator.advance(6);
    const running = await client.getExecutionDetails(task.id);
    const runningJob = running.jobs!.find((job) => job.status === 'RUNNING')!;
    assert.ok(runningJob, `a job runs once the instance is up: ${JSON.stringify(running.jobs)}`);
    assert.deepEqual(logLinks(runningJob), [], 'a running job has no logs yet');
    const runningText = renderExecutionDetails(task, running);
    assert.match(runningText.text, /\| RUNNING \| \S+ \| [^|]+ \|  \| running \| no \|/);

    emulator.advance(600);
    const details = await client.getExecutionDetails(task.id);
    assert.equal(details.status, 'FAILED');
    const rendered = renderExecutionDetails(task, details);
    const first = rendered.jobs[0];
    assert.equal(first.job.status, 'FAILED', 'the failed job comes first');
    assert.deepEqual((first.job.instance as { disk?: unknown }).disk, JOB_DISK, 'the job carries instance.disk as the SDK models read it');
    assert.match(String((first.job.docker as { checksum?: unknown }).checksum), /^sha256:[0-9a-f]{64}$/);
    const type = (first.job.instance as { type: string }).type;
    assert.ok(rendered.text.split('\n')[first.line].startsWith(`| ${first.job.name} | FAILED | ${type} |`), rendered.text);
    assert.deepEqual(first.logs.map(([name]) => name), ['job.err.log', 'cmd.log'], 'stderr first');
    assert.deepEqual(
      first.logs.map(([, link]) => logFileId(link)),
      first.logs.map(([name]) => jobLogFileId(task.id, first.job.name, name)),
      "each log's file id, read from its link the way the SDKs do",
    );
    const { url } = await client.getDownloadInfo(logFileId(first.logs[0][1])!);
    const stderr = await (await fetch(url)).text();
    assert.match(stderr, /ERROR/, 'the id opens the stderr log itself');
    for (const { job, logs } of rendered.jobs) assert.equal(logs.length, 2, `every ended job has both logs: ${job.name}`);
  });

  it('a batch parent has no jobs of its own and says so', async () => {
    const client = clientFor(emulator);
    const parent = await runBatch(client, { type: 'item' }, undefined, 2);
    emulator.advance(10);
    const details = await client.getExecutionDetails(parent.id);
    assert.equal(details.jobs, null);
    assert.match(renderExecutionDetails(parent, details).text, /A batch task has no jobs of its own: open one of its children\./);
  });
});
