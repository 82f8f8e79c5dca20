/**
 * The seam other parts of the extension (the task tree, the watcher) build on: who is signed
 * in where, an event when that changes, and a hook to hand a new task to the tree. Kept small
 * on purpose; the sign-in machinery behind it lives in auth/.
 */
import * as vscode from 'vscode';
import type { SbgClient } from '../../platform/src/client';
import type { Task } from '../../platform/src/types';
import type { SessionHolder, SignedIn } from './auth/signedIn';

export type { SignedIn, TokenSource } from './auth/signedIn';

const sessionChanged = new vscode.EventEmitter<SignedIn | undefined>();
let current: SignedIn | undefined;

/** Fires after sign-in, sign-out, a switch of environment, and when the workspace becomes trusted. */
export const onDidChangeSession: vscode.Event<SignedIn | undefined> = sessionChanged.event;

/** The signed-in session, or undefined when signed out. */
export function getSession(): SignedIn | undefined {
  return current;
}

/** The platform client to use now; undefined when signed out or when the workspace is not trusted (then nothing is sent). */
export function getClient(): SbgClient | undefined {
  return vscode.workspace.isTrusted ? current?.client : undefined;
}

/** The holder auth/accounts.ts writes through: the only way the session changes. */
export const sessionHolder: SessionHolder = {
  get: getSession,
  set: (session) => {
    current = session;
    announceSession();
  },
};

/** Tells listeners the session as they may use it (none while untrusted); again once the workspace is trusted. */
export function announceSession(): void {
  sessionChanged.fire(getClient() ? current : undefined);
}

/** What the task tree offers the commands; absent until the tree registers itself. */
export interface TaskTreeHook {
  /** Show the task in the tree and keep it fresh; `notifyOnEnd` also announces when it ends. */
  watch(task: Task, options?: { notifyOnEnd?: boolean }): void;
}

let taskTree: TaskTreeHook | undefined;

export function registerTaskTree(hook: TaskTreeHook): vscode.Disposable {
  taskTree = hook;
  return new vscode.Disposable(() => {
    if (taskTree === hook) taskTree = undefined;
  });
}

/** Hands a task to the tree if there is one; returns whether there was. */
export function watchTask(task: Task, options?: { notifyOnEnd?: boolean }): boolean {
  taskTree?.watch(task, options);
  return taskTree !== undefined;
}

export function disposeSession(): void {
  sessionChanged.dispose();
}
