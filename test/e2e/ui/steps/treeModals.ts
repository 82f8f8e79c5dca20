/**
 * The two actions of the Tasks view that ask first, done as a user does them: right-click the row,
 * choose the action in its context menu, read the modal dialog, press its button. Re-run Failed
 * Children on the finished batch of the batch step; Abort on a second batch while it runs.
 */
import * as assert from 'node:assert/strict';
import { SbgClient } from '../../../../platform/src/client';
import type { Task } from '../../../../platform/src/types';
import type { Emulator } from '../../../emulator';
import { readTaskFile, TASK_FILES } from '../taskFiles';
import type { UiStep } from '../uiStep';
import type { TreeRow } from '../workbench';
import { waitFor } from '../waitFor';

/** The batch the batch step left finished, with failed children. */
const FINISHED = 'align by sample';
const TO_ABORT = 'align to abort';
/** Rows refresh on the extension's polls (5 s apart in these tests). */
const POLL_WAIT_MS = 30_000;

export const treeModalsStep: UiStep = {
  title: 'Tasks view context menu: Re-run Failed Children and Abort ask in a modal dialog, and the tree and the emulator follow',
  async run({ workbench, emulator, workspace }) {
    await workbench.showViewContainer('Seven Bridges');
    const allTasks = () => [...emulator.store.tasks.values()].map((record) => record.task);

    // Re-run Failed Children: one confirmation for the set, one clone per failed child.
    const parent = allTasks().find((task) => task.name === FINISHED && task.batch)!;
    assert.ok(parent, 'the batch step left its batch');
    const failed = allTasks().filter((task) => task.parent === parent.id && task.status === 'FAILED');
    assert.ok(failed.length > 0, 'the batch has failed children');
    const before = new Set(allTasks().map((task) => task.id));
    const menu = await workbench.openRowContextMenu(`${FINISHED} Failed`);
    assert.ok(menu.includes('Re-run Failed Children…'), `the menu of a batch with failed children: ${menu.join(' | ')}`);
    await workbench.chooseMenuItem('Re-run Failed Children…');
    const question = await workbench.waitForDialog(/^Re-run/, 'the re-run confirmation');
    assert.match(question, new RegExp(`^Re-run ${failed.length} failed child tasks? of ${FINISHED}\\?`));
    await workbench.screenshot('13-rerun-confirmation');
    await workbench.pressDialogButton('Re-run');
    await workbench.waitForNotification(new RegExp(`^Started ${failed.length} re-runs?`), 'the notification of the started re-runs');
    const clones = allTasks().filter((task) => !before.has(task.id));
    assert.equal(clones.length, failed.length, 'exactly one new task per failed child');
    assert.deepEqual(clones.map((task) => task.name).sort(), failed.map((task) => task.name).sort(), 'the clones are the failed children');
    await waitFor(
      `the ${clones.length} clones as rows of the Tasks view`,
      () => workbench.sideBarRows(),
      (rows) => clones.every((clone) => rows.some((row) => row.level === 1 && row.text.startsWith(`${clone.name} `))),
      POLL_WAIT_MS,
    );
    await workbench.screenshot('14-rerun-clones-watched');

    // Abort: a second batch, running, aborted from its row.
    const running = await startBatch(emulator, readTaskFile(workspace, TASK_FILES.batch));
    emulator.advance(20);
    await workbench.runCommandThatAsks('Seven Bridges: Watch Task by ID or URL…', 'Watch Task');
    await workbench.enterInQuickInput(running.id);
    await waitFor('the batch to abort, running', () => workbench.sideBarRows(), (rows) => !!rowOf(rows, TO_ABORT)?.text.startsWith(`${TO_ABORT} Running`), POLL_WAIT_MS);
    const abortMenu = await workbench.openRowContextMenu(`${TO_ABORT} Running`);
    assert.ok(abortMenu.includes('Abort Task…'), `the menu of a running batch: ${abortMenu.join(' | ')}`);
    await workbench.chooseMenuItem('Abort Task…');
    await workbench.waitForDialog(new RegExp(`^Abort batch task ${TO_ABORT} and all its queued and running children\\?`), 'the abort confirmation');
    await workbench.screenshot('15-abort-confirmation');
    await workbench.pressDialogButton('Abort');
    await waitFor('the batch row to show Aborting', () => workbench.sideBarRows(), (rows) => !!rowOf(rows, TO_ABORT)?.text.startsWith(`${TO_ABORT} Aborting`), POLL_WAIT_MS);
    // 2 emulated seconds: ABORTING ends, the batch and its children are ABORTED.
    emulator.advance(2);
    await waitFor('the batch row to show Aborted', () => workbench.sideBarRows(), (rows) => !!rowOf(rows, TO_ABORT)?.text.startsWith(`${TO_ABORT} Aborted`), POLL_WAIT_MS);
    await workbench.screenshot('16-batch-aborted');
    assert.equal(emulator.store.task(running.id)!.task.status, 'ABORTED');
    const children = allTasks().filter((task) => task.parent === running.id);
    assert.ok(children.length > 0 && children.every((task) => task.status === 'ABORTED'), `every child aborted: ${children.map((task) => task.status).join(', ')}`);
  },
};

/** Starts the batch file's batch under another name, as another client of the same account would. */
async function startBatch(emulator: Emulator, body: Record<string, unknown>): Promise<Task> {
  const client = new SbgClient({ baseUrl: emulator.url, token: emulator.token, clock: emulator.clock(), environmentName: 'the emulator' });
  const task = await client.createTask({ ...body, name: TO_ABORT } as Parameters<SbgClient['createTask']>[0], { run: true });
  assert.equal(task.batch, true, 'a batch');
  return task;
}

function rowOf(rows: TreeRow[], name: string): TreeRow | undefined {
  return rows.find((row) => row.level === 1 && row.text.startsWith(`${name} `));
}
