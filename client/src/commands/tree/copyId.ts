import * as vscode from 'vscode';
import { requireTask, type TreeCommand } from './treeCommand';

/** Copy ID: the task's id to the clipboard. */
export const copyId: TreeCommand = {
  id: 'sbgTasks.copyTaskId',
  run: async (_ctx, target) => {
    const task = requireTask(target, 'copy its id');
    if (!task) return;
    await vscode.env.clipboard.writeText(task.id);
    vscode.window.setStatusBarMessage(`Copied task id ${task.id}`, 3000);
  },
};
