/**
 * The notification that reports a created or updated task, and what its buttons do:
 * Open in Browser, Run (a draft), Watch, Copy ID. Shown without awaiting, so the file's
 * single-flight guard ends with the request, not with the notification.
 */
import * as vscode from 'vscode';
import { taskWebUrl } from '../../../platform/src/environments';
import type { Task } from '../../../platform/src/types';
import { notStartedText, runFailureText } from '../create/runDraftOutcome';
import { openWebPage } from '../openWebPage';
import type { SignedIn } from '../auth/session';
import { revealTasksView } from '../tree/tasksView';
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
            void vscode.window.showWarningMessage(notStartedText(task, started.errors));
          } else {
            void vscode.window.showInformationMessage(`Task ${started.name ?? task.id} is ${started.status ?? 'submitted'}.`);
          }
        } catch (error) {
          // A refusal for validation errors (7024) is shown with the draft's errors in the platform's words.
          const message = await runFailureText(session.client, task, error);
          ctx.log.error(`run ${task.id}: ${message}`);
          void vscode.window.showErrorMessage(message);
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
