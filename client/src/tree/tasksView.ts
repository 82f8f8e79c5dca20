/** The Tasks view's id (package.json `views`) and how a command brings the view to the front. */
import * as vscode from 'vscode';

export const TASKS_VIEW_ID = 'sbgTasks.tasks';

/** The command VS Code makes for every view: opens its container and focuses it. */
export const FOCUS_TASKS_VIEW = `${TASKS_VIEW_ID}.focus`;

export function revealTasksView(): Thenable<unknown> {
  return vscode.commands.executeCommand(FOCUS_TASKS_VIEW);
}
