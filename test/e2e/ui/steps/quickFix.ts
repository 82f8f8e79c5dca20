/** The quick fix on "Missing required input" adds the input with a value of its type, and the problem goes away. */
import * as assert from 'node:assert/strict';
import { TASK_FILES, readTaskFile } from '../taskFiles';
import type { UiStep } from '../uiStep';
import { waitFor } from '../waitFor';

const FILE = TASK_FILES.mistakes;
const MISSING = "Missing required input 'two_pass'";
const FIX = "Add the required input 'two_pass'";

export const quickFixStep: UiStep = {
  title: `Ctrl+. on "${MISSING}" offers "${FIX}"; applying it adds "two_pass": false and the Problems count goes down`,
  async run({ workbench, workspace }) {
    await workbench.openFile(FILE);
    await workbench.showProblems();
    const before = await workbench.problemCountOf(FILE);
    await workbench.openProblem(MISSING);
    await workbench.page.keyboard.press('Control+.');
    const actions = await waitFor('the Quick Fix menu', () => workbench.codeActions(), (labels) => labels.includes(FIX), 15_000);
    await workbench.screenshot('06-quick-fix-menu');
    assert.ok(actions.includes(FIX), actions.join(' | '));

    // The fix is preferred, so the menu opens with it focused; Enter applies it.
    await waitFor(`"${FIX}" to be focused in the menu`, () => workbench.focusedCodeAction(), (label) => label === FIX);
    await workbench.page.keyboard.press('Enter');
    await workbench.codeActionMenu().waitFor({ state: 'hidden', timeout: 10_000 });
    await workbench.save();
    const after = await waitFor(`the "${MISSING}" row to leave the Problems panel`, () => workbench.problemsOf(FILE), (rows) => !rows.some((row) => row.message.startsWith(MISSING)));
    await workbench.screenshot('07-quick-fix-applied');

    assert.equal(readTaskFile(workspace, FILE).inputs.two_pass, false, 'two_pass added with a boolean');
    assert.equal(await workbench.problemCountOf(FILE), before - 1, `the count went from ${before} down by one: ${after.map((row) => row.message).join(' | ')}`);
  },
};
