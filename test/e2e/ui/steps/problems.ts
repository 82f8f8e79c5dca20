/** Opening the file with mistakes fills the Problems panel: one row per mistake, each at its place. */
import * as assert from 'node:assert/strict';
import { TASK_FILES } from '../taskFiles';
import { placeOf, type UiStep } from '../uiStep';
import { waitFor } from '../waitFor';

const FILE = TASK_FILES.mistakes;

export const problemsStep: UiStep = {
  title: 'the file with mistakes lists its four problems in the Problems panel, each at its place',
  async run({ workbench, workspace }) {
    const expected = [
      { message: /^Missing required input 'two_pass' \(boolean\)/, at: placeOf(workspace, FILE, '"inputs"') },
      { message: /^Input 'genome_fasta' takes a File, not a string/, at: placeOf(workspace, FILE, '"GRCh38.primary_assembly.fa"') },
      { message: /^The app has no input 'threds': did you mean 'threads'\?/, at: placeOf(workspace, FILE, '"threds"') },
      { message: /^'batch_input' needs 'batch_by' beside it/, at: placeOf(workspace, FILE, '"batch_input"') },
    ];
    await workbench.openFile(FILE);
    await workbench.showProblems();
    const rows = await waitFor(
      `the ${expected.length} problems of ${FILE}`,
      () => workbench.problemsOf(FILE),
      (markers) => expected.every(({ message }) => markers.some((marker) => message.test(marker.message))),
      45_000,
    );
    await workbench.screenshot('01-problems');

    assert.equal(await workbench.problemCountOf(FILE), expected.length, `the count beside ${FILE}`);
    assert.equal(rows.length, expected.length, `only the expected problems: ${JSON.stringify(rows, null, 2)}`);
    for (const { message, at } of expected) {
      const row = rows.find((marker) => message.test(marker.message))!;
      assert.equal(row.severity, 'Error', row.message);
      assert.equal(row.source, 'sbg-task', row.message);
      assert.deepEqual({ line: row.line, column: row.column }, at, `place of "${row.message}"`);
    }
  },
};
