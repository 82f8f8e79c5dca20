/**
 * The words of a task row's contextValue against the `viewItem` patterns of package.json's
 * `view/item/context` menus: each command is offered on the rows it can act on, and only there.
 * A renamed word on either side fails here instead of silently hiding a menu item.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { outputContextValue, taskContextValue } from '../../../../client/src/tree/nodes/contextValue';
import type { Task } from '../../../../platform/src/types';

interface MenuItem {
  command: string;
  when?: string;
}

const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../../../../package.json'), 'utf8')) as {
  contributes: { menus: Record<string, MenuItem[]> };
};

/** The commands whose `viewItem` pattern matches `contextValue`, from the row's context menu. */
function offered(contextValue: string): string[] {
  const commands = new Set<string>();
  for (const item of manifest.contributes.menus['view/item/context']) {
    const pattern = /viewItem =~ \/(.+)\/$/.exec(item.when ?? '')?.[1];
    assert.ok(pattern, `${item.command} in view/item/context has a viewItem pattern`);
    if (new RegExp(pattern).test(contextValue)) commands.add(item.command.replace(/^sbgTasks\./, ''));
  }
  return [...commands].sort();
}

const task = (fields: Partial<Task>): Task => ({ id: '2e1ebed1-c53e-4373-870d-4732acacbbbb', ...fields });
const ALWAYS = ['copyTaskId', 'openInBrowser', 'saveAsTaskFile', 'showInputsOutputs'];

describe('task rows and their menus', () => {
  test('a watched draft can be run and unwatched, not aborted', () => {
    assert.deepEqual(offered(taskContextValue(task({ status: 'DRAFT' }), 'watched')), [...ALWAYS, 'runDraft', 'stopWatching'].sort());
  });

  test('a running single task can be aborted and shows its execution details', () => {
    assert.deepEqual(offered(taskContextValue(task({ status: 'RUNNING' }), 'watched')), [...ALWAYS, 'abortTask', 'showExecutionDetails', 'stopWatching'].sort());
  });

  test('a running batch with failed children offers re-running them; execution details are for single tasks', () => {
    const batch = task({ status: 'RUNNING', batch: true, execution_status: { failed: 2, running: 3 } });
    assert.deepEqual(offered(taskContextValue(batch, 'watched')), [...ALWAYS, 'abortTask', 'rerunFailedChildren', 'stopWatching'].sort());
  });

  test('a CREATING batch can be aborted (the platform allows it) but not run; an ABORTING one cannot be aborted again', () => {
    const creating = task({ status: 'CREATING', batch: true, execution_status: { message: 'Initializing...' } });
    assert.deepEqual(offered(taskContextValue(creating, 'watched')), [...ALWAYS, 'abortTask', 'stopWatching'].sort());
    const aborting = task({ status: 'ABORTING', batch: true, execution_status: { running: 3, completed: 1 } });
    assert.deepEqual(offered(taskContextValue(aborting, 'watched')), [...ALWAYS, 'stopWatching'].sort());
    assert.ok(!offered(taskContextValue(task({ status: 'ABORTING' }), 'watched')).includes('abortTask'), 'nor a single task being aborted');
  });

  test('a completed batch without failures offers no re-run', () => {
    const batch = task({ status: 'COMPLETED', batch: true, execution_status: { completed: 6 } });
    assert.deepEqual(offered(taskContextValue(batch, 'watched')), [...ALWAYS, 'stopWatching'].sort());
  });

  test('a failed child shows its details but cannot be unwatched on its own', () => {
    assert.deepEqual(offered(taskContextValue(task({ status: 'FAILED', parent: 'p' }), 'child')), [...ALWAYS, 'showExecutionDetails'].sort());
  });

  test('a completed single task with output files also offers New Task File from Outputs; one without files does not', () => {
    const outputs = { aligned_bam: { class: 'File', path: '5f0c1a2b3c4d5e6f7a8b9c0d', name: 'S01.bam' }, log: null };
    const withFiles = taskContextValue(task({ status: 'COMPLETED', outputs }), 'watched');
    assert.equal(withFiles, 'task watched single completed hasOutputs');
    assert.deepEqual(offered(withFiles), [...ALWAYS, 'newTaskFromOutputs', 'showExecutionDetails', 'stopWatching'].sort());
    assert.deepEqual(offered(taskContextValue(task({ status: 'COMPLETED', outputs: { log: null } }), 'watched')), [...ALWAYS, 'showExecutionDetails', 'stopWatching'].sort());
    assert.deepEqual(offered(taskContextValue(task({ status: 'COMPLETED', parent: 'p', outputs }), 'child')), [...ALWAYS, 'newTaskFromOutputs', 'showExecutionDetails'].sort());
  });

  test('an output file row offers Download, Copy File ID, Open in Browser and New Task File from Outputs, and no task action', () => {
    assert.deepEqual(offered(outputContextValue('file')), ['copyFileId', 'downloadOutput', 'newTaskFromOutputs', 'openInBrowser']);
  });

  test('an output folder row (a File[] output) offers Download and New Task File from Outputs only', () => {
    assert.deepEqual(offered(outputContextValue('folder')), ['downloadOutput', 'newTaskFromOutputs']);
  });
});
