/**
 * The notification that reports a created or updated task, and what its buttons do:
 * Open in Browser, Run (a draft), Watch, Copy ID. Shown without awaiting, so the file's
 * single-flight guard ends with the request, not with the notification.
 */
import * as vscode from 'vscode';
import { taskWebUrl } from '../../../platform/src/environments';
import { issueText, type Task } from '../../../platform/src/types';
import { openWebPage } from '../openWebPage';
import type { SignedIn } from '../auth/session';
import { revealTasksView } from '../tree/tasksView';
import { reportFailure } from './steps';
import type { Ctx } from '../context';

export function reportTask(ctx: Ctx, session: SignedIn, task: Task, summary: string): void {
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
        return watch(ctx, task);
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
export async function runDraft(ctx: Ctx, session: SignedIn, task: Task): Promise<void> {
  const flight = await ctx.flights.run(`run:${task.id}`, async () =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Running task ${task.name ?? task.id}…` },
      async () => {
        try {
          const started = await session.client.runTask(task.id);
          ctx.tree.addTask(started);
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

async function watch(ctx: Ctx, task: Task): Promise<void> {
  ctx.tree.addTask(task, { notifyOnEnd: true });
  await revealTasksView();
}
