/**
 * The two actions of the Tasks view that ask first, done as a user does them: right-click the row,
 * choose the action in its context menu, read the modal dialog, press its button. Re-run Failed
 * Children on the finished batch of the batch step: the re-runs show under it in a Re-runs group and
 * their end raises one notification. Abort on a second batch while it runs. Last, a batch named like
 * the first: the two rows are told apart by start time and short id.
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
    await workbench.screenshot('19-rerun-confirmation');
    await workbench.pressDialogButton('Re-run');
    await workbench.waitForNotification(new RegExp(`^Started ${failed.length} re-runs?`), 'the notification of the started re-runs');
    const clones = allTasks().filter((task) => !before.has(task.id));
    assert.equal(clones.length, failed.length, 'exactly one new task per failed child');
    assert.deepEqual(clones.map((task) => task.name).sort(), failed.map((task) => task.name).sort(), 'the clones are the failed children');
    // The re-runs stay with their batch: a Re-runs group under it, each row naming the child it replaces.
    const replaced = failed.map((task) => task.batch_group!.value!).sort();
    await workbench.expandRow(`${FINISHED} Failed`);
    const underBatch = await waitFor(
      `a Re-runs (${clones.length}) group under ${FINISHED} with a row per replaced child`,
      () => workbench.sideBarRows(),
      (rows) => rerunRowsOf(rows, FINISHED).length === clones.length,
      POLL_WAIT_MS,
    );
    assert.ok(groupRowsOf(underBatch, FINISHED).includes(`Re-runs (${clones.length})`), groupRowsOf(underBatch, FINISHED).join(' | '));
    assert.deepEqual(rerunRowsOf(underBatch, FINISHED).map((text) => /^Re-run of (\S+) /.exec(text)?.[1]).sort(), replaced, 'each row names the child it replaces');
    assert.ok(!underBatch.some((row) => row.level === 1 && clones.some((clone) => row.text.startsWith(`${clone.name} `))), 'no clone at the top level');
    await workbench.screenshot('20-reruns-under-batch');

    // An emulated hour: every re-run ends; one notification covers the set, none names a clone alone.
    emulator.advance(3600);
    const seen = new Set<string>();
    const summary = new RegExp(`^(The ${clones.length} re-runs of ${FINISHED} ended: |The re-run of \\S+ in ${FINISHED} )`);
    await waitFor(
      'one notification for the whole re-run set',
      async () => {
        for (const text of await workbench.notifications()) seen.add(text);
        return [...seen];
      },
      (texts) => texts.some((text) => summary.test(text)),
      POLL_WAIT_MS,
    );
    await waitFor('every re-run row final', () => workbench.sideBarRows(), (rows) => rerunRowsOf(rows, FINISHED).every((text) => / (Completed|Failed)/.test(text)), POLL_WAIT_MS);
    await workbench.waitForNotification(summary, 'the re-run summary');
    for (const text of await workbench.notifications()) seen.add(text);
    await workbench.screenshot('21-reruns-ended');
    assert.equal([...seen].filter((text) => summary.test(text)).length, 1, [...seen].join('\n'));
    assert.deepEqual([...seen].filter((text) => clones.some((clone) => text.includes(`Task ${clone.name} `))), [], 'no notification per re-run');
    const finals = clones.map((clone) => emulator.store.task(clone.id)!.task.status);
    assert.ok(finals.every((status) => status === 'COMPLETED' || status === 'FAILED'), finals.join(', '));
    const completed = finals.filter((status) => status === 'COMPLETED').length;
    if (clones.length > 1 && completed > 0) assert.match([...seen].find((text) => summary.test(text))!, new RegExp(`${completed} completed`));

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
    await workbench.screenshot('22-abort-confirmation');
    await workbench.pressDialogButton('Abort');
    await waitFor('the batch row to show Aborting', () => workbench.sideBarRows(), (rows) => !!rowOf(rows, TO_ABORT)?.text.startsWith(`${TO_ABORT} Aborting`), POLL_WAIT_MS);
    // 2 emulated seconds: ABORTING ends, the batch and its children are ABORTED.
    emulator.advance(2);
    await waitFor('the batch row to show Aborted', () => workbench.sideBarRows(), (rows) => !!rowOf(rows, TO_ABORT)?.text.startsWith(`${TO_ABORT} Aborted`), POLL_WAIT_MS);
    await workbench.screenshot('23-batch-aborted');
    assert.equal(emulator.store.task(running.id)!.task.status, 'ABORTED');
    const children = allTasks().filter((task) => task.parent === running.id);
    assert.ok(children.length > 0 && children.every((task) => task.status === 'ABORTED'), `every child aborted: ${children.map((task) => task.status).join(', ')}`);

    // A second batch named like the first: both rows add their start time and a short id.
    const twin = await startBatch(emulator, readTaskFile(workspace, TASK_FILES.batch), FINISHED);
    await workbench.runCommandThatAsks('Seven Bridges: Watch Task by ID or URL…', 'Watch Task');
    await workbench.enterInQuickInput(twin.id);
    const twins = await waitFor(
      `two rows named ${FINISHED}, told apart`,
      () => workbench.sideBarRows(),
      (rows) => rows.filter((row) => row.level === 1 && row.text.startsWith(`${FINISHED} (`)).length === 2,
      POLL_WAIT_MS,
    );
    const labels = twins.filter((row) => row.level === 1 && row.text.startsWith(`${FINISHED} (`)).map((row) => row.text);
    assert.ok(labels.some((text) => text.includes(`#${parent.id.slice(0, 8)})`)) && labels.some((text) => text.includes(`#${twin.id.slice(0, 8)})`)), labels.join(' | '));
    assert.ok(labels.every((text) => /\((started|created) \w{3} \d+ \d\d:\d\d · #[0-9a-f]{8}\)/.test(text)), labels.join(' | '));
    await workbench.screenshot('24-same-name-batches');
  },
};

/** Starts the batch file's batch under another name, as another client of the same account would. */
async function startBatch(emulator: Emulator, body: Record<string, unknown>, name = TO_ABORT): Promise<Task> {
  const client = new SbgClient({ baseUrl: emulator.url, token: emulator.token, clock: emulator.clock(), environmentName: 'the emulator' });
  const task = await client.createTask({ ...body, name } as Parameters<SbgClient['createTask']>[0], { run: true });
  assert.equal(task.batch, true, 'a batch');
  return task;
}

/** The rows under a watched batch (until the next top-level row). */
function rowsUnder(rows: TreeRow[], name: string): TreeRow[] {
  const start = rows.findIndex((row) => row.level === 1 && row.text.startsWith(`${name} `));
  if (start < 0) return [];
  const end = rows.findIndex((row, i) => i > start && row.level === 1);
  return rows.slice(start + 1, end < 0 ? undefined : end);
}

function groupRowsOf(rows: TreeRow[], name: string): string[] {
  return rowsUnder(rows, name).filter((row) => row.level === 2).map((row) => row.text.trim());
}

/** The rows of the batch's Re-runs group. */
function rerunRowsOf(rows: TreeRow[], name: string): string[] {
  const under = rowsUnder(rows, name);
  const group = under.findIndex((row) => row.level === 2 && row.text.startsWith('Re-runs ('));
  if (group < 0) return [];
  const result: string[] = [];
  for (const row of under.slice(group + 1)) {
    if (row.level <= 2) break;
    result.push(row.text.trim());
  }
  return result;
}

function rowOf(rows: TreeRow[], name: string): TreeRow | undefined {
  return rows.find((row) => row.level === 1 && row.text.startsWith(`${name} `));
}
