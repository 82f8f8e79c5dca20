/** Create Draft Task from the command palette: a notification names the new draft, and the Tasks view lists it. */
import * as assert from 'node:assert/strict';
import { TASK_FILES } from '../taskFiles';
import type { UiStep } from '../uiStep';
import { waitFor } from '../waitFor';

const CREATED = /^Created draft task "quantify S01" \(([0-9a-f-]{36})\)/;

export const createDraftStep: UiStep = {
  title: 'F1 "Seven Bridges: Create Draft Task" on the valid file shows the draft\'s name and id, and the Tasks view lists it',
  async run({ workbench, emulator }) {
    await workbench.showViewContainer('Seven Bridges');
    await workbench.openFile(TASK_FILES.valid);
    await workbench.runCommand('Seven Bridges: Create Draft Task');
    const notice = await workbench.waitForNotification(CREATED, 'the notification of the new draft');
    await waitFor('the draft in the Tasks view', () => workbench.sideBarRows(), (rows) => rows.some((row) => row.text === 'quantify S01 Draft'), 30_000);
    await workbench.screenshot('08-create-draft');

    const id = CREATED.exec(notice)![1];
    const task = emulator.store.task(id)?.task;
    assert.ok(task, `the emulator has the task ${id} the notification names`);
    assert.equal(task.status, 'DRAFT');
    assert.equal((task.inputs as Record<string, unknown>).threads, 4, 'the draft has the input typed in the completion step');
  },
};
