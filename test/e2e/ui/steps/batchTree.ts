/**
 * Create and Run on a batch file: it asks first ("Create and run 6 tasks of ...?"), then the batch appears in the Tasks view, expands into status groups
 * and children, and its counts follow the emulator's clock to the end.
 */
import * as assert from 'node:assert/strict';
import { BATCH_CHILDREN, TASK_FILES } from '../taskFiles';
import type { UiStep } from '../uiStep';
import type { TreeRow } from '../workbench';
import { waitFor } from '../waitFor';

const NAME = 'align by sample';
const CREATED = new RegExp(`^Created and started task "${NAME}" \\(([0-9a-f-]{36})\\)`);
const ENDED = new RegExp(`^Task ${NAME} failed \\(${BATCH_CHILDREN}/${BATCH_CHILDREN} done, \\d+ failed\\)`);
/** Rows refresh on the extension's polls (5 s apart in these tests). */
const POLL_WAIT_MS = 30_000;

export const batchTreeStep: UiStep = {
  title: 'Create and Run on the batch file: the batch appears, expands into status groups and children, and its counts follow the emulator',
  async run({ workbench, emulator }) {
    await workbench.showViewContainer('Seven Bridges');
    await workbench.resizeSideBar(520);
    await workbench.openFile(TASK_FILES.batch);
    const before = emulator.counters()['POST /tasks'] ?? 0;
    await workbench.runCommand('Seven Bridges: Create and Run Task');
    // A batch asks first, naming the child count (the batch preview's) and the app.
    const question = await workbench.waitForDialog(/Create and run \d+ tasks of/, 'the question before Create and Run of a batch');
    assert.match(question, new RegExp(`Create and run ${BATCH_CHILDREN} tasks of STAR align \\(emulator\\)\\?`));
    assert.match(question, new RegExp(`Batch: ${BATCH_CHILDREN} children by sample_id`));
    await workbench.screenshot('15-batch-run-confirmation');
    assert.equal(emulator.counters()['POST /tasks'] ?? 0, before, 'nothing is sent before the answer');
    await workbench.pressDialogButton('Create and Run');
    const id = CREATED.exec(await workbench.waitForNotification(CREATED, 'the notification of the started batch'))![1];
    await waitFor('the batch in the Tasks view, Creating its children', () => workbench.sideBarRows(), (rows) => !!parentRow(rows)?.text.startsWith(`${NAME} Creating`), POLL_WAIT_MS);
    // 2 emulated seconds: the children exist and wait for instances.
    emulator.advance(2);
    await waitFor('the queued batch in the Tasks view', () => workbench.sideBarRows(), (rows) => !!parentRow(rows)?.text.startsWith(`${NAME} Queued · 0/${BATCH_CHILDREN} done`), POLL_WAIT_MS);
    await workbench.screenshot('16-batch-created');

    // 20 emulated seconds: two children (max_parallel_instances) hold instances and run.
    emulator.advance(20);
    await workbench.expandRow(NAME);
    await waitFor(
      'the batch running with groups Running (2) and Queued (4)',
      () => workbench.sideBarRows(),
      (rows) => !!parentRow(rows)?.text.startsWith(`${NAME} Running · 0/${BATCH_CHILDREN} done`) && sameTexts(groupRows(rows), ['Running (2)', 'Queued (4)']),
      POLL_WAIT_MS,
    );
    await workbench.expandRow('Running (2)');
    const running = await waitFor('the two running children under Running (2)', () => workbench.sideBarRows(), (rows) => rows.filter((row) => row.level === 3).length === 2, POLL_WAIT_MS);
    await workbench.screenshot('17-batch-running');
    const runningChildren = running.filter((row) => row.level === 3).map((row) => row.text);
    assert.match(runningChildren[0], /^S01 Running/, runningChildren.join(' | '));
    assert.match(runningChildren[1], /^S02 Running/, runningChildren.join(' | '));

    // An emulated hour: every child has run its 30-90 s.
    emulator.advance(3600);
    const finished = await waitFor(
      `every child in a final group and ${BATCH_CHILDREN}/${BATCH_CHILDREN} done`,
      () => workbench.sideBarRows(),
      (rows) => !!parentRow(rows)?.text.includes(`${BATCH_CHILDREN}/${BATCH_CHILDREN} done`) && groupRows(rows).length > 0 && groupRows(rows).every((row) => /^(Completed|Failed) \(\d+\)/.test(row.text.trim())),
      POLL_WAIT_MS,
    );
    await workbench.waitForNotification(ENDED, 'the notification that the batch ended');
    await workbench.screenshot('18-batch-finished');

    // The groups the emulator's children call for, Failed first; the session's failShare makes some fail.
    const children = [...emulator.store.tasks.values()].map((record) => record.task).filter((task) => task.parent === id);
    const failed = children.filter((task) => task.status === 'FAILED').length;
    assert.ok(failed > 0, 'some children failed, so the order of the groups is seen');
    assert.deepEqual(groupRows(finished).map((row) => row.text.trim()), [`Failed (${failed})`, `Completed (${BATCH_CHILDREN - failed})`]);
    assert.match(parentRow(finished)!.text, new RegExp(`^${NAME} Failed · ${BATCH_CHILDREN}/${BATCH_CHILDREN} done, ${failed} failed`), 'the parent failed, as the emulator says');
    assert.equal(emulator.store.task(id)!.task.status, 'FAILED');
  },
};

function parentRow(rows: TreeRow[]): TreeRow | undefined {
  return rows.find((row) => row.level === 1 && row.text.startsWith(`${NAME} `));
}

/** The status group rows under the batch (level 2, right after its row). */
function groupRows(rows: TreeRow[]): TreeRow[] {
  const start = rows.findIndex((row) => row.level === 1 && row.text.startsWith(`${NAME} `));
  const groups: TreeRow[] = [];
  for (const row of rows.slice(start + 1)) {
    if (row.level === 1) break;
    if (row.level === 2) groups.push(row);
  }
  return groups;
}

function sameTexts(rows: TreeRow[], texts: string[]): boolean {
  return rows.length === texts.length && rows.every((row, i) => row.text.trim() === texts[i]);
}
