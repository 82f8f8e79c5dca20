import * as vscode from 'vscode';
import type { Task } from '../../../../platform/src/types';
import { plural } from '../../shared/plural';
import { childLabel, rerunTasks } from '../../watch/rerun';
import { CHILD_FIELDS } from '../../watch/taskSource';
import { reportFailure } from '../steps';
import { requireTaskAndSession } from '../target';
import type { Ctx } from '../../context';

/**
 * Re-run Failed Children: one confirmation for the set; each failed child is cloned with action=run
 * and watched under its batch (a "Re-runs" group), the set's end announced once.
 */
export const rerunFailedChildren = (ctx: Ctx) => async (target?: unknown) => {
  const chosen = await requireTaskAndSession(ctx, target, 're-run its failed children');
  const watcher = ctx.tree.model.watcher;
  if (!chosen || !watcher) return;
  const { task: parent, session } = chosen;
  let failed: Task[];
  try {
    failed = watcher.store.children(parent.id)
      ? watcher.store.childrenWithStatus(parent.id, ['FAILED'])
      : await collect(session.client.allTasks({ parent: parent.id, status: 'FAILED', fields: CHILD_FIELDS }));
  } catch (error) {
    return reportFailure(ctx.log, `list failed children of ${parent.id}`, error);
  }
  if (failed.length === 0) {
    void vscode.window.showInformationMessage(`Batch ${parent.name ?? parent.id} has no failed children.`);
    return;
  }
  const confirmed = await vscode.window.showWarningMessage(
    `Re-run ${plural(failed.length, 'failed child task')} of ${parent.name ?? parent.id}? Each is cloned and run as a new task.`,
    { modal: true },
    'Re-run',
  );
  if (confirmed !== 'Re-run') return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Re-running ${failed.length} failed children…` },
    () => rerunTasks(session.client, failed),
  );
  watcher.watchReruns(
    parent.id,
    result.started.map(({ task, child }) => ({ task, child, childLabel: childLabel(child) })),
  );
  if (result.failures.length > 0) {
    for (const failure of result.failures) ctx.log.error(`re-run ${failure.id}: ${failure.message}`);
    void vscode.window.showErrorMessage(
      `${result.failures.length} of ${failed.length} re-runs failed (they may have reached the platform; check before trying again): ${result.failures[0].message}`,
    );
  } else {
    void vscode.window.showInformationMessage(
      `Started ${plural(result.started.length, 're-run')}; they are watched under ${parent.name ?? parent.id} in the Tasks view.`,
    );
  }
};

async function collect(tasks: AsyncIterable<Task>): Promise<Task[]> {
  const all: Task[] = [];
  for await (const task of tasks) all.push(task);
  return all;
}
