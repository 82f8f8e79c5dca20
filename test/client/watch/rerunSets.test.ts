/**
 * A set of re-runs of a batch's failed children ends, for its one notification, even when one
 * re-run can no longer be read (deleted on the platform: 404; no access: 403), and stops quietly
 * when its batch is no longer watched. Against the emulator, ticked by hand on its clock.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { SbgClient } from '../../../platform/src/client';
import { isTerminal, type Task } from '../../../platform/src/types';
import { rerunsEndMessage } from '../../../client/src/tree/endMessage';
import { childLabel, rerunTasks } from '../../../client/src/watch/rerun';
import type { RerunsEnded, TaskWatcher } from '../../../client/src/watch/taskWatcher';
import { startEmulator, type Emulator } from '../../emulator/index';
import { clientFor, runBatch, watcherFor } from './watchHarness';

describe('Re-run sets whose re-runs cannot all be read', () => {
  let emulator: Emulator;
  let client: SbgClient;
  let watcher: TaskWatcher | undefined;

  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 0.25 });
    client = clientFor(emulator);
  });
  after(() => emulator.close());
  afterEach(async () => {
    watcher?.dispose();
    await watcher?.whenIdle();
    emulator.setFault('*', null);
    emulator.setFault('GET /tasks/:id', null);
  });

  /**
   * A batch watched to its end, its failed children re-run and watched under it; the loop is ticked
   * by hand from here. With `lastLater`, the last clone starts 95 emulated s after the others (a run
   * takes 30-90 s), so it alone still runs once the others have ended.
   */
  async function rerunSet(lastLater = false): Promise<{ parent: Task; reruns: Task[]; labels: Map<string, string>; events: RerunsEnded[]; ended: Task[] }> {
    const parent = await runBatch(client, { type: 'item' });
    watcher = watcherFor(emulator, client, undefined, undefined, { autoRun: false });
    watcher.watch(parent);
    watcher.start();
    await watcher.whenIdle();
    const failed = watcher.store.childrenWithStatus(parent.id, ['FAILED']);
    assert.ok(failed.length >= 3, `with a fail share of 0.25 several of 24 children fail (${failed.length})`);
    const { started, failures } = await rerunTasks(client, lastLater ? failed.slice(0, -1) : failed);
    if (lastLater) {
      emulator.advance(95);
      const late = await rerunTasks(client, failed.slice(-1));
      started.push(...late.started);
      failures.push(...late.failures);
    }
    assert.deepEqual(failures, []);
    const events: RerunsEnded[] = [];
    const ended: Task[] = [];
    watcher.onDidEndReruns((event) => events.push(event));
    watcher.onDidEnd((task) => ended.push(task));
    watcher.watchReruns(parent.id, started.map(({ task, child }) => ({ task, child, childLabel: childLabel(child) })));
    const labels = new Map(started.map(({ task, child }) => [task.id, childLabel(child)]));
    return { parent, reruns: started.map(({ task }) => task), labels, events, ended };
  }

  /** One round: the watcher sees every re-run but `last` (started later) ended, and `last` still running. */
  async function tickUntilOthersEnded(reruns: Task[], last: Task): Promise<void> {
    const others = reruns.filter((task) => task.id !== last.id);
    await watcher!.tick();
    assert.ok(others.every((task) => isTerminal(watcher!.store.entry(task.id)?.task?.status)), 'the others were seen ending');
    assert.equal(watcher!.store.entry(last.id)?.task?.status, 'RUNNING', 'the last one still runs');
  }

  async function deleteThroughAdminApi(id: string): Promise<void> {
    const answer = await fetch(`${emulator.origin}/_emulator/delete-task`, {
      method: 'POST',
      headers: { 'X-Emulator-Admin': emulator.adminToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({ id }),
    });
    assert.equal(answer.status, 200, await answer.text());
  }

  function taskGets(id: string): number {
    return emulator.requests.filter((record) => record.method === 'GET' && record.path.endsWith(`/tasks/${id}`)).length;
  }

  it('announces the set when its last re-run is deleted after the others ended, naming it as not read', async () => {
    const { parent, reruns, labels, events, ended } = await rerunSet(true);
    const last = reruns[reruns.length - 1];
    await tickUntilOthersEnded(reruns, last);
    assert.equal(events.length, 0, 'not yet: one re-run still runs');

    await deleteThroughAdminApi(last.id);
    emulator.resetLog();
    watcher!.start();
    await watcher!.whenIdle();

    assert.equal(events.length, 1, 'the set is announced once, though its last re-run never ended');
    const [event] = events;
    assert.equal(event.parentId, parent.id);
    assert.deepEqual(event.reruns.map(({ task }) => task.id).sort(), reruns.filter((task) => task.id !== last.id).map((task) => task.id).sort());
    assert.deepEqual(event.unreadable.map(({ id, rerunOf }) => [id, rerunOf.childLabel]), [[last.id, labels.get(last.id)]]);
    assert.match(event.unreadable[0].message, /not found.*\(404, code 7002: Task .* does not exist\.\)/);
    assert.equal(taskGets(last.id), 1, 'read once, answered 404, not polled again');
    assert.equal(emulator.requests[0].status, 404);
    assert.match(watcher!.store.entry(last.id)?.error ?? '', /not found/, 'its row shows why');
    assert.deepEqual(ended.map((task) => task.id), [], 'no end notification per re-run');

    const message = rerunsEndMessage(parent.name!, event.reruns.map(({ task, rerunOf }) => ({ task, childLabel: rerunOf.childLabel })), event.unreadable.map(({ rerunOf, message: why }) => ({ childLabel: rerunOf.childLabel, message: why })));
    assert.ok(message.text.startsWith(`The ${reruns.length} re-runs of ${parent.name} ended: `), message.text);
    assert.ok(message.text.includes(`, 1 could not be read (${labels.get(last.id)}). ${labels.get(last.id)}: `), message.text);
    assert.equal(message.failure, true);

    // A later Refresh reads it again (404 again) but announces nothing more.
    await watcher!.refresh();
    assert.equal(events.length, 1);
  });

  it('counts a re-run that turned forbidden (403) after the others ended as ended', async () => {
    const { reruns, labels, events } = await rerunSet(true);
    const last = reruns[reruns.length - 1];
    await tickUntilOthersEnded(reruns, last);
    // Only the last re-run is still polled (the batch and the others have settled), so only it meets the refusal.
    emulator.setFault('GET /tasks/:id', { kind: 'status', status: 403, code: 7001 });
    emulator.resetLog();
    watcher!.start();
    await watcher!.whenIdle();
    assert.deepEqual(emulator.requests.map((record) => [record.path.split('/').pop(), record.status]), [[last.id, 403]]);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0].unreadable.map(({ id, rerunOf }) => [id, rerunOf.childLabel]), [[last.id, labels.get(last.id)]]);
    assert.match(events[0].unreadable[0].message, /No access to .*\(403, code 7001/);
    assert.equal(events[0].reruns.length, reruns.length - 1);
  });

  it('announces a re-run deleted while the others still ran as not read, once the others end', async () => {
    const { reruns, labels, events } = await rerunSet();
    const gone = reruns[0];
    await watcher!.tick();
    await deleteThroughAdminApi(gone.id);
    emulator.advance(1);
    await watcher!.tick();
    assert.match(watcher!.store.entry(gone.id)?.error ?? '', /not found/);
    assert.equal(events.length, 0, 'the others still run');
    watcher!.start();
    await watcher!.whenIdle();
    assert.equal(events.length, 1);
    assert.deepEqual(events[0].unreadable.map(({ id, rerunOf }) => [id, rerunOf.childLabel]), [[gone.id, labels.get(gone.id)]]);
    assert.deepEqual(events[0].reruns.map(({ task }) => task.id).sort(), reruns.slice(1).map((task) => task.id).sort());
    assert.ok(events[0].reruns.every(({ task }) => isTerminal(task.status)), 'the others as they ended, the deleted one not among them with its old RUNNING');
  });

  it('stops quietly when the batch is unwatched mid-set: no notification, no request for its re-runs, nothing left to do', async () => {
    const { parent, reruns, events, ended } = await rerunSet();
    await watcher!.tick();
    assert.ok(reruns.every((task) => watcher!.store.entry(task.id)?.task?.status === 'RUNNING'));

    // Unwatched while a round is under way, right after the first re-run's answer: the round sends nothing more.
    let requestsAtUnwatch = -1;
    const subscription = watcher!.store.onDidChange(({ taskId }) => {
      if (!reruns.some((task) => task.id === taskId) || requestsAtUnwatch >= 0) return;
      watcher!.unwatch(parent.id);
      requestsAtUnwatch = emulator.requests.length;
    });
    emulator.resetLog();
    emulator.advance(1);
    await watcher!.tick();
    subscription.dispose();
    assert.ok(requestsAtUnwatch >= 1, 'the batch was unwatched during the round');
    assert.deepEqual(emulator.requests.slice(requestsAtUnwatch).map((record) => record.path), [], 'no request for the re-runs of a batch no longer watched');
    assert.deepEqual(watcher!.store.watched(), [], 'its re-runs went with it');
    assert.deepEqual(watcher!.store.reruns(parent.id), []);
    assert.equal(watcher!.hasWork(), false);

    // The re-runs end on the platform; nothing is read or announced.
    emulator.resetLog();
    emulator.advance(600);
    watcher!.start();
    await watcher!.whenIdle();
    await watcher!.tick();
    assert.equal(emulator.counters().total, 0);
    assert.deepEqual(events, []);
    assert.deepEqual(ended, []);
  });
});
