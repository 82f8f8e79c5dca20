import * as vscode from 'vscode';
import { requireTask } from '../target';
import type { Ctx } from '../../context';

/** Copy ID: the task's id to the clipboard. */
export const copyId = (_ctx: Ctx) => async (target?: unknown) => {
  const task = requireTask(target, 'copy its id');
  if (!task) return;
  await vscode.env.clipboard.writeText(task.id);
  vscode.window.setStatusBarMessage(`Copied task id ${task.id}`, 3000);
};
