/**
 * What the Tasks view's commands share: finding the task a command was invoked on (a tree row,
 * a task object from a notification, or an id), and the session or watcher it needs.
 */
import * as vscode from 'vscode';
import type { Task } from '../../../platform/src/types';
import type { SignedIn } from '../auth/session';
import type { Ctx } from '../context';
import type { TaskTreeNode } from '../tree/nodes/treeNode';
import type { TaskWatcher } from '../watch/taskWatcher';
import { requireSession } from './steps';

/**
 * The task of a row, or a task object itself (from a notification); undefined for anything else.
 * A row is asked only for its `task`: a message or group row has an `id` of its own, not a task's.
 */
export function taskOf(target: unknown): Task | undefined {
  if (isTreeNode(target)) return target.task;
  return target && typeof (target as Task).id === 'string' ? (target as Task) : undefined;
}

function isTreeNode(target: unknown): target is TaskTreeNode {
  return typeof (target as Partial<TaskTreeNode> | undefined)?.treeItem === 'function';
}

/** The id of the task a row, a task or a plain id names. */
export function taskIdOf(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  return taskOf(target)?.id ?? (target as { taskId?: string } | undefined)?.taskId;
}

/** The task the command acts on, or a warning that says how to pick one. */
export function requireTask(target: unknown, what: string): Task | undefined {
  const task = taskOf(target);
  if (!task) void vscode.window.showWarningMessage(`Choose a task in the Seven Bridges Tasks view to ${what}.`);
  return task;
}

/** The task the command acts on and the session to ask about it; undefined (having said why) when either is missing. */
export async function requireTaskAndSession(ctx: Ctx, target: unknown, what: string): Promise<{ task: Task; session: SignedIn } | undefined> {
  const task = requireTask(target, what);
  const session = task && (await requireSession(ctx));
  return task && session ? { task, session } : undefined;
}

export function requireWatcher(ctx: Ctx): TaskWatcher | undefined {
  const watcher = ctx.tree.model.watcher;
  if (!watcher) void vscode.window.showWarningMessage('Sign in to a Seven Bridges environment to watch tasks.');
  return watcher;
}
