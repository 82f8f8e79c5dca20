import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Task } from '../../../platform/src/types';
import { childProgress, countChildren, endedWithFailures, hasCounters, parentCounts, progressText } from '../../../client/src/watch/counts';
import { DEFAULT_POLL_SETTINGS, nextInterval, normalizeSettings } from '../../../client/src/watch/pollSettings';
import { parseTaskReference } from '../../../client/src/watch/taskReference';
import { parseWatchState } from '../../../client/src/watch/watchState';

const ID = '2e1ebed1-c53e-4373-870d-4732acacbbbb';

describe('parseTaskReference', () => {
  it('takes an id, a web UI address and an API href', () => {
    assert.deepEqual(parseTaskReference(` ${ID.toUpperCase()} `), { id: ID });
    assert.deepEqual(parseTaskReference(`https://igor.sbgenomics.com/u/alice/rna-seq/tasks/${ID}/`), { id: ID });
    assert.deepEqual(parseTaskReference(`https://api.sbgenomics.com/v2/tasks/${ID}?fields=id`), { id: ID });
  });

  it('says what to paste for anything else', () => {
    assert.match((parseTaskReference('alice/rna-seq') as { problem: string }).problem, /neither a task id/);
    assert.match((parseTaskReference('   ') as { problem: string }).problem, /Paste a task id/);
    assert.ok('problem' in parseTaskReference(`x${ID}`), 'an id inside other text is not taken');
  });
});

describe('parseWatchState', () => {
  it('keeps readable entries, drops damaged ones and duplicates', () => {
    const state = parseWatchState({ version: 1, tasks: [{ id: 'a', notifyEnd: true }, { id: 7 }, null, { id: 'a' }, { id: 'b', notifyEnd: 'yes' }] });
    assert.deepEqual(state, { version: 1, tasks: [{ id: 'a', notifyEnd: true }, { id: 'b', notifyEnd: false }] });
  });

  it('keeps a re-run\'s link to its batch; a damaged link leaves a plain watched task', () => {
    const rerunOf = { parent: 'p', child: 'c', childLabel: 'S03', set: 'p:r1' };
    const state = parseWatchState({ version: 1, tasks: [{ id: 'r1', notifyEnd: true, rerunOf }, { id: 'r2', notifyEnd: true, rerunOf: { ...rerunOf, child: 5 } }] });
    assert.deepEqual(state.tasks, [{ id: 'r1', notifyEnd: true, rerunOf }, { id: 'r2', notifyEnd: true }]);
  });

  it('reads anything else as an empty state', () => {
    for (const value of [undefined, 'x', { version: 2, tasks: [] }, { version: 1, tasks: {} }]) assert.deepEqual(parseWatchState(value), { version: 1, tasks: [] });
  });
});

describe('poll interval', () => {
  const settings = DEFAULT_POLL_SETTINGS;
  const now = 1_000_000_000;
  const resetIn = (seconds: number) => now / 1000 + seconds;

  it('is fast while something runs and slower while all is queued', () => {
    assert.equal(nextInterval(settings, true, {}, 3, now), 10_000);
    assert.equal(nextInterval(settings, false, {}, 3, now), 60_000);
  });

  it('slows down as the remaining budget falls', () => {
    const plenty = nextInterval(settings, true, { remaining: 900, reset: resetIn(200) }, 3, now);
    const some = nextInterval(settings, true, { remaining: 60, reset: resetIn(200) }, 3, now);
    const little = nextInterval(settings, true, { remaining: 4, reset: resetIn(200) }, 3, now);
    assert.equal(plenty, 10_000);
    assert.equal(some, 20_000, '60 left, half of it for us, 3 a tick: 10 ticks in 200 s');
    assert.ok(little > 200_000, `with too little left it waits for the reset (${little})`);
  });

  it('never goes below the floor a user may set', () => {
    assert.deepEqual(normalizeSettings({ minIntervalMs: 1000, queuedIntervalMs: 2000, childrenIntervalMs: 0 }), { minIntervalMs: 5000, queuedIntervalMs: 5000, childrenIntervalMs: 30_000 });
  });
});

describe('counts', () => {
  it('counts children by status and writes progress as done/total', () => {
    const counts = countChildren(['COMPLETED', 'COMPLETED', 'FAILED', 'RUNNING', 'QUEUED', 'ABORTING'].map((status, i) => ({ id: String(i), status: status as never })));
    assert.deepEqual(counts, { queued: 1, running: 1, completed: 2, failed: 1, aborted: 0, other: 1 });
    assert.equal(progressText(counts), '3/6 done, 1 failed');
  });

  const children = { queued: 1, running: 1, completed: 1, failed: 1, aborted: 0, other: 0 };

  it('counts a batch that ended COMPLETED with failed children as ended with failures (variant parent-end=completed)', () => {
    const completed: Task = { id: 'p', batch: true, status: 'COMPLETED', execution_status: { completed: 3, failed: 1 } };
    assert.equal(endedWithFailures(completed), true);
    assert.equal(endedWithFailures({ ...completed, execution_status: { completed: 4, failed: 0 } }), false);
    assert.equal(endedWithFailures({ id: 't', status: 'FAILED' }), true);
  });

  it('has no progress for a parent without counters (CREATING, the run answer) until its children are listed', () => {
    const creating: Task = { id: 'p', batch: true, status: 'CREATING', execution_status: { message: 'Initializing...' } };
    assert.equal(hasCounters(creating), false);
    assert.equal(childProgress(creating, undefined), undefined, 'not "0/0 done"');
    assert.deepEqual(childProgress(creating, children), children);
  });

  it("takes the parent's counters when they count the children, and the children when they count something else (jobs)", () => {
    const byTasks: Task = { id: 'p', batch: true, status: 'RUNNING', execution_status: { queued: 2, running: 1, completed: 1, failed: 0, aborted: 0 } };
    assert.deepEqual(childProgress(byTasks, children), parentCounts(byTasks), 'same total: the counters are newer than the listing');
    assert.deepEqual(childProgress(byTasks, undefined), parentCounts(byTasks));
    const byJobs: Task = { id: 'p', batch: true, status: 'RUNNING', execution_status: { queued: 3, running: 1, completed: 3, failed: 1, aborted: 0 } };
    assert.equal(progressText(childProgress(byJobs, children)!), '2/4 done, 1 failed', 'four children, not eight jobs');
  });
});

