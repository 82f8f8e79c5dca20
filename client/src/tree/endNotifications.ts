/**
 * Announces the end of a watched task: completed, or failed with the platform's own message and a
 * button to open it. `sbgTasks.notifications.completed` / `.failed` turn each off.
 */
import * as vscode from 'vscode';
import type { Task } from '../../../platform/src/types';
import { parentCounts, progressText } from '../watch/counts';
import type { TaskTreeModel } from './taskTreeModel';

export function registerEndNotifications(model: TaskTreeModel): vscode.Disposable {
  return model.onDidEnd((task) => void announce(task));
}

async function announce(task: Task): Promise<void> {
  const settings = vscode.workspace.getConfiguration('sbgTasks.notifications');
  const name = task.name ?? task.id;
  const counts = task.batch ? ` (${progressText(parentCounts(task))})` : '';
  let choice: string | undefined;
  if (task.status === 'COMPLETED') {
    if (!settings.get<boolean>('completed', true)) return;
    choice = await vscode.window.showInformationMessage(`Task ${name} completed${counts}.`, 'Open in Browser');
  } else if (task.status === 'FAILED') {
    if (!settings.get<boolean>('failed', true)) return;
    const message = task.execution_status?.message ? `: ${task.execution_status.message}` : '.';
    choice = await vscode.window.showErrorMessage(`Task ${name} failed${counts}${message}`, 'Open in Browser');
  }
  if (choice === 'Open in Browser') await vscode.commands.executeCommand('sbgTasks.openInBrowser', task);
}
