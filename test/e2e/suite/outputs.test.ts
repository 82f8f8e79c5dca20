// A completed task's outputs in the Tasks view inside a real VS Code, against an emulator where every
// task completes: the rows under a completed task and under a completed batch child, and their actions
// run as the view runs them (the command with the row): Download… (the save dialog's proposed file,
// byte-identical to the emulator's content, nothing else left in the folder), Copy File ID, and New
// Task File from Outputs… (an app picked, its BAM input filled with the child's BAM, checked by the
// language server as any task file).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SbgTasksApi } from '../../../client/src/extension';
import type { TaskTreeNode } from '../../../client/src/tree/nodes/treeNode';
import type { Task } from '../../../platform/src/types';
import { type Emulator, type RequestRecord } from '../../emulator';
import { TASK_FIELDS } from '../../../client/src/watch/taskSource';
import { fileIdOf } from '../../emulator/seed/fileIds';
import { batchBody } from '../../client/watch/watchHarness';
import { formatSize } from '../../../server/src/service';
import { ACCEPT, answer, selectItem, when } from '../support/prompts';
import { signedInToEmulator, UNTIL_ENDED_S } from '../support/signedIn';

const PROJECT = 'alice/rna-seq';

describe('Outputs of completed tasks', () => {
  let emulator: Emulator;
  let api: SbgTasksApi;

  before(async () => {
    ({ emulator, api } = await signedInToEmulator({ corpusDir: null, failShare: 0 }));
    await vscode.commands.executeCommand('sbgTasks.tasks.focus');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await emulator?.close();
  });

  it('a completed task expands into its output: output id → file name, size, type, read with one bulk file get', async () => {
    const task = await completedQuant('quantified');
    const row = await watchedRow(task);
    const item = row.treeItem();
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'a completed task with files expands');
    assert.match(String(item.contextValue), /\bhasOutputs\b/);
    emulator.resetLog();
    const outputs = await childrenOf(row);
    const stored = emulator.store.files.get(outputFileId(task.id, 'quant'))!;
    assert.equal(stored.name, 'quantified.quant.txt', 'named by the emulator after the task and the output');
    assert.deepEqual(outputs.map((output) => [output.treeItem().label, output.treeItem().description, output.treeItem().contextValue]), [
      ['quant', `${stored.name} · ${formatSize(stored.size!)} · txt`, 'output file'],
    ]);
    assert.deepEqual(requestsOfTheView(), ['POST /bulk/files/get'], 'one bulk file get and nothing else: the outputs came with the task');
    await childrenOf(row);
    assert.deepEqual(requestsOfTheView(), ['POST /bulk/files/get'], 'opened again (each poll refreshes it): nothing read');
  });

  it('Download… saves the output where the save dialog says, byte-identical, with nothing else left in the folder', async () => {
    const task = await completedQuant('to download');
    const [output] = await childrenOf(await watchedRow(task));
    const fileId = outputFileId(task.id, 'quant');
    const name = emulator.store.files.get(fileId)!.name;
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const before = new Set((await vscode.workspace.fs.readDirectory(folder)).map(([entry]) => entry));
    await acceptSaveDialog(vscode.commands.executeCommand('sbgTasks.downloadOutput', output));
    const added = (await vscode.workspace.fs.readDirectory(folder)).map(([entry]) => entry).filter((entry) => !before.has(entry));
    assert.deepEqual(added, [name], 'the proposed name, and no temporary file');
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name));
    assert.deepEqual(Buffer.from(bytes), emulator.store.contents.get(fileId));
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, name));
  });

  it('a File[] output is a folder row; Download… saves its files into the chosen folder, never over a file already there', async () => {
    const task = await completedQuant('two files');
    // The emulator's apps have no File[] output: give this task one, two files it holds, as the platform would list them.
    const names = ['S01_L001_R1.fastq.gz', 'S01_L001_R2.fastq.gz'];
    const listed = names.map((name) => ({ class: 'File', path: fileIdOf(PROJECT, name), name }));
    emulator.store.task(task.id)!.task.outputs = { ...emulator.store.task(task.id)!.task.outputs, trimmed: listed };
    const rows = await childrenOf(await watchedRow(task));
    const folderRow = rows.find((row) => row.treeItem().label === 'trimmed')!;
    const folderItem = folderRow.treeItem();
    assert.deepEqual([folderItem.contextValue, folderItem.collapsibleState], ['output folder', vscode.TreeItemCollapsibleState.Collapsed]);
    assert.match(String(folderItem.description), /^2 files · /);
    const inside = await childrenOf(folderRow);
    assert.deepEqual(inside.map((row) => [row.treeItem().label, row.treeItem().contextValue]), names.map((name) => [name, 'output file']));

    const folder = vscode.workspace.workspaceFolders![0].uri;
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, names[1]), Buffer.from('mine'));
    // The open dialog starts in the workspace folder; accepting it chooses that folder.
    await acceptSaveDialog(vscode.commands.executeCommand('sbgTasks.downloadOutput', folderRow));
    assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, names[0]))), emulator.store.contents.get(listed[0].path) ?? Buffer.from(`${names[0]} (${listed[0].path}): emulated content\n`));
    assert.equal(Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, names[1]))).toString('utf8'), 'mine', 'the file already there is kept');
    for (const name of names) await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, name));
  });

  it('Copy File ID puts the output file’s id on the clipboard', async () => {
    const task = await completedQuant('copy my file');
    const [output] = await childrenOf(await watchedRow(task));
    await vscode.env.clipboard.writeText('not the id');
    await vscode.commands.executeCommand('sbgTasks.copyFileId', output);
    assert.equal(await vscode.env.clipboard.readText(), outputFileId(task.id, 'quant'));
  });

  it('New Task File from Outputs… on a completed child: bam-stats with its BAM input filled with the child’s BAM, checked by the server', async () => {
    const client = api.getClient()!;
    const parent = await client.createTask(batchBody({ type: 'criteria', criteria: ['metadata.sample_id'] }, undefined, 6), { run: true });
    emulator.advance(UNTIL_ENDED_S);
    const groups = await childrenOf(await watchedRow(parent));
    assert.deepEqual(groups.map((group) => group.treeItem().label), ['Completed (6)']);
    const child = (await childrenOf(groups[0])).find((row) => row.treeItem().label === 'S01')!;
    assert.match(String(child.treeItem().contextValue), /^task child single completed hasOutputs$/);
    const outputs = await childrenOf(child);
    const bamId = outputFileId(child.task!.id, 'aligned_bam');
    const bamName = emulator.store.files.get(bamId)!.name;
    assert.deepEqual(outputs.map((output) => output.treeItem().label), ['aligned_bam', 'log']);
    assert.match(String(outputs[0].treeItem().description), new RegExp(`^${bamName.replace(/\./g, '\\.')} · [\\d.]+ KB · bam$`));

    const apps: string[] = [];
    for await (const app of client.allApps({ project: PROJECT })) apps.push(app.id);
    const index = apps.findIndex((id) => id.split('/')[2] === 'bam-stats');
    assert.ok(index >= 0, `bam-stats is one of ${apps.join(', ')}`);
    const picked = answer(api, 'New Task File from Outputs', [...selectItem(index), ACCEPT]);
    // From the output row: the child's files are the two under it.
    const command = vscode.commands.executeCommand('sbgTasks.newTaskFromOutputs', child);
    await picked;
    await command;
    const editor = vscode.window.activeTextEditor!;
    assert.match(editor.document.uri.path, /\/bam-stats\.sbtask\.json$/);
    assert.equal(editor.document.languageId, 'sbg-task');
    assert.deepEqual(JSON.parse(editor.document.getText()), {
      name: 'BAM statistics (emulator)',
      project: PROJECT,
      app: `${PROJECT}/bam-stats/0`,
      inputs: { bams: { class: 'File', path: bamId, name: bamName }, mode: 'fast' },
    }, 'bams (BAM, CRAM) takes the BAM, the log fits nothing; mode is a placeholder');

    // The server checks it: a wrong mode is flagged, and with the placeholder back nothing is.
    const uri = editor.document.uri;
    const codes = () => vscode.languages.getDiagnostics(uri).map((d) => `${String(typeof d.code === 'object' ? d.code.value : d.code)} ${d.message}`);
    const mode = editor.document.getText().indexOf('"fast"');
    await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(mode), editor.document.positionAt(mode + 6)), '"slow"'));
    await when(vscode.languages.onDidChangeDiagnostics, () => codes().some((code) => code.includes('slow')), 'the check of mode "slow"');
    await vscode.commands.executeCommand('undo');
    await when(vscode.languages.onDidChangeDiagnostics, () => codes().length === 0, 'no diagnostics with the prefilled file');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  /** A salmon-quant task run to its end: it completes (failShare 0) with its `quant` file. */
  async function completedQuant(name: string): Promise<Task> {
    const inputs = { index: { class: 'File', path: fileIdOf(PROJECT, 'salmon_index.tar.gz') }, reads: [{ class: 'File', path: fileIdOf(PROJECT, 'S01_L001_R1.fastq.gz') }] };
    const task = await api.getClient()!.createTask({ name, project: PROJECT, app: `${PROJECT}/salmon-quant/0`, inputs }, { run: true });
    emulator.advance(UNTIL_ENDED_S);
    assert.equal(emulator.store.task(task.id)!.task.status, 'COMPLETED');
    return task;
  }

  /**
   * The routes of the requests since the log was reset, without those of the extension's work in
   * the background, which may land in any test's window: the language server's app lookups (after
   * a sign-in it reads again the apps of documents earlier suites left open: two GET /apps/... seen
   * here under load) and the watcher's polls of watched tasks (with its own fields).
   */
  function requestsOfTheView(): string[] {
    const inBackground = (request: RequestRecord) => request.routeKey.startsWith('GET /apps/')
      || (request.routeKey === 'GET /tasks/:id' && new URLSearchParams(request.query).get('fields') === TASK_FIELDS);
    return emulator.requests.filter((request) => !inBackground(request)).map((request) => request.routeKey);
  }

  function outputFileId(taskId: string, outputId: string): string {
    const value = emulator.store.task(taskId)!.task.outputs?.[outputId] as { path: string };
    return value.path;
  }

  async function watchedRow(task: Task): Promise<TaskTreeNode> {
    api.taskTree.watch(task.id);
    await api.taskTree.refresh();
    const row = api.taskTree.provider.getChildren().find((node) => node.task?.id === task.id);
    assert.ok(row, `task ${task.id} is a row of the view`);
    return row;
  }

  async function childrenOf(row: TaskTreeNode): Promise<TaskTreeNode[]> {
    return (await api.taskTree.provider.getChildren(row)) ?? [];
  }
});

/** Accepts the save dialog's proposed file, as Enter does, until `command` ends (see treeActions.test.ts). */
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
