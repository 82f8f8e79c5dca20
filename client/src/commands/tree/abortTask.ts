import * as vscode from 'vscode';
import { reportFailure, requireSession } from '../steps';
import { requireTask } from '../target';
import type { Ctx } from '../../context';

/** Abort: after a confirmation; a batch parent stops its queued and running children too. */
export const abortTask = (ctx: Ctx) => async (target?: unknown) => {
  const task = requireTask(target, 'abort');
  if (!task) return;
  const what = task.batch ? `batch task ${task.name ?? task.id} and all its queued and running children` : `task ${task.name ?? task.id}`;
  const confirmed = await vscode.window.showWarningMessage(`Abort ${what}? This cannot be undone.`, { modal: true }, 'Abort');
  if (confirmed !== 'Abort') return;
  const session = await requireSession(ctx);
  if (!session) return;
  try {
    const aborted = await session.client.abortTask(task.id);
    // Show it at once: the task itself when watched, else the batch it belongs to.
    ctx.tree.model.watcher?.pollSoon(aborted);
    void vscode.window.showInformationMessage(`Task ${task.name ?? task.id} is ${aborted.status?.toLowerCase() ?? 'being aborted'}.`);
  } catch (error) {
    reportFailure(ctx.log, `abort ${task.id}`, error);
  }
};
