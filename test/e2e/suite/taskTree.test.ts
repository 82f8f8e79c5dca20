// The Tasks view inside a real VS Code: a batch created on an emulator this test starts is handed to
// the tree, appears with its progress, expands into status groups and children, and follows the
// emulator's clock to the end. Assertions go through the extension's exported API (taskTree): the
// same provider the view renders.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SbgTasksApi } from '../../../client/src/extension';
import type { TaskTreeNode } from '../../../client/src/tree/nodes/treeNode';
import type { Task } from '../../../platform/src/types';
import type { Emulator } from '../../emulator';
import { batchBody } from '../../client/watch/watchHarness';
import { signedInToEmulator } from '../support/signedIn';


describe('Tasks view', () => {
  let emulator: Emulator;
  let api: SbgTasksApi;
  let batch: Task;

  before(async () => {
    ({ emulator, api } = await signedInToEmulator({ corpusDir: null, failShare: 0.34 }));
    await vscode.commands.executeCommand('sbgTasks.tasks.focus');
    const client = api.getClient();
    assert.ok(client, 'signed in to the emulator');
    batch = await client.createTask(batchBody({ type: 'criteria', criteria: ['metadata.sample_id'] }, undefined, 2), { run: true });
    emulator.advance(2); // CREATING until its children exist
  });

  // The batch stays watched, so a screenshot taken after the suite shows the view with it.
  after(async () => {
    await emulator?.close();
  });

  it('shows a watched batch with its progress', async () => {
    api.taskTree.watch(batch);
    await api.taskTree.refresh();
    const row = batchRow();
    const item = row.treeItem();
    assert.equal(item.label, 'align');
    assert.match(String(item.description), /0\/6 done/);
    assert.match(String(item.contextValue), /\bbatch\b/);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
  });

  it('expands into status groups whose children show their batch group', async () => {
    emulator.advance(20);
    await api.taskTree.refresh();
    const groups = await batchRow().children!();
    assert.deepEqual(groups.map((group) => group.treeItem().label), ['Running (2)', 'Queued (4)']);
    const running = (await groups[0].children!()).map((child) => child.treeItem());
    assert.deepEqual(running.map((child) => child.label), ['S01', 'S02']);
    assert.match(String(running[0].description), /Running · 0\/\d+ steps/);
  });

  it('follows the emulator to the end: every child in a final group, failures first', async () => {
    emulator.advance(3600);
    await api.taskTree.refresh();
    const row = batchRow();
    assert.match(String(row.treeItem().description), /6\/6 done/);
    const groups = (await row.children!()).map((group) => String(group.treeItem().label));
    const total = groups.reduce((sum, label) => sum + Number(/\((\d+)\)/.exec(label)![1]), 0);
    assert.equal(total, 6);
    assert.ok(groups.every((label) => /^(Failed|Completed) /.test(label)), `only final groups: ${groups.join(', ')}`);
    if (groups.length === 2) assert.match(groups[0], /^Failed/, 'Failed comes first');
    const emulated = emulator.store.task(batch.id)!.task;
    assert.equal(row.task?.status, emulated.status);
  });

  function batchRow(): TaskTreeNode {
    const row = api.taskTree.provider.getChildren().find((node) => node.task?.id === batch.id);
    assert.ok(row, 'the batch is a row of the view');
    return row;
  }
});
