import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Task } from '../../../platform/src/types';
import { endMessage } from '../../../client/src/tree/endMessage';

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
