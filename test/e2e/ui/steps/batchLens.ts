/**
 * The demo's single-task file, which the STAR app's default batching turns into a batch: the
 * CodeLenses at the top say so ("Runs as a batch: ... (the app's default)", "Run as one task",
 * the child count, "Preview batch"), hovering the app id says so, and Preview Batch shows the
 * children read-only beside the file. Run as one task is not clicked: later steps keep the file.
 */
import * as assert from 'node:assert/strict';
import { TASK_FILES } from '../taskFiles';
import type { UiStep } from '../uiStep';
import { waitFor } from '../waitFor';

const DEFAULT_LENS = "Runs as a batch: by metadata.sample_id over 'reads' (the app's default)";
/** The demo file's four reads are all of sample S01. */
const COUNT_LENS = 'Batch: 1 child by sample_id';
const LENS_WAIT_MS = 30_000;

export const batchLensStep: UiStep = {
  title: "The demo's single-task file says it runs as a batch (CodeLens, hover) and Preview Batch shows its children",
  async run({ workbench, emulator }) {
    await workbench.openFile(TASK_FILES.demoSingle);
    const editor = workbench.activeEditor();
    const lenses = await waitFor(
      'the batch CodeLenses with the child count',
      () => editor.locator('.codelens-decoration a').allInnerTexts(),
      (texts) => texts.map((t) => t.trim()).includes(COUNT_LENS),
      LENS_WAIT_MS,
    );
    assert.deepEqual(lenses.map((t) => t.trim()), [DEFAULT_LENS, 'Run as one task', COUNT_LENS, 'Preview batch']);
    const top = await editor.locator('.codelens-decoration').first().boundingBox();
    const firstLine = await editor.locator('.view-line').first().boundingBox();
    assert.ok(top && firstLine && top.y < firstLine.y, 'the lenses sit above the first line');

    await editor.locator('.view-line span span', { hasText: 'star-align' }).first().hover();
    const hover = await waitFor('the hover over the app id', async () => (await workbench.page.locator('.monaco-hover-content').allInnerTexts()).join('\n'), (text) => text.includes('runs it as one task.'));
    assert.match(hover, /Runs as a batch: by metadata\.sample_id over 'reads' \(the app's default\)\. "batch": false runs it as one task\./);
    await workbench.screenshot('13-default-batch-lens-and-hover');
    await workbench.dismissWidgets();

    emulator.resetLog();
    await editor.locator('.codelens-decoration a', { hasText: 'Preview batch' }).click();
    const previewTab = workbench.page.locator('.tab[aria-label*="Batch preview of align-sample-S01.sbtask.json"]');
    await previewTab.waitFor({ timeout: LENS_WAIT_MS });
    const previewText = await waitFor(
      'the preview of the batch beside the file',
      async () => flat(await workbench.activeEditor().locator('.view-lines').innerText({ timeout: 1000 })),
      (text) => text.includes('Children (1)'),
      LENS_WAIT_MS,
    );
    assert.match(previewText, /Batch: 1 child by sample_id/);
    assert.match(previewText, /1\. \*\*S01\*\* \(4 files\): S01_L001_R1\.fastq\.gz, S01_L001_R2\.fastq\.gz, S01_L002_R1\.fastq\.gz, S01_L002_R2\.fastq\.gz/);
    assert.match(previewText, /Assumption: Files that lack a criterion/);
    assert.equal(emulator.counters()['POST /tasks'] ?? 0, 0, 'previewing creates nothing');
    await workbench.screenshot('14-batch-preview');
    // Read-only: typing into the preview changes nothing.
    await workbench.page.keyboard.type('x');
    assert.equal(flat(await workbench.activeEditor().locator('.view-lines').innerText()), previewText);
  },
};

/** The editor's text with its rendering undone: non-breaking spaces and wrapped lines read as single spaces. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
