import * as vscode from 'vscode';
import { isTerminal, type Task } from '../../../../platform/src/types';
import { revealTasksView } from '../../tree/tasksView';
import { TASK_FIELDS } from '../../watch/taskSource';
import { pickProject, reportFailure, requireSession } from '../steps';
import { requireWatcher } from '../target';
import type { Ctx } from '../../context';

const RECENT = 50;

/** Watch Recent Tasks of a Project: the project's latest tasks (not batch children), unfinished ones preselected. */
export const watchProjectTasks = (ctx: Ctx) => async () => {
  const session = await requireSession(ctx);
  const watcher = requireWatcher(ctx);
  if (!session || !watcher) return;
  const project = await pickProject(ctx, session.client, 'Watch the recent tasks of which project?');
  if (!project) return;
  let tasks: Task[];
  try {
    const page = await session.client.listTasks({ project, order_by: 'created_time', order: 'desc', limit: RECENT, fields: TASK_FIELDS });
    tasks = page.items.filter((task) => !task.parent);
  } catch (error) {
    return reportFailure(ctx.log, `list tasks of ${project}`, error);
  }
  if (tasks.length === 0) {
    void vscode.window.showInformationMessage(`Project ${project} has no tasks yet.`);
    return;
  }
  const items = tasks.map((task) => ({
    label: task.name ?? task.id,
    description: `${task.status ?? ''}${task.batch ? ' · batch' : ''}`,
    detail: task.created_time,
    picked: !isTerminal(task.status),
    task,
  }));
  const title = `Recent tasks of ${project}`;
  const picked = vscode.window.showQuickPick(items, { canPickMany: true, title, ignoreFocusOut: true });
  ctx.prompts.announce(title); // like every prompt of the extension, so tests and scripts know when to answer it
  const chosen = await picked;
  if (!chosen || chosen.length === 0) return;
  for (const item of [...chosen].reverse()) watcher.watch(item.task);
  await revealTasksView();
};
