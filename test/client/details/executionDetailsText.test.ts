import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logFileId, logLinks, renderExecutionDetails } from '../../../client/src/details/executionDetailsText';
import type { ExecutionDetails } from '../../../platform/src/types';

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
