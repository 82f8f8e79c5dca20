/**
 * Announces the end of a watched task: completed, failed with the platform's own message, or
 * aborted, each with a button to open it. `sbgTasks.notifications.taskEnded` says which:
 * always, only failures (failed or aborted), or never.
 */
import * as vscode from 'vscode';
import type { Task } from '../../../platform/src/types';
import { parentCounts, progressText } from '../watch/counts';
import type { TaskTreeModel } from './taskTreeModel';

export function registerEndNotifications(model: TaskTreeModel): vscode.Disposable {
  return model.onDidEnd((task) => void announce(task));
}

async function announce(task: Task): Promise<void> {
  const when = vscode.workspace.getConfiguration('sbgTasks.notifications').get<string>('taskEnded', 'always');
  const completed = task.status === 'COMPLETED';
  if (when === 'never' || (when === 'failures' && completed)) return;
  const name = task.name ?? task.id;
  const counts = task.batch ? ` (${progressText(parentCounts(task))})` : '';
  const platformSays = task.execution_status?.message ? ` The platform says: ${task.execution_status.message}` : '';
  const open = 'Open in Browser';
  const choice = completed
    ? await vscode.window.showInformationMessage(`Task ${name} completed${counts}.`, open)
    : task.status === 'FAILED'
      ? await vscode.window.showErrorMessage(`Task ${name} failed${counts}.${platformSays}`, open)
      : await vscode.window.showWarningMessage(`Task ${name} was aborted${counts}.`, open);
  if (choice === open) await vscode.commands.executeCommand('sbgTasks.openInBrowser', task);
}
