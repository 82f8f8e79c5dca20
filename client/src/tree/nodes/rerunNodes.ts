/**
 * Re-runs of a batch's failed children stay with their batch: a "Re-runs (N)" group under the
 * parent, each row naming the child it replaces ("Re-run of S03") with its own status, running
 * time and price; once completed, its output files under it.
 */
import * as vscode from 'vscode';
import type { Task } from '../../../../platform/src/types';
import type { WatchedTask } from '../../watch/taskStore';
import type { RerunOf } from '../../watch/watchState';
import { priceText } from '../reading/priceText';
import { statusIcon, statusLabel } from '../reading/statusIcons';
import { durationText, failureText, joinParts } from '../reading/taskText';
import { hasOutputFiles, taskContextValue } from './contextValue';
import { MessageNode } from './messageNode';
import { tooltip } from './taskNode';
import type { TaskTreeNode } from './treeNode';
import { escapeMarkdown } from './markdownText';

export class RerunGroupNode implements TaskTreeNode {
  constructor(
    readonly parentId: string,
    private readonly reruns: WatchedTask[],
    /** The platform's time, for the running times. */
    private readonly now: () => number,
    private readonly failedJob: (taskId: string) => string | undefined,
    /** A completed re-run's output rows. */
    private readonly outputs: (task: Task) => Promise<TaskTreeNode[]> = async () => [],
  ) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`Re-runs (${this.reruns.length})`, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `reruns:${this.parentId}`;
    item.iconPath = new vscode.ThemeIcon('debug-restart');
    item.contextValue = 'rerunGroup';
    return item;
  }

  children(): TaskTreeNode[] {
    return this.reruns.map((entry) => {
      const rerunOf = entry.rerunOf!;
      if (entry.error) return new MessageNode(entry.id, `Re-run of ${rerunOf.childLabel}`, entry.error, 'error', entry.id);
      if (!entry.task) return new MessageNode(entry.id, `Re-run of ${rerunOf.childLabel}`, 'Loading…', 'info', entry.id);
      const task = entry.task;
      return new RerunNode(task, rerunOf, this.now, this.failedJob, () => this.outputs(task));
    });
  }
}

export class RerunNode implements TaskTreeNode {
  constructor(
    readonly task: Task,
    private readonly rerunOf: RerunOf,
    private readonly now: () => number,
    private readonly failedJob: (taskId: string) => string | undefined = () => undefined,
    private readonly outputs: () => Promise<TaskTreeNode[]> = async () => [],
  ) {}

  treeItem(): vscode.TreeItem {
    const task = this.task;
    const collapsible = hasOutputFiles(task) ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(`Re-run of ${this.rerunOf.childLabel}`, collapsible);
    item.id = `rerun:${task.id}`;
    item.iconPath = statusIcon(task.status);
    const failedJob = this.failedJob(task.id);
    item.description = joinParts([failureText(task, failedJob) ?? statusLabel(task.status), durationText(task, this.now()), priceText(task)]);
    const text = tooltip(task, { failedJob });
    text.appendMarkdown(`\n\nReplaces the failed child ${escapeMarkdown(this.rerunOf.childLabel)} (ID: ${this.rerunOf.child})`);
    item.tooltip = text;
    item.contextValue = taskContextValue(task, 'watched');
    return item;
  }

  children(): Promise<TaskTreeNode[]> {
    return hasOutputFiles(this.task) ? this.outputs() : Promise.resolve([]);
  }
}

