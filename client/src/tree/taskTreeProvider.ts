/**
 * The Tasks view's data: the watched tasks (a problem row first when the platform cannot be
 * reached), batch parents expanding into status groups (Failed first, then Running, Queued,
 * Completed, Aborted), each group paged; completed tasks and children expanding into their output files. Empty when signed out or when nothing is watched, so the
 * welcome views show. Changes from the store are coalesced into one refresh per 300 ms.
 */
import * as vscode from 'vscode';
import type { Task } from '../../../platform/src/types';
import { readBatch, type BatchReading } from './reading/batchReading';
import { draftChildrenText } from './draftBatch';
import { FailedJobs } from './failedJobs';
import type { ConnectionState, TaskStore, WatchedTask } from '../watch/taskStore';
import { BatchParentNode } from './nodes/batchParentNode';
import { ChildNode } from './nodes/childNode';
import { LoadMoreNode } from './nodes/loadMoreNode';
import { MessageNode } from './nodes/messageNode';
import { outputRows } from './nodes/outputNodes';
import { OutputCatalog } from './outputCatalog';
import { RerunGroupNode } from './nodes/rerunNodes';
import { StatusGroupNode } from './nodes/statusGroupNode';
import { TaskNode } from './nodes/taskNode';
import type { TaskTreeNode } from './nodes/treeNode';
import type { TaskTreeModel } from './taskTreeModel';
import { tellApartText } from './reading/taskText';
import { batchCost } from './watchedCost';

const PAGE_SIZE = 100;
const REFRESH_DELAY_MS = 300;

export class TaskTreeProvider implements vscode.TreeDataProvider<TaskTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TaskTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Rows shown per status group, by "parentId|STATUS". */
  private readonly shown = new Map<string, number>();
  private pending: NodeJS.Timeout | undefined;
  private readonly subscription: { dispose(): void };
  /** Running times are measured on the platform's clock, which the tasks' start times are on. */
  private readonly platformNow = (): number => this.model.watcher?.platformNow() ?? Date.now();
  /** Which jobs failed tasks failed in, read on hover (resolveTreeItem). */
  readonly failedJobs = new FailedJobs();
  private readonly failedJob = (taskId: string): string | undefined => this.failedJobs.text(taskId);
  /** The files completed tasks made, read in bulk when their rows open. */
  readonly outputs = new OutputCatalog(() => this.model.client);

  constructor(private readonly model: TaskTreeModel) {
    this.subscription = model.onDidChange(() => this.scheduleRefresh());
    this.failedJobs.onDidLoad(() => this.scheduleRefresh());
  }

  /** Root rows whose name another root row has too: their label adds the start time and a short id. */
  private sameName = new Set<TaskTreeNode>();

  getTreeItem(node: TaskTreeNode): vscode.TreeItem {
    const item = node.treeItem();
    if (this.sameName.has(node) && node.task) item.label = `${String(item.label)} (${tellApartText(node.task)})`;
    return item;
  }

  /** Hovering a failed row reads which job failed (once per task), so its tooltip and row can name it. */
  async resolveTreeItem(item: vscode.TreeItem, node: TaskTreeNode): Promise<vscode.TreeItem> {
    const task = node.task;
    const client = this.model.client;
    if (!task || task.status !== 'FAILED' || task.batch || !client || this.failedJobs.has(task.id)) return item;
    await this.failedJobs.load(client, task.id);
    const fresh = node.treeItem();
    item.tooltip = fresh.tooltip;
    return item;
  }

  getChildren(): TaskTreeNode[];
  getChildren(node: TaskTreeNode | undefined): TaskTreeNode[] | Promise<TaskTreeNode[]>;
  getChildren(node?: TaskTreeNode): TaskTreeNode[] | Promise<TaskTreeNode[]> {
    if (node) return node.children?.() ?? [];
    const store = this.model.watcher?.store;
    if (!store || !this.model.signedIn) return [];
    // Re-runs of failed children show under their batch, not here.
    const entries = store.roots();
    if (entries.length === 0) return [];
    const problem = connectionNode(store.connection);
    const roots = entries.map((entry) => this.rootNode(store, entry));
    this.sameName = sameNameNodes(roots);
    return [...(problem ? [problem] : []), ...roots];
  }

  /** Shows the next page of a status group. */
  loadMore(groupKey: string): void {
    this.shown.set(groupKey, (this.shown.get(groupKey) ?? PAGE_SIZE) + PAGE_SIZE);
    this.changed.fire(undefined);
  }

  refreshNow(): void {
    this.changed.fire(undefined);
  }

  private scheduleRefresh(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.changed.fire(undefined);
    }, REFRESH_DELAY_MS);
  }

  private rootNode(store: TaskStore, entry: WatchedTask): TaskTreeNode {
    if (entry.error) return new MessageNode(entry.id, entry.task?.name ?? entry.id, entry.error, 'error', entry.id);
    const task = entry.task;
    if (!task) return new MessageNode(entry.id, entry.id, 'Loading…', 'info', entry.id);
    if (!task.batch) return new TaskNode(task, this.platformNow, this.failedJob, () => this.outputRows(task, []));
    // One reading for the parent row and its groups: they never disagree without saying so.
    const reading = readBatch(task, store.children(task.id), this.platformNow());
    return new BatchParentNode(reading, () => this.groups(store, reading), () => batchCost(store, task));
  }

  private groups(store: TaskStore, reading: BatchReading): TaskTreeNode[] {
    const reruns = store.reruns(reading.parent.id);
    const rerunGroup = reruns.length > 0 ? [new RerunGroupNode(reading.parent.id, reruns, () => reading.now, this.failedJob, (task) => this.outputRows(task, []))] : [];
    return [...this.statusGroups(store, reading), ...rerunGroup];
  }

  private statusGroups(store: TaskStore, reading: BatchReading): TaskTreeNode[] {
    const parent = reading.parent;
    const parentId = parent.id;
    if (parent.status === 'DRAFT') {
      const { label, detail } = draftChildrenText(parent);
      return [new MessageNode(`${parentId}:children`, label, detail, 'info')];
    }
    if (!reading.groups) {
      const connection = store.connection;
      if (connection.kind !== 'online') return [new MessageNode(`${parentId}:children`, 'Children not loaded', connectionText(connection), 'warning')];
      return [new MessageNode(`${parentId}:children`, 'Loading children…', 'listed with the next poll', 'info')];
    }
    const now = () => reading.now;
    return reading.groups.map((group) => {
      const key = `${parentId}|${group.status}`;
      return new StatusGroupNode(parentId, group, () => {
        const { members } = group;
        if (members.length === 0) return [new MessageNode(`${key}:updating`, 'Counted by the batch, not read yet', 'listed with the next poll', 'info')];
        const limit = this.shown.get(key) ?? PAGE_SIZE;
        const page = members.slice(0, limit);
        const rows: TaskTreeNode[] = page.map((child) => new ChildNode(child, parentId, now, this.failedJob, () => this.outputRows(child, page)));
        if (members.length > limit) rows.push(new LoadMoreNode(key, members.length - limit));
        return rows;
      });
    });
  }

  /** A completed task's output rows; its files are read with those of `neighbours` (the rows beside it). */
  private async outputRows(task: Task, neighbours: readonly Task[]): Promise<TaskTreeNode[]> {
    const { files, problem } = await this.outputs.describe(task, neighbours);
    const rows: TaskTreeNode[] = outputRows(task, files);
    if (problem) rows.unshift(new MessageNode(`${task.id}:outputs`, 'Output files not read', problem, 'warning'));
    return rows;
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.subscription.dispose();
    this.failedJobs.dispose();
    this.changed.dispose();
  }
}

/** The root rows that share their task's name with another root row. */
function sameNameNodes(roots: TaskTreeNode[]): Set<TaskTreeNode> {
  const byName = new Map<string, TaskTreeNode[]>();
  for (const node of roots) {
    const name = node.task?.name;
    if (!name) continue;
    byName.set(name, [...(byName.get(name) ?? []), node]);
  }
  return new Set([...byName.values()].filter((nodes) => nodes.length > 1).flat());
}

function connectionNode(connection: ConnectionState): MessageNode | undefined {
  switch (connection.kind) {
    case 'online':
    case 'signed-out':
      return undefined;
    case 'unauthorized':
      return new MessageNode('connection', 'Sign in again', connection.message, 'error');
    case 'offline':
      return new MessageNode('connection', 'Offline', connectionText(connection), 'warning');
    case 'rate-limited':
      return new MessageNode('connection', 'Rate limit reached', connectionText(connection), 'warning');
    case 'maintenance':
      return new MessageNode('connection', 'Platform under maintenance', connectionText(connection), 'warning');
  }
}

function connectionText(connection: ConnectionState): string {
  if (connection.kind === 'online' || connection.kind === 'signed-out') return '';
  const retry = 'retryAt' in connection ? ` Trying again at ${new Date(connection.retryAt).toLocaleTimeString()}.` : '';
  return `${connection.message}${retry}`;
}
