/**
 * A finished batch as a user reads it in the Tasks view: why the failed child failed (its row, then
 * the failed job's name once hovered), its execution details with the failed job first and that
 * job's stderr one CodeLens away, what the children, the batch and all watched tasks cost, and a
 * completed child's output files with Download… (the file lands in the workspace, byte-identical;
 * a cancelled one leaves nothing),
 * New Task File from Outputs… (bam-stats with its BAM input filled) and Open in Browser (the file's
 * page on the emulator, in a new browser tab). The batch is started here, so the step runs alone too
 * (UI_STEPS=outputs); which child fails is set on the emulator's records, not left to chance.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SbgClient } from '../../../../platform/src/client';
import type { Emulator } from '../../../emulator';
import { fileIdOf } from '../../../emulator';
import type { UiStep } from '../uiStep';
import type { TreeRow, Workbench } from '../workbench';
import { waitFor } from '../waitFor';

const NAME = 'why and what';
const PROJECT = 'alice/rna-seq';
/** Rows refresh on the extension's polls (5 s apart in these tests). */
const POLL_WAIT_MS = 30_000;
const MONEY = /\$\d+\.\d\d/;

export const outputsAndFailuresStep: UiStep = {
  title: 'A finished batch: the failed child says why, its execution details and stderr, costs, and a completed child’s outputs (Download…, New Task File from Outputs…, Open in Browser)',
  async run({ workbench, emulator, workspace }) {
    await workbench.showViewContainer('Seven Bridges');
    // The earlier steps' editors (two groups side by side after Preview Batch) and the Problems panel
    // would leave the details table too narrow and the log's tail below the fold.
    await workbench.runCommand('View: Close All Editor Groups');
    await workbench.runCommand('View: Hide Panel');
    await workbench.resizeSideBar(720);
    // Room for the execution details: one editor column, no panel (earlier steps leave both).
    await workbench.runCommand('View: Single Column Editor Layout');
    if (await workbench.page.locator('.part.panel').isVisible()) await workbench.runCommand('View: Hide Panel');
    // Rows of earlier steps' batches (their own S01, Failed (1)) stay out of the way.
    const collapseAll = workbench.page.locator('.sidebar .actions-container a[aria-label="Collapse All"]').first();
    if ((await collapseAll.getAttribute('aria-disabled')) !== 'true') await collapseAll.click();
    const parent = await startBatch(emulator);
    await workbench.runCommandThatAsks('Seven Bridges: Watch Task by ID or URL…', 'Watch Task');
    await workbench.enterInQuickInput(parent);
    await waitFor('the batch ended, in the Tasks view', () => workbench.sideBarRows(), (rows) => /^why and what Failed · 3\/3 done, 1 failed/.test(rowOf(rows, NAME)?.text ?? ''), POLL_WAIT_MS);

    // Why it failed: the platform's reason on the row; hovering it reads which job failed.
    await workbench.expandRow(`${NAME} `);
    await workbench.expandRow('Failed (1)');
    const failedRow = await waitFor('the failed child S01 with its reason', () => workbench.sideBarRows(), (rows) => /^S01 Failed: the tool exited with a non-zero code \(emulated\)\./.test(rowOf(rows, 'S01')?.text ?? ''));
    assert.match(rowOf(failedRow, 'S01')!.text, MONEY, 'the child’s price is on its row');
    // Hovering reads the execution details once; the row then names the job, and so does the tooltip.
    const s01 = workbench.page.locator('.sidebar .monaco-list-row[aria-label^="S01 "]').first();
    await s01.hover();
    await waitFor('the row to name the failed job', () => workbench.sideBarRows(), (rows) => /^S01 Failed in step_2: the tool exited/.test(rowOf(rows, 'S01')?.text ?? ''));
    await workbench.page.locator('.sidebar .monaco-list-row[aria-label^="Completed (2)"]').first().hover();
    await s01.hover();
    const tooltip = await waitFor('the failed child’s tooltip naming the failed job', () => hoverText(workbench), (text) => /Failed job: step.?_2/.test(text));
    assert.match(tooltip, /Failed: the tool exited with a non-zero code \(emulated\)/);
    await workbench.screenshot('28-failed-child-reason');
    await workbench.dismissWidgets();

    // What it cost: each child, the batch (the parent's price) and the watched total in the view's title.
    await workbench.expandRow('Completed (2)');
    const costRows = await waitFor('the completed children', () => workbench.sideBarRows(), (rows) => !!rowOf(rows, 'S02') && !!rowOf(rows, 'S03'));
    for (const name of [NAME, 'S01', 'S02', 'S03']) assert.match(rowOf(costRows, name)!.text, MONEY, `${name} shows its price: ${rowOf(costRows, name)!.text}`);
    // The total of the watched tasks: the status bar item's tooltip.
    await workbench.page.locator('.statusbar-item:has(.codicon-sync)').first().hover();
    const total = await waitFor('the status bar tooltip with the watched total', () => hoverText(workbench), (text) => /Cost of the watched tasks: \$\d+\.\d\d/.test(text));
    assert.match(total, /Seven Bridges: \d+ watched tasks? running or queued, \d+ failed/);
    await workbench.screenshot('29-costs-children-batch-total');

    // Execution details of the failed child: the failed job first, its stderr tail one CodeLens away.
    const menu = await workbench.openRowContextMenu('S01 ');
    assert.ok(menu.includes('Show Execution Details'), menu.join(' | '));
    await workbench.chooseMenuItem('Show Execution Details');
    await workbench.page.locator('.tab.active[aria-label*="execution details"]').waitFor({ timeout: 15_000 });
    const editor = workbench.activeEditor();
    const lenses = await waitFor('the log CodeLenses', () => editor.locator('.codelens-decoration a').allInnerTexts(), (texts) => texts.some((text) => text.includes('step_2: job.err.log')));
    assert.ok(lenses.indexOf(lenses.find((text) => text.includes('step_2: job.err.log'))!) === 0, `the failed job’s stderr comes first: ${lenses.join(' | ')}`);
    // Lines wrap in a narrow editor: the rendered lines joined back without their breaks.
    const table = (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ').replace(/\n/g, '');
    assert.ok(table.indexOf('| step_2 | FAILED') < table.indexOf('| step_1 |'), `the failed job is the first row:\n${table}`);
    await workbench.screenshot('30-execution-details-failed-first');
    await editor.locator('.codelens-decoration a', { hasText: 'step_2: job.err.log' }).first().click();
    await workbench.page.locator('.tab.active[aria-label*="step_2 job.err.log"]').waitFor({ timeout: 15_000 });
    // The log opens at its end, where the error lines are.
    const log = await waitFor('the stderr tail', async () => (await workbench.activeEditor().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ').replace(/\n/g, ''), (text) => text.includes('ERROR the tool exited with code 137'));
    assert.match(log, /\[step_2\] ERROR cannot allocate memory/);
    await progressGone(workbench, /^Reading job\.err\.log/);
    await workbench.screenshot('31-stderr-log-open');

    // What it made: S02's outputs under its row.
    await workbench.showViewContainer('Seven Bridges');
    await workbench.expandRow('S02 ');
    const outputs = await waitFor('S02’s output rows', () => workbench.sideBarRows(), (rows) => !!rowOf(rows, 'aligned_bam') && !!rowOf(rows, 'log'));
    assert.match(rowOf(outputs, 'aligned_bam')!.text, /^aligned_bam S02\.aligned_bam\.bam · [\d.]+ KB · bam$/);
    const outputMenu = await workbench.openRowContextMenu('aligned_bam ');
    for (const entry of ['Download…', 'New Task File from Outputs…', 'Copy File ID', 'Open in Browser']) assert.ok(outputMenu.includes(entry), `${entry} in ${outputMenu.join(' | ')}`);
    await settled(workbench, '.monaco-menu-container');
    await workbench.screenshot('32-outputs-of-completed-child-menu');

    // Download…: the save dialog proposes the file's name in the workspace; Enter takes it.
    await workbench.chooseMenuItem('Download…');
    await workbench.waitForQuickInputTitle('Download S02.aligned_bam.bam');
    await workbench.page.keyboard.press('Enter');
    await workbench.waitForNotification(/^Downloaded S02\.aligned_bam\.bam/, 'the notification of the finished download');
    const s02 = [...emulator.store.children(parent)].find((record) => record.task.batch_group?.value === 'S02')!.task;
    const bamId = (s02.outputs?.aligned_bam as { path: string }).path;
    assert.deepEqual(fs.readFileSync(path.join(workspace, 'S02.aligned_bam.bam')), emulator.store.contents.get(bamId), 'byte-identical to the emulator’s file');
    assert.deepEqual(fs.readdirSync(workspace).filter((name) => name.includes('aligned_bam')), ['S02.aligned_bam.bam'], 'no temporary file beside it');
    await progressGone(workbench, /^Downloading /);
    await workbench.screenshot('33-download-finished');

    // Download… cancelled: the emulator holds the transfer half-way; Cancel on the progress leaves no file.
    emulator.setFault('GET /_downloads/:id', { kind: 'latency', ms: 600_000, times: 1 });
    await workbench.openRowContextMenu('log ');
    await workbench.chooseMenuItem('Download…');
    await workbench.waitForQuickInputTitle('Download S02.log.log');
    await workbench.page.keyboard.press('Enter');
    await workbench.waitForNotification(/^Downloading S02\.log\.log/, 'the download’s progress');
    await waitFor('the first half on disk under a temporary name', async () => fs.readdirSync(workspace), (names) => names.some((name) => /^\.S02\.log\.log\..*\.part$/.test(name)));
    await workbench.screenshot('34-download-in-progress-with-cancel');
    await workbench.pressNotificationButton(/^Downloading S02\.log\.log/, 'Cancel');
    await workbench.waitForNotification(/Cancelled: the file being downloaded was not kept\./, 'the notification of the cancelled download');
    assert.deepEqual(fs.readdirSync(workspace).filter((name) => name.includes('S02.log')), [], 'no file and no temporary file');
    await progressGone(workbench, /^Downloading /);
    await workbench.screenshot('35-download-cancelled-nothing-left');

    // New Task File from Outputs…: bam-stats, whose BAM input takes the BAM.
    await workbench.openRowContextMenu('aligned_bam ');
    await workbench.chooseMenuItem('New Task File from Outputs…');
    await workbench.waitForQuickInputTitle('New Task File from Outputs');
    await workbench.pickInQuickInput('BAM statistics', 'BAM statistics (emulator)');
    await workbench.page.locator('.tab.active[aria-label*="bam-stats.sbtask.json"]').waitFor({ timeout: 15_000 });
    const written = await waitFor('the new task file', async () => (await workbench.activeEditor().locator('.view-lines').innerText()).replace(/\u00a0/g, ' '), (text) => text.includes(bamId));
    assert.match(written, /"bams": \{/);
    assert.match(written, /"name": "S02\.aligned_bam\.bam"/);
    assert.match(written, /"mode": "fast"/);
    await progressGone(workbench, /^Reading the inputs of/);
    await workbench.screenshot('36-new-task-file-from-outputs');

    // Open in Browser on the output: the file's page on the emulator opens in a new tab.
    await workbench.showViewContainer('Seven Bridges');
    await workbench.openRowContextMenu('aligned_bam ');
    const opened = workbench.page.context().waitForEvent('page', { timeout: 20_000 });
    await workbench.chooseMenuItem('Open in Browser');
    const browserTab = await opened;
    await browserTab.waitForLoadState();
    // code-server opens a URL on this machine through its port proxy (/proxy/PORT/...): the path must survive that.
    const emulatorPort = new URL(emulator.origin).port;
    assert.match(browserTab.url(), new RegExp(`^http://127\\.0\\.0\\.1:\\d+/proxy/${emulatorPort}/u/${PROJECT}/files/${bamId}/$`));
    const page = await browserTab.locator('body').innerText();
    assert.match(page, /S02\.aligned_bam\.bam/);
    await browserTab.screenshot({ path: path.join(path.dirname(await workbench.screenshot('37-open-in-browser-workbench')), '38-open-in-browser-emulator-page.png') });
    await browserTab.close();
  },
};

/** Starts a batch of three children (S01, S02, S03) and runs it to its end, S01 failing and the others completing. */
async function startBatch(emulator: Emulator): Promise<string> {
  const client = new SbgClient({ baseUrl: emulator.url, token: emulator.token, clock: emulator.clock(), environmentName: 'the emulator' });
  const reads = ['S01', 'S02', 'S03'].flatMap((sample) => ['L001', 'L002'].flatMap((lane) => ['1', '2'].map((read) => ({ class: 'File', path: fileIdOf(PROJECT, `${sample}_${lane}_R${read}.fastq.gz`) }))));
  const task = await client.createTask(
    {
      name: NAME,
      project: PROJECT,
      app: `${PROJECT}/star-align/2`,
      inputs: { reads, genome_fasta: { class: 'File', path: fileIdOf('admin/sbg-public-data', 'GRCh38.primary_assembly.fa') }, two_pass: false },
      batch_input: 'reads',
      batch_by: { type: 'criteria', criteria: ['metadata.sample_id'] },
      execution_settings: { max_parallel_instances: 3 },
    },
    { run: true },
  );
  emulator.advance(2);
  const children = [...emulator.store.children(task.id)];
  assert.deepEqual(children.map((record) => record.task.batch_group?.value), ['S01', 'S02', 'S03']);
  for (const record of children) record.willFail = record.task.batch_group?.value === 'S01';
  emulator.advance(3600);
  return task.id;
}

function rowOf(rows: TreeRow[], name: string): TreeRow | undefined {
  return rows.find((row) => row.text.startsWith(`${name} `));
}

async function hoverText(workbench: Workbench): Promise<string> {
  return (await workbench.page.locator('.monaco-hover-content, .workbench-hover').allInnerTexts()).join('\n');
}

/** Waits for a progress notification to close (VS Code keeps one a moment after its work ended). */
async function progressGone(workbench: Workbench, pattern: RegExp): Promise<void> {
  await waitFor(`the progress notification ${pattern} to close`, () => workbench.notifications(), (texts) => !texts.some((text) => pattern.test(text)));
}

/** Waits for the element's opening animations to end, so a screenshot shows it as a user sees it. */
async function settled(workbench: Workbench, selector: string): Promise<void> {
  await waitFor(`${selector} to finish its animation`, () => workbench.page.locator(selector).first().evaluate((element) => element.getAnimations({ subtree: true }).length), (running) => running === 0);
}
