/** Typing a port id under "inputs" offers the app's ports; accepting one writes the key and a value of its type. */
import * as assert from 'node:assert/strict';
import { TASK_FILES, readTaskFile } from '../taskFiles';
import { placeOf, type UiStep } from '../uiStep';
import { waitFor } from '../waitFor';

const FILE = TASK_FILES.valid;

export const completionStep: UiStep = {
  title: 'typing under "inputs" suggests the port threads; accepting it writes "threads": 0, with the 0 selected to overtype',
  async run({ workbench, workspace }) {
    await workbench.openFile(FILE);
    await workbench.goTo(placeOf(workspace, FILE, '"inputs"').line);
    await workbench.page.keyboard.press('End');
    await workbench.page.keyboard.press('Enter');
    await workbench.page.keyboard.type('"thr');
    const suggestions = await waitFor('the suggest widget to offer threads', () => workbench.suggestions(), (labels) => labels.some((label) => label.startsWith('threads')), 15_000);
    await workbench.screenshot('02-completion-suggest');
    assert.match(suggestions[0], /^threads\b/, `threads is the first suggestion: ${suggestions.join(' | ')}`);

    await workbench.page.keyboard.press('Enter');
    await workbench.suggestWidget().waitFor({ state: 'hidden', timeout: 10_000 });
    // The snippet selects the placeholder 0: typing replaces it.
    await workbench.page.keyboard.type('4');
    await workbench.page.keyboard.press('Escape');
    await workbench.save();
    await waitFor(`${FILE} to have no problems`, () => workbench.problemCountOf(FILE), (count) => count === 0);
    await workbench.screenshot('03-completion-accepted');

    const saved = readTaskFile(workspace, FILE);
    assert.equal(saved.inputs.threads, 4, 'the accepted port with the typed value');
    assert.deepEqual(Object.keys(saved.inputs), ['threads', 'index', 'reads'], 'inserted where typed, with the comma the next key needs');
  },
};
