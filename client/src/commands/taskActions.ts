/**
 * The notification that reports a created or updated task, and what its buttons do:
 * Open in Browser, Run (a draft), Watch, Copy ID. Shown without awaiting, so the file's
 * single-flight guard ends with the request, not with the notification.
 */
import * as vscode from 'vscode';
import { taskWebUrl } from '../../../platform/src/environments';
import { issueText, type Task } from '../../../platform/src/types';
import { openWebPage } from '../openWebPage';
import { watchTask, type SignedIn } from '../session';
import { revealTasksView } from '../tree/tasksView';
import { reportFailure, type CommandContext } from './context';

export function reportTask(ctx: CommandContext, session: SignedIn, task: Task, summary: string): void {
  const hasErrors = (task.errors?.length ?? 0) > 0;
  const actions = ['Open in Browser', ...(task.status === 'DRAFT' ? ['Run'] : []), 'Watch', 'Copy ID'];
  const show = hasErrors ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(summary, ...actions).then((choice) => {
    switch (choice) {
      case 'Open in Browser':
        return openInBrowser(session, task);
      case 'Run':
        return runDraft(ctx, session, task);
      case 'Watch':
        return watch(task);
      case 'Copy ID':
        return vscode.env.clipboard.writeText(task.id);
    }
  });
}

export async function openInBrowser(session: SignedIn, task: Task): Promise<void> {
  if (!task.project) {
    void vscode.window.showWarningMessage(`The platform did not say which project task ${task.id} is in, so its page cannot be opened.`);
    return;
  }
  await openWebPage(taskWebUrl(session.environment, task.project, task.id));
}

/** Starts a draft (POST /tasks/{id}/actions/run), once: a second click while it runs is refused. */
export async function runDraft(ctx: CommandContext, session: SignedIn, task: Task): Promise<void> {
  const flight = await ctx.flights.run(`run:${task.id}`, async () =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Running task ${task.name ?? task.id}…` },
      async () => {
        try {
          const started = await session.client.runTask(task.id);
          watchTask(started);
          if (started.status === 'DRAFT' || (started.errors?.length ?? 0) > 0) {
            void vscode.window.showWarningMessage(`Task ${task.id} did not start: ${(started.errors?.[0] && issueText(started.errors[0])) ?? 'it is still a draft'}.`);
          } else {
            void vscode.window.showInformationMessage(`Task ${started.name ?? task.id} is ${started.status ?? 'submitted'}.`);
          }
        } catch (error) {
          reportFailure(ctx.log, `run ${task.id}`, error);
        }
      },
    ),
  );
  if (!flight.ran) void vscode.window.showWarningMessage(`Task ${task.id} is already being started.`);
}

async function watch(task: Task): Promise<void> {
  if (!watchTask(task, { notifyOnEnd: true })) {
    void vscode.window.showWarningMessage('The task tree is not available, so the task cannot be watched here.');
    return;
  }
  await revealTasksView();
}
