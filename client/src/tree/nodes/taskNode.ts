/** A watched task that is not a batch: status icon, name, status, duration and price; once completed, its output files under it. */
import * as vscode from 'vscode';
import type { Task } from '../../../../platform/src/types';
import { statusIcon, statusLabel } from '../reading/statusIcons';
import { priceText, sumText, type PriceSum } from '../reading/priceText';
import { durationText, failureText, joinParts, statusLine } from '../reading/taskText';
import { hasOutputFiles, taskContextValue } from './contextValue';
import type { TaskTreeNode } from './treeNode';
import { escapeMarkdown } from './markdownText';

export class TaskNode implements TaskTreeNode {
  constructor(
    readonly task: Task,
    /** The platform's time, for the running time. */
    private readonly now: () => number,
    /** The failed jobs' names once read (FailedJobs), for a failed task's reason. */
    private readonly failedJob: (taskId: string) => string | undefined = () => undefined,
    /** The rows of its output files, once it completed with some. */
    private readonly outputs: () => Promise<TaskTreeNode[]> = async () => [],
  ) {}

  treeItem(): vscode.TreeItem {
    const task = this.task;
    const item = new vscode.TreeItem(task.name ?? task.id, hasOutputFiles(task) ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `task:${task.id}`;
    item.iconPath = statusIcon(task.status);
    item.description = joinParts([failureText(task, this.failedJob(task.id)) ?? statusLabel(task.status), durationText(task, this.now()), priceText(task)]);
    item.tooltip = tooltip(task, { failedJob: this.failedJob(task.id) });
    item.contextValue = taskContextValue(task, 'watched');
    return item;
  }

  children(): Promise<TaskTreeNode[]> {
    return hasOutputFiles(this.task) ? this.outputs() : Promise.resolve([]);
  }
}

export interface TooltipExtras {
  failedJob?: string;
  /** A batch's total (its own price, or its children's so far). */
  cost?: PriceSum;
}

export function tooltip(task: Task, extras: TooltipExtras = {}): vscode.MarkdownString {
  const lines = [`**${escapeMarkdown(task.name ?? task.id)}**`, '', escapeMarkdown(statusLine(task))];
  if (extras.failedJob) lines.push('', `Failed job: ${escapeMarkdown(extras.failedJob)}`);
  const cost = extras.cost ? sumText(extras.cost) : priceText(task);
  if (cost) lines.push('', `Cost: ${cost}${extras.cost?.partial ? ' (partial: the sum of the children read so far)' : ''}`);
  if (task.project) lines.push('', `Project: ${task.project}`);
  if (task.app) lines.push('', `App: ${task.app}`);
  lines.push('', `ID: ${task.id}`);
  const markdown = new vscode.MarkdownString(lines.join('\n'));
  markdown.supportHtml = false;
  return markdown;
}

