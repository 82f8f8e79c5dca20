// The Tasks view's row actions inside a real VS Code, run as the view runs them: the command with
// the row (the provider's node) as its argument, against an emulator this test starts. What each
// action leaves behind is read where a user would find it: the clipboard, the editor, the language
// server's diagnostics, the tree, the workspace's saved watch list, and the emulator's own store.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SbgTasksApi } from '../../../client/src/extension';
import type { TaskTreeNode } from '../../../client/src/tree/nodes/treeNode';
import type { Task } from '../../../platform/src/types';
import { startEmulator, type Emulator } from '../../emulator';
import { fileIdOf } from '../../emulator/seed/fileIds';
import { ACCEPT, answer, selectItem, when } from '../support/prompts';
import { signedInToEmulator, UNTIL_ENDED_S } from '../support/signedIn';


const PROJECT = 'alice/rna-seq';
const APP = 'alice/rna-seq/salmon-quant/0';
const STAR = 'alice/rna-seq/star-align/2';
const INPUTS = {
  index: { class: 'File', path: fileIdOf(PROJECT, 'salmon_index.tar.gz') },
  reads: [{ class: 'File', path: fileIdOf(PROJECT, 'S01_L001_R1.fastq.gz') }],
};

describe('Tasks view actions', () => {
  let emulator: Emulator;
  let api: SbgTasksApi;

  before(async () => {
    // Every task fails, so a finished task has a failed job for Show Execution Details.
    ({ emulator, api } = await signedInToEmulator({ corpusDir: null, failShare: 1 }));
    await vscode.commands.executeCommand('sbgTasks.tasks.focus');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await emulator?.close();
  });

  it('Copy Task ID puts the row’s task id on the clipboard', async () => {
    const task = await createTask('copy me', { run: true });
    await vscode.env.clipboard.writeText('not the id');
    await vscode.commands.executeCommand('sbgTasks.copyTaskId', await watchedRow(task));
    assert.equal(await vscode.env.clipboard.readText(), task.id);
  });

  it('Run Draft starts the draft: RUNNING ("Initializing...") on the emulator and in the tree', async () => {
    const draft = await createTask('run me', { run: false });
    const row = await watchedRow(draft);
    assert.match(String(row.treeItem().contextValue), /\bdraft\b/, 'the row offers Run Draft');
    await vscode.commands.executeCommand('sbgTasks.runDraft', row);
    assert.equal(emulator.store.task(draft.id)!.task.status, 'RUNNING');
    await api.taskTree.refresh();
    const after = rowOf(draft.id);
    assert.equal(after.task?.status, 'RUNNING');
    assert.match(String(after.treeItem().description), /^Running/);
    assert.equal(emulator.counters()['POST /tasks/:id/actions/run'], 1, 'started once');
  });

  it('Show Inputs and Outputs opens the task’s inputs and outputs as read-only JSON', async () => {
    const task = await createTask('show my inputs', { run: true });
    emulator.advance(UNTIL_ENDED_S);
    await vscode.commands.executeCommand('sbgTasks.showInputsOutputs', await watchedRow(task));
    const document = activeDocument(/inputs and outputs/);
    assert.equal(document.uri.scheme, 'sbg-tasks-view', 'a view of platform data, not a file');
    assert.equal(document.languageId, 'json');
    const shown = JSON.parse(document.getText()) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    const index = shown.inputs.index as Record<string, unknown>;
    assert.equal(index.path, INPUTS.index.path);
    assert.equal(index.name, 'salmon_index.tar.gz', 'as the platform filled it in');
    assert.ok(typeof index.size === 'number' && typeof index.dirname === 'string', 'with size and dirname');
    assert.deepEqual(Object.keys(shown.outputs), Object.keys(emulator.store.task(task.id)!.task.outputs ?? {}));
    assertReadOnly(document);
  });

  it('Show Execution Details opens a failed task’s jobs as a table, failed job first, its stderr tail one CodeLens away', async () => {
    const task = await createTask('show my jobs', { run: true });
    emulator.advance(UNTIL_ENDED_S);
    const row = await watchedRow(task);
    assert.equal(row.task?.status, 'FAILED');
    await vscode.commands.executeCommand('sbgTasks.showExecutionDetails', row);
    const document = activeDocument(/execution details\.md$/);
    assert.equal(document.uri.scheme, 'sbg-tasks-view');
    assert.equal(document.languageId, 'markdown');
    const text = document.getText();
    const emulated = emulator.store.task(task.id)!.task;
    assert.ok(text.includes(emulated.execution_status!.message!), `the platform’s message is shown: ${text}`);
    const rows = text.split('\n').filter((line) => /^\| step_/.test(line));
    const steps = emulated.execution_status!.steps_total!;
    assert.equal(rows.length, steps, 'one row per job');
    const cells = rows[0].split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, ''));
    assert.deepEqual(cells.slice(0, 3), [`step_${steps}`, 'FAILED', 'c5.2xlarge'], `the failed job first, with its instance: ${rows[0]}`);
    assert.match(cells[3], /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/, 'start');
    assert.match(cells[4], /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/, 'end');
    assert.match(cells[5], /^(\d+ s|\d+ min \d+ s)$/, 'duration');
    assert.equal(cells[6], 'no', 'not retried');
    assertReadOnly(document);

    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    const failedLine = text.split('\n').indexOf(rows[0]);
    const onFailed = lenses.filter((lens) => lens.range.start.line === failedLine);
    assert.deepEqual(onFailed.map((lens) => lens.command?.title), [`$(output) step_${steps}: job.err.log`, `$(output) step_${steps}: cmd.log`], 'stderr first');
    emulator.resetLog();
    await vscode.commands.executeCommand(onFailed[0].command!.command, ...(onFailed[0].command!.arguments ?? []));
    const log = activeDocument(new RegExp(`step_${steps} job\\.err\\.log \\(show my jobs\\)\\.log$`));
    assert.match(log.getText(), /ERROR the tool exited with code 137/);
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, log.lineCount - 1, 'the cursor at the end of the log, where the error lines are');
    assertReadOnly(log);
    assert.equal(emulator.counters()['GET /files/:id/download_info'], 1);
    assert.equal(emulator.counters()['GET /_downloads/:id'], 1, 'one read of the tail');
    assert.equal(api.taskTree.provider.failedJobs.text(task.id), `step_${steps}`, 'the tree learnt the failed job from the view');
  });

  it('Save as Task File writes a new *.sbtask.json with the app, project and inputs that lints clean', async () => {
    const task = await createTask('save me', { run: true });
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const saved = vscode.Uri.joinPath(folder, 'save-me.sbtask.json');
    await acceptSaveDialog(vscode.commands.executeCommand('sbgTasks.saveAsTaskFile', await watchedRow(task)));

    assert.deepEqual((await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).filter((name) => name.startsWith('save-me')), ['save-me.sbtask.json'], 'the proposed name, taken as is');
    const body = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(saved)).toString('utf8'));
    assert.equal(body.app, APP);
    assert.equal(body.project, PROJECT);
    assert.deepEqual(
      body.inputs,
      { index: { ...INPUTS.index, name: 'salmon_index.tar.gz' }, reads: [{ ...INPUTS.reads[0], name: 'S01_L001_R1.fastq.gz' }] },
      'the inputs as a request sends them, with the names the platform filled in and without its size, metadata and dirname',
    );
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), saved.toString(), 'the new file is open');

    // The server checks it against its app: without `index` it says the input is missing, and with it back, nothing.
    const codes = () => vscode.languages.getDiagnostics(saved).map((d) => `${d.source}: ${String(typeof d.code === 'object' ? d.code.value : d.code)} ${d.message}`);
    const indexKey = editor!.document.getText().indexOf('"index"');
    const indexEnd = editor!.document.getText().indexOf('},', indexKey) + 2;
    await editor!.edit((edit) => edit.delete(new vscode.Range(editor!.document.positionAt(indexKey), editor!.document.positionAt(indexEnd))));
    await when(vscode.languages.onDidChangeDiagnostics, () => codes().some((code) => code.includes('sbg.missing-required-input')), 'the check of the file without index');
    await vscode.commands.executeCommand('undo');
    await when(vscode.languages.onDidChangeDiagnostics, () => codes().length === 0, 'no diagnostics once index is back');
    assert.deepEqual(JSON.parse(editor!.document.getText()), body, 'the file is back as saved');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Save as Task File on a failed batch child writes that child’s own inputs (its sample’s reads), not the batch', async () => {
    const samples = ['S01', 'S02'];
    const reads = samples.flatMap((sample) => ['L001', 'L002'].flatMap((lane) => ['1', '2'].map((read) => ({ class: 'File', path: fileIdOf(PROJECT, `${sample}_${lane}_R${read}.fastq.gz`) }))));
    const genome = { class: 'File', path: fileIdOf('admin/sbg-public-data', 'GRCh38.primary_assembly.fa') };
    const parent = await api.getClient()!.createTask(
      { name: 'fix my child', project: PROJECT, app: STAR, inputs: { reads, genome_fasta: genome, two_pass: false }, batch_input: 'reads', batch_by: { type: 'criteria', criteria: ['metadata.sample_id'] } },
      { run: true },
    );
    emulator.advance(UNTIL_ENDED_S);
    const parentRow = await watchedRow(parent);
    const failedGroup = (await childrenOf(parentRow)).find((row) => row.treeItem().label === 'Failed (2)');
    assert.ok(failedGroup, 'both children failed (failShare 1) and are grouped under Failed (2)');
    const child = (await childrenOf(failedGroup)).find((row) => row.treeItem().label === 'S02');
    assert.ok(child?.task, 'the failed child S02 is a row');
    assert.match(String(child.treeItem().contextValue), /^task child single failed$/);

    const folder = vscode.workspace.workspaceFolders![0].uri;
    const saved = vscode.Uri.joinPath(folder, 'fix-my-child-s02.sbtask.json');
    await acceptSaveDialog(vscode.commands.executeCommand('sbgTasks.saveAsTaskFile', child));
    const body = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(saved)).toString('utf8'));
    const name = (id: string) => emulator.store.files.get(id)!.name;
    assert.deepEqual(body, {
      name: 'fix my child - S02',
      project: PROJECT,
      app: STAR,
      inputs: {
        reads: reads.slice(4).map((file) => ({ ...file, name: name(file.path) })),
        genome_fasta: { ...genome, name: 'GRCh38.primary_assembly.fa' },
        two_pass: false,
      },
    }, 'the child’s inputs: only S02’s four reads, and no batch_input/batch_by, so sending it makes one task');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), saved.toString(), 'the new file is open');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Stop Watching removes the row and the task from the saved watch list; the others stay', async () => {
    const kept = await createTask('keep watching me', { run: true });
    const dropped = await createTask('stop watching me', { run: true });
    await watchedRow(kept);
    await vscode.commands.executeCommand('sbgTasks.stopWatching', await watchedRow(dropped));
    assert.equal(findRow(dropped.id), undefined, 'the row is gone');
    assert.ok(findRow(kept.id), 'the other row stays');

    // The list is read back from workspaceState when this environment is signed in to again after another.
    const other = await startEmulator({ corpusDir: null });
    try {
      await api.signInWithToken(other.url, other.token);
      assert.equal(findRow(kept.id), undefined, 'the other environment has its own list');
      await api.signInWithToken(emulator.url, emulator.token);
    } finally {
      await other.close();
    }
    const reloaded = api.taskTree.model.watcher!.store.watched().map((entry) => entry.id);
    assert.ok(reloaded.includes(kept.id), `the kept task is in the saved list: ${reloaded.join(', ')}`);
    assert.ok(!reloaded.includes(dropped.id), 'the dropped task is not');
  });

  it('Watch Recent Tasks of a Project watches what the picker preselects: the project’s unfinished tasks', async () => {
    const finished = await createTask('recent and finished', { run: true });
    emulator.advance(UNTIL_ENDED_S);
    const queued = await createTask('recent and queued', { run: true });
    const draft = await createTask('recent draft', { run: false });
    const projects = (await api.getClient()!.listProjects()).items;
    const projectIndex = projects.findIndex((project) => project.id === PROJECT);
    assert.ok(projectIndex >= 0, `${PROJECT} is listed`);

    const choseProject = answer(api, 'Seven Bridges: Choose a Project', [...selectItem(projectIndex), ACCEPT]);
    const acceptedPreselection = answer(api, `Recent tasks of ${PROJECT}`, [ACCEPT]);
    const command = vscode.commands.executeCommand('sbgTasks.watchProjectTasks');
    await choseProject;
    await acceptedPreselection;
    await command;
    const watched = api.taskTree.model.watcher!.store.watched().map((entry) => entry.id);
    assert.ok(watched.includes(queued.id), 'the queued task is watched');
    assert.ok(watched.includes(draft.id), 'the draft is watched');
    assert.equal(emulator.store.task(finished.id)!.task.status, 'FAILED');
    assert.ok(!watched.includes(finished.id), 'the finished task was not preselected, so it is not watched');
  });

  async function createTask(name: string, options: { run: boolean }): Promise<Task> {
    const task = await api.getClient()!.createTask({ name, project: PROJECT, app: APP, inputs: INPUTS }, options);
    assert.deepEqual(task.errors ?? [], [], `the emulator accepted ${name}`);
    return task;
  }

  /** Watches the task and returns its row once the view has read it from the emulator. */
  async function watchedRow(task: Task): Promise<TaskTreeNode> {
    api.taskTree.watch(task.id);
    await api.taskTree.refresh();
    return rowOf(task.id);
  }

  async function childrenOf(row: TaskTreeNode): Promise<TaskTreeNode[]> {
    return (await api.taskTree.provider.getChildren(row)) ?? [];
  }

  function findRow(id: string): TaskTreeNode | undefined {
    return api.taskTree.provider.getChildren().find((node) => node.task?.id === id);
  }

  function rowOf(id: string): TaskTreeNode {
    const row = findRow(id);
    assert.ok(row, `task ${id} is a row of the view`);
    return row;
  }
});

function activeDocument(title: RegExp): vscode.TextDocument {
  const document = vscode.window.activeTextEditor?.document;
  assert.ok(document, 'an editor is open');
  assert.match(decodeURIComponent(document.uri.path), title);
  return document;
}

/** A view of platform data cannot be saved: no file system is behind its scheme, only the extension's content provider. */
function assertReadOnly(document: vscode.TextDocument): void {
  assert.equal(vscode.workspace.fs.isWritableFileSystem(document.uri.scheme), undefined, 'no file system can write it');
}

/**
 * Accepts the save dialog's proposed file, as Enter does, until `command` (the one that showed the
 * dialog) ends. The dialog is the workbench's own quick input, which announces nothing, so Enter is
 * pressed again every 100 ms until then, at most 100 times.
 */
async function acceptSaveDialog(command: Thenable<unknown>): Promise<void> {
  let ended = false;
  const settled = Promise.resolve(command).finally(() => (ended = true));
  for (let attempt = 0; attempt < 100 && !ended; attempt++) {
    await vscode.commands.executeCommand(ACCEPT);
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  assert.ok(ended, 'the save dialog took its proposed file');
  await settled;
}
