/**
 * What the tree shows, in one place: the watched tasks (latest snapshot of each), the children
 * of batch parents in creation order, per-task errors, and the state of the connection. The
 * watcher writes it; the tree, the status bar and the notifications read it and listen to its
 * events. No VS Code here, so the watcher's tests compare it with the emulator directly.
 */
import { isTerminal, type Task, type TaskStatus } from '../../../platform/src/types';
import { countChildren, type ChildCounts } from './counts';
import { Emitter } from './emitter';
import type { RerunOf, WatchedTaskState, WatchState } from './watchState';

export type ConnectionState =
  | { kind: 'online' }
  | { kind: 'signed-out' }
  /** Unauthorized: the token was refused; polling stops until the session changes. */
  | { kind: 'unauthorized'; message: string }
  /** No answer (network, timeout) or a server error: retried with backoff. */
  | { kind: 'offline'; message: string; retryAt: number }
  | { kind: 'rate-limited'; message: string; retryAt: number }
  | { kind: 'maintenance'; message: string; retryAt: number };

export interface WatchedTask {
  readonly id: string;
  /** Latest snapshot; undefined until the first answer after a reload or a watch by id. */
  task?: Task;
  /** Why this task cannot be shown (not found, no access); polling it has stopped. */
  error?: string;
  /** Whether its end is still to be announced. */
  notifyEnd: boolean;
  /** A re-run of a failed child: shown under its batch, its end announced with the rest of its set. */
  rerunOf?: RerunOf;
}

export interface StoreChange {
  /** The watched task (or batch parent) that changed; undefined when the list or the connection changed. */
  taskId?: string;
}

export class TaskStore {
  private readonly entries = new Map<string, WatchedTask>();
  private readonly childrenByParent = new Map<string, Map<string, Task>>();
  private connectionState: ConnectionState = { kind: 'online' };
  private readonly changed = new Emitter<StoreChange>();
  private readonly watchedChanged = new Emitter<void>();

  /** Any change the views should show. */
  readonly onDidChange = this.changed.event;
  /** The watched set or a notify flag changed: time to save the watch state. */
  readonly onDidChangeWatched = this.watchedChanged.event;

  constructor(state?: WatchState) {
    for (const saved of state?.tasks ?? []) this.entries.set(saved.id, { id: saved.id, notifyEnd: saved.notifyEnd, ...(saved.rerunOf ? { rerunOf: saved.rerunOf } : {}) });
  }

  get connection(): ConnectionState {
    return this.connectionState;
  }

  /** Watched tasks, most recently added first, re-runs included (they are polled like the others). */
  watched(): WatchedTask[] {
    return [...this.entries.values()].reverse();
  }

  /** The rows at the top of the Tasks view: watched tasks other than re-runs, which show under their batch. */
  roots(): WatchedTask[] {
    return this.watched().filter((entry) => !entry.rerunOf || !this.entries.has(entry.rerunOf.parent));
  }

  /** The re-runs of a batch's children, in the order they were started. */
  reruns(parentId: string): WatchedTask[] {
    return [...this.entries.values()].filter((entry) => entry.rerunOf?.parent === parentId);
  }

  /** The re-runs started together with `set`. */
  rerunSet(set: string): WatchedTask[] {
    return [...this.entries.values()].filter((entry) => entry.rerunOf?.set === set);
  }

  /** Watches a re-run of a failed child under its batch; its end is announced with its set's. */
  addRerun(task: Task, rerunOf: RerunOf): WatchedTask {
    const entry: WatchedTask = { id: task.id, task, notifyEnd: !isTerminal(task.status), rerunOf };
    this.entries.delete(task.id);
    this.entries.set(task.id, entry);
    this.watchedChanged.fire();
    this.changed.fire({ taskId: rerunOf.parent });
    return entry;
  }

  entry(id: string): WatchedTask | undefined {
    return this.entries.get(id);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Starts watching (or refreshes the snapshot of) a task. `notifyEnd` is kept true once set while the task runs. */
  add(idOrTask: string | Task, notifyEnd: boolean): WatchedTask {
    const id = typeof idOrTask === 'string' ? idOrTask : idOrTask.id;
    const task = typeof idOrTask === 'string' ? undefined : idOrTask;
    const existing = this.entries.get(id);
    const entry: WatchedTask = existing ?? { id, notifyEnd: false };
    if (task) entry.task = task;
    entry.notifyEnd = (entry.notifyEnd || notifyEnd) && !isTerminal(entry.task?.status);
    if (existing) this.entries.delete(id);
    this.entries.set(id, entry);
    this.watchedChanged.fire();
    this.changed.fire({});
    return entry;
  }

  /** Stops watching a task, and the re-runs of its children with it. */
  remove(id: string): void {
    if (!this.entries.delete(id)) return;
    this.childrenByParent.delete(id);
    for (const rerun of this.reruns(id)) this.entries.delete(rerun.id);
    this.watchedChanged.fire();
    this.changed.fire({});
  }

  updateTask(task: Task): void {
    const entry = this.entries.get(task.id);
    if (!entry) return;
    entry.task = task;
    entry.error = undefined;
    this.changed.fire({ taskId: task.id });
  }

  setError(id: string, message: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.error = message;
    this.changed.fire({ taskId: id });
  }

  /** The end was announced (or needs no announcement any more). */
  markNotified(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || !entry.notifyEnd) return;
    entry.notifyEnd = false;
    this.watchedChanged.fire();
  }

  /** Children known for a parent, in creation order; undefined until they were listed. */
  children(parentId: string): Task[] | undefined {
    const children = this.childrenByParent.get(parentId);
    return children && [...children.values()];
  }

  child(parentId: string, childId: string): Task | undefined {
    return this.childrenByParent.get(parentId)?.get(childId);
  }

  childCount(parentId: string): number | undefined {
    return this.childrenByParent.get(parentId)?.size;
  }

  childrenWithStatus(parentId: string, statuses: readonly TaskStatus[]): Task[] {
    const children = this.childrenByParent.get(parentId);
    if (!children) return [];
    const wanted = new Set<string>(statuses);
    return [...children.values()].filter((child) => wanted.has(child.status ?? ''));
  }

  childCounts(parentId: string): ChildCounts | undefined {
    const children = this.childrenByParent.get(parentId);
    return children && countChildren(children.values());
  }

  /** Replaces every child of a parent (a full listing, in creation order). */
  setChildren(parentId: string, children: Task[]): void {
    if (!this.entries.has(parentId)) return;
    this.childrenByParent.set(parentId, new Map(children.map((child) => [child.id, child])));
    this.changed.fire({ taskId: parentId });
  }

  /** Newer snapshots of some children; a child not seen before is added at the end. */
  updateChildren(parentId: string, children: Task[]): void {
    const known = this.childrenByParent.get(parentId);
    if (!known || children.length === 0) return;
    for (const child of children) known.set(child.id, { ...known.get(child.id), ...child });
    this.changed.fire({ taskId: parentId });
  }

  /** Forgets the children of a parent, so that they are listed again. */
  dropChildren(parentId: string): void {
    if (this.childrenByParent.delete(parentId)) this.changed.fire({ taskId: parentId });
  }

  setConnection(state: ConnectionState): void {
    const before = JSON.stringify(this.connectionState);
    this.connectionState = state;
    if (JSON.stringify(state) !== before) this.changed.fire({});
  }

  /** The watch state to save: ids and notify flags, oldest first. */
  state(): WatchState {
    const tasks: WatchedTaskState[] = [...this.entries.values()].map((entry) => ({ id: entry.id, notifyEnd: entry.notifyEnd, ...(entry.rerunOf ? { rerunOf: entry.rerunOf } : {}) }));
    return { version: 1, tasks };
  }

  dispose(): void {
    this.changed.dispose();
    this.watchedChanged.dispose();
  }
}
