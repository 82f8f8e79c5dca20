import * as vscode from 'vscode';
import { getSession } from '../../session';
import { openInBrowser as openTaskPage } from '../taskActions';
import { requireTask, type TreeCommand } from './treeCommand';

/** Open in Browser: the task's page in the platform's web UI. */
export const openInBrowser: TreeCommand = {
  id: 'sbgTasks.openInBrowser',
  run: async (_ctx, target) => {
    const task = requireTask(target, 'open in the browser');
    if (!task) return;
    // Opening a page sends nothing, so neither trust nor a live client is needed; only the environment's web address.
    const session = getSession();
    if (session) await openTaskPage(session, task);
    else void vscode.window.showWarningMessage(`Sign in to the environment of task ${task.name ?? task.id} to open its page.`);
  },
};
