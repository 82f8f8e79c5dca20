import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Task } from '../../../platform/src/types';
import { endMessage, rerunsEndMessage } from '../../../client/src/tree/endMessage';

const children = { queued: 0, running: 0, completed: 18, failed: 6, aborted: 0, other: 0 };

describe('endMessage', () => {
  it('announces a batch that ended COMPLETED with failed children (variant parent-end=completed) as a failure, with a warning', () => {
    const task: Task = { id: 'p', name: 'align', batch: true, status: 'COMPLETED', execution_status: { queued: 0, running: 0, completed: 18, failed: 6, aborted: 0 } };
    assert.deepEqual(endMessage(task, children), { severity: 'warning', failure: true, text: 'Task align completed with failed children (24/24 done, 6 failed).' });
  });

  it('counts children, not jobs, when the counters count jobs (variant counters=jobs)', () => {
    const task: Task = { id: 'p', name: 'align', batch: true, status: 'FAILED', execution_status: { message: 'Failed', queued: 0, running: 0, completed: 42, failed: 6, aborted: 0 } };
    assert.deepEqual(endMessage(task, children), { severity: 'error', failure: true, text: 'Task align failed (24/24 done, 6 failed). The platform says: Failed' });
  });

  it('announces a clean completion as information, and an abort as a warning', () => {
    assert.deepEqual(endMessage({ id: 't', name: 'one', status: 'COMPLETED' }), { severity: 'info', failure: false, text: 'Task one completed.' });
    assert.equal(endMessage({ id: 't', name: 'one', status: 'ABORTED' }).text, 'Task one was aborted.');
  });
});

describe('rerunsEndMessage', () => {
  const rerun = (label: string, status: Task['status']) => ({ task: { id: `r-${label}`, name: `align ${label}`, status }, childLabel: label });

  it('one message for a set: counts by result, naming the children that failed again', () => {
    const message = rerunsEndMessage('align by sample', [rerun('S01', 'COMPLETED'), rerun('S03', 'FAILED'), rerun('S05', 'COMPLETED')]);
    assert.deepEqual(message, { severity: 'error', failure: true, text: 'The 3 re-runs of align by sample ended: 2 completed, 1 failed (S03).' });
  });

  it('a set that all completed is information; beyond three names, "and N more"', () => {
    assert.deepEqual(rerunsEndMessage('b', [rerun('S01', 'COMPLETED'), rerun('S02', 'COMPLETED')]), { severity: 'info', failure: false, text: 'The 2 re-runs of b ended: 2 completed.' });
    const many = ['A', 'B', 'C', 'D', 'E'].map((label) => rerun(label, 'FAILED'));
    assert.equal(rerunsEndMessage('b', many).text, 'The 5 re-runs of b ended: 5 failed (A, B, C, and 2 more).');
  });

  it('a single re-run names its child; an aborted one is a warning', () => {
    assert.deepEqual(rerunsEndMessage('b', [rerun('S04', 'ABORTED')]), { severity: 'warning', failure: true, text: 'The re-run of S04 in b was aborted.' });
    assert.equal(rerunsEndMessage('b', [rerun('S04', 'COMPLETED')]).text, 'The re-run of S04 in b completed.');
  });

  it('re-runs the platform no longer gives count as not read, named with why; the set is then a warning', () => {
    const gone = { childLabel: 'S03', message: 'Task was not found on the emulator (404, code 7002: Task r3 does not exist.)' };
    assert.deepEqual(rerunsEndMessage('b', [rerun('S01', 'COMPLETED'), rerun('S02', 'COMPLETED')], [gone]), {
      severity: 'warning',
      failure: true,
      text: 'The 3 re-runs of b ended: 2 completed, 1 could not be read (S03). S03: Task was not found on the emulator (404, code 7002: Task r3 does not exist.)',
    });
    assert.equal(rerunsEndMessage('b', [rerun('S01', 'FAILED')], [gone]).severity, 'error', 'a re-run that failed again still makes it an error');
    assert.equal(rerunsEndMessage('b', [], [gone]).text, 'The re-run of S03 in b could not be read. S03: Task was not found on the emulator (404, code 7002: Task r3 does not exist.)');
  });
});
