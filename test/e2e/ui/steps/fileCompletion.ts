/**
 * File completion fits the port: in the demo's single-task file, completing `genome_fasta.path`
 * (a port of `sbg:fileTypes` "FA, FASTA") lists FASTA files, those of the public reference files
 * project first (the task's project has none), each row's detail naming its type, size and project;
 * BAMs and FASTQs are not offered. With a name typed, the user's other projects follow the reference
 * files. Read from the suggest widget's DOM, in order.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TASK_FILES } from '../taskFiles';
import { placeOf, type UiStep } from '../uiStep';
import { waitFor } from '../waitFor';

const FILE = TASK_FILES.demoSingle;
const PUBLIC = 'admin/sbg-public-data';
/** Added for this step: a second reference FASTA, a BAM in the reference project to leave out, a FASTA in another of the user's projects. */
const EXTRA = [
  { project: PUBLIC, name: 'GRCm39.genome.fasta', size: 2_700_000_000 },
  { project: PUBLIC, name: 'HG002.chr20.bam', size: 1_100_000_000 },
  { project: 'alice/variant-calling', name: 'GRCh37.fa', size: 3_000_000_000 },
];

export const fileCompletionStep: UiStep = {
  title: 'completing genome_fasta.path in the demo file lists FASTA files, the public reference files project first, and no BAM or FASTQ',
  async run({ workbench, workspace, emulator }) {
    for (const { project, name, size } of EXTRA) emulator.addFiles({ project, count: 1, name, size, metadata: {} });
    const original = fs.readFileSync(path.join(workspace, FILE), 'utf8');
    await workbench.openFile(FILE);
    const place = placeOf(workspace, FILE, '"path": "97defd03e20c0a8d32895f7c"');
    // The cursor on the id, the id selected and deleted: "path": "|".
    await workbench.goTo(place.line, place.column + '"path": "'.length);
    for (let i = 0; i < 24; i++) await workbench.page.keyboard.press('Shift+ArrowRight');
    await workbench.page.keyboard.press('Delete');
    await workbench.page.keyboard.press('Control+Space');

    const rows = await waitFor(
      'the suggest widget to list the reference FASTA files',
      () => suggestionRows(workbench.page),
      (found) => found.some((row) => row.label === 'GRCm39.genome.fasta') && found.some((row) => row.label === 'GRCh38.primary_assembly.fa'),
      30_000,
    );
    await workbench.screenshot('04-file-completion-fasta');
    const described = rows.map((row) => `${row.label} [${row.detail}]`).join(' | ');
    assert.ok(rows.every((row) => /\.(fa|fasta)$/i.test(row.label)), `only FASTA files: ${described}`);
    assert.ok(!rows.some((row) => /\.(bam|fastq\.gz)$/i.test(row.label)), `no BAM or FASTQ: ${described}`);
    // The task's project holds no FASTA: the reference project's come first, with their type, size and project.
    assert.match(rows[0].detail, /^(FA|FASTA) · [\d.]+ GB · admin\/sbg-public-data \(public reference files\) · [0-9a-f]{24}$/, described);
    const fromReference = rows.map((row) => row.detail.includes('(public reference files)'));
    assert.ok(fromReference.indexOf(false) === -1 || fromReference.lastIndexOf(true) < fromReference.indexOf(false), `reference files first: ${described}`);
    assert.deepEqual(
      rows.filter((row) => row.detail.includes('(public reference files)')).map((row) => row.label),
      ['GRCh38.primary_assembly.fa', 'GRCm39.genome.fasta'],
      'the reference project\'s FASTA files, by name',
    );

    // A name typed: the user's other projects are searched too, after the reference files.
    await workbench.page.keyboard.type('GRC');
    const named = await waitFor(
      'the suggest widget to add the FASTA of alice/variant-calling',
      () => suggestionRows(workbench.page),
      (found) => found.some((row) => row.label === 'GRCh37.fa'),
      30_000,
    );
    await workbench.screenshot('05-file-completion-other-projects');
    const namedText = named.map((row) => `${row.label} [${row.detail}]`).join(' | ');
    assert.deepEqual(named.map((row) => row.label), ['GRCh38.primary_assembly.fa', 'GRCm39.genome.fasta', 'GRCh37.fa'], `reference files first, then the other project: ${namedText}`);
    assert.match(named[2].detail, /^FA · [\d.]+ GB · alice\/variant-calling · [0-9a-f]{24}$/, namedText);

    // Undone to the text of the file, so the steps after this one see the demo file as it was.
    // code-server is VS Code for the web, whose files.autoSave defaults to "afterDelay" (1 s): the
    // edits above are already saved (or about to be), and with so short a delay the tab never shows
    // as dirty. So the undo is read from the editor's text, not from the tab, and the file is then
    // awaited on disk as it was, written back by the same auto save.
    await workbench.page.keyboard.press('Escape');
    const originalLine = lineWith(original, '"genome_fasta"');
    await waitFor('the editor to show the genome_fasta line as it was', async () => {
      const shown = await editorLineWith(workbench, '"genome_fasta"');
      // One Ctrl+Z per read, after the text of the previous one has been rendered and read.
      if (shown !== originalLine) await workbench.page.keyboard.press('Control+Z');
      return shown;
    }, (shown) => shown === originalLine);
    await waitFor('the demo file on disk as it was', async () => fs.readFileSync(path.join(workspace, FILE), 'utf8') === original, (same) => same);
    // The diagnostics follow the text: the "GRC" problem goes with it, the file's batch note stays
    // (which shows the file's rows were read).
    await workbench.showProblems();
    await waitFor(
      'the Problems panel to list the demo file without "GRC" as a malformed file id',
      async () => (await workbench.problemsOf(FILE)).map((row) => row.message),
      (messages) => messages.some((message) => message.startsWith('Runs as a batch')) && !messages.some((message) => message.startsWith('"GRC" is not a file id')),
    );
  },
};

/** The line of `text` that contains `part`, without its indentation. */
function lineWith(text: string, part: string): string | undefined {
  return text.split(/\r?\n/).find((line) => line.includes(part))?.trim();
}

/** The line of the active editor that contains `part`, as rendered (Monaco draws spaces as no-break spaces). */
async function editorLineWith(workbench: import('../workbench').Workbench, part: string): Promise<string | undefined> {
  const lines = await workbench.activeEditor().locator('.view-line').allInnerTexts();
  return lineWith(lines.map((line) => line.replace(/\u00a0/g, ' ')).join('\n'), part);
}

/** The suggest widget's rows in order: each label and its detail (type · size · project · id). */
async function suggestionRows(page: import('playwright-core').Page): Promise<{ label: string; detail: string }[]> {
  return page.locator('.suggest-widget.visible .monaco-list-row').evaluateAll((rows) =>
    rows.map((row) => ({
      label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      detail: row.querySelector('.details-label')?.textContent?.trim() ?? '',
    })),
  );
}
