/**
 * Announces the end of a watched task: completed, failed with the platform's own message, or
 * aborted, each with a button to open it (endMessage.ts says what). `sbgTasks.notifications.taskEnded`
 * says which: always, only failures (failed, aborted, or completed with failed children), or never.
 * Re-runs of a batch's failed children are announced once per set, when the last of them ends
 * (or can no longer be read).
 */
import * as vscode from 'vscode';
import type { Task } from '../../../platform/src/types';
import type { RerunsEnded } from '../watch/taskWatcher';
import { endMessage, rerunsEndMessage, type EndMessage } from './endMessage';
import type { Config } from '../config';
import type { TaskTreeModel } from './taskTreeModel';

export function registerEndNotifications(model: TaskTreeModel, config: Config): vscode.Disposable {
  return vscode.Disposable.from(
    model.onDidEnd((task) => void announce(config, task, endMessage(task, model.watcher?.store.childCounts(task.id)))),
    model.onDidEndReruns((ended) => void announceReruns(config, ended)),
  );
}

function announceReruns(config: Config, ended: RerunsEnded): Promise<void> {
  const parent = ended.parent ?? { id: ended.parentId };
  const reruns = ended.reruns.map(({ task, rerunOf }) => ({ task, childLabel: rerunOf.childLabel }));
  const unreadable = ended.unreadable.map(({ rerunOf, message }) => ({ childLabel: rerunOf.childLabel, message }));
  return announce(config, parent, rerunsEndMessage(parent.name ?? parent.id, reruns, unreadable));
}

/** Shows the message as the setting allows, with a button that opens `task` (a re-run set opens its batch). */
async function announce(config: Config, task: Task, message: EndMessage): Promise<void> {
  const when = config.taskEndedNotifications();
  if (when === 'never' || (when === 'failures' && !message.failure)) return;
  const open = 'Open in Browser';
  const show = message.severity === 'info' ? vscode.window.showInformationMessage : message.severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  const choice = await show(message.text, open);
  if (choice === open) await vscode.commands.executeCommand('sbgTasks.openInBrowser', task);
}
