/**
 * Create Draft Task when the API rate limit is spent: the request waits for the reset in a
 * progress notification with a Cancel button. Cancel ends it with nothing created; run again,
 * it completes once the budget is back, and exactly one task exists.
 *
 * The emulator's manual clock stands still, so the window it opens when the budget is set to
 * nothing lasts until the test gives the budget back. The extension waits for the reset that
 * X-RateLimit-Reset names, measured on the platform's clock (the Date of its answers), sleeping
 * on this machine's: WAIT_SECONDS of real time, which advancing the emulator's clock would not
 * shorten. So the second attempt is let through by restoring the budget while it waits, and it
 * completes when its wait ends; had the wait ended first, it would be refused again and wait
 * again, with the same notification and the same single task.
 */
import * as assert from 'node:assert/strict';
import type { Emulator } from '../../../emulator';
import { TASK_FILES } from '../taskFiles';
import type { UiStep } from '../uiStep';
import { waitFor } from '../waitFor';
import type { Workbench } from '../workbench';

const COMMAND = 'Seven Bridges: Create Draft Task';
const WAITING = /^Creating a draft task from quantify\.sbtask\.json…: waiting for the API rate limit to reset \(until .+\); Cancel stops waiting/;
const CANCELLED = /^Cancelled while waiting to send again: the platform had refused the request \(rate limit or maintenance\), so nothing was created\./;
const CREATED = /^Created draft task "quantify S01" \(([0-9a-f-]{36})\)/;
/** The rate-limit window: long enough to see the wait and cancel it, short enough for a quick run. */
const WAIT_SECONDS = 10;
/** The emulator's default budget: 1000 requests per 300 s. */
const NORMAL_RATE_LIMIT = [1000, 300] as const;

export const rateLimitWaitStep: UiStep = {
  title: 'with the rate limit spent, Create Draft Task waits in a progress notification; Cancel creates nothing, and the next attempt creates exactly one draft once the budget is back',
  async run({ workbench, emulator }) {
    try {
      await cancelThenComplete(workbench, emulator);
    } finally {
      emulator.setRateLimit(...NORMAL_RATE_LIMIT); // also when a check failed, so the later steps are not refused
    }
  },
};

async function cancelThenComplete(workbench: Workbench, emulator: Emulator): Promise<void> {
  await workbench.openFile(TASK_FILES.valid);
  await workbench.runCommand('Notifications: Clear All Notifications');
  const tasksBefore = new Set(emulator.store.tasks.keys());
  const firstRequest = emulator.requests.length;
  emulator.setRateLimit(0, WAIT_SECONDS);

  await workbench.runCommand(COMMAND);
  await createAnother(workbench, true);
  await workbench.waitForNotification(WAITING, 'the progress notification waiting for the rate limit');
  await workbench.screenshot('10-rate-limit-waiting');
  await workbench.pressNotificationButton(WAITING, 'Cancel');
  await workbench.waitForNotification(CANCELLED, 'the message that the cancelled request created nothing');
  await waitFor('the waiting notification to close', () => workbench.notifications(), (texts) => !texts.some((text) => WAITING.test(text)));
  await workbench.expandNotification(CANCELLED);
  await workbench.screenshot('11-rate-limit-cancelled');
  assert.deepEqual([...emulator.store.tasks.keys()].filter((id) => !tasksBefore.has(id)), [], 'no task was created');
  assert.deepEqual(postStatuses(emulator.requests.slice(firstRequest)), [429], 'one POST /tasks, refused, and not sent again while waiting');

  // Again, while the budget is still spent: the extension waits again.
  await workbench.runCommand('Notifications: Clear All Notifications');
  await workbench.runCommand(COMMAND);
  await createAnother(workbench, false);
  await workbench.waitForNotification(WAITING, 'the second attempt waiting for the rate limit');
  emulator.setRateLimit(...NORMAL_RATE_LIMIT); // a new window: the budget is back
  const notice = await workbench.waitForNotification(CREATED, 'the draft created once the wait ended', (WAIT_SECONDS + 30) * 1000);
  await workbench.screenshot('12-rate-limit-created');

  const created = [...emulator.store.tasks.keys()].filter((id) => !tasksBefore.has(id));
  assert.deepEqual(created, [CREATED.exec(notice)![1]], 'exactly one task, the one the notification names');
  const statuses = postStatuses(emulator.requests.slice(firstRequest));
  assert.equal(statuses.filter((status) => status === 201).length, 1, `one POST /tasks accepted: ${statuses.join(', ')}`);
  assert.ok(statuses.every((status) => status === 201 || status === 429), `the others refused for the rate limit: ${statuses.join(', ')}`);
}

/**
 * The Create Draft step made a draft from this same content minutes ago: the extension asks before
 * making another (a cancelled attempt made nothing, so the draft it names stays the earlier one).
 */
async function createAnother(workbench: Workbench, screenshot: boolean): Promise<void> {
  const question = await workbench.waitForDialog(/created task "quantify S01" \([0-9a-f-]{36}\) .*ago — create another\?/, 'the question before creating the same content again');
  assert.match(question, /^quantify\.sbtask\.json created task/);
  if (screenshot) await workbench.screenshot('09-create-another-confirmation');
  await workbench.pressDialogButton('Create Another');
}

function postStatuses(requests: { method: string; path: string; status: number }[]): number[] {
  return requests.filter((request) => request.method === 'POST' && request.path === '/tasks').map((request) => request.status);
}
