/**
 * Announces the end of a watched task: completed, failed with the platform's own message, or
 * aborted, each with a button to open it (endMessage.ts says what). `sbgTasks.notifications.taskEnded`
 * says which: always, only failures (failed, aborted, or completed with failed children), or never.
 */
import * as vscode from 'vscode';
import type { Task } from '../../../platform/src/types';
import { endMessage } from './endMessage';
import type { TaskTreeModel } from './taskTreeModel';

export function registerEndNotifications(model: TaskTreeModel): vscode.Disposable {
  return model.onDidEnd((task) => void announce(task, model));
}

async function announce(task: Task, model: TaskTreeModel): Promise<void> {
  const when = vscode.workspace.getConfiguration('sbgTasks.notifications').get<string>('taskEnded', 'always');
  const message = endMessage(task, model.watcher?.store.childCounts(task.id));
  if (when === 'never' || (when === 'failures' && !message.failure)) return;
  const open = 'Open in Browser';
  const show = message.severity === 'info' ? vscode.window.showInformationMessage : message.severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  const choice = await show(message.text, open);
  if (choice === open) await vscode.commands.executeCommand('sbgTasks.openInBrowser', task);
}
