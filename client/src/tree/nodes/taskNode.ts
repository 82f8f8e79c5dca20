/** A watched task that is not a batch: status icon, name, status, duration and price. */
import * as vscode from 'vscode';
import type { Task } from '../../../../platform/src/types';
import { statusIcon, statusLabel } from '../statusIcons';
import { durationText, joinParts, priceText } from '../taskText';
import { taskContextValue } from './contextValue';
import type { TaskTreeNode } from './treeNode';

export class TaskNode implements TaskTreeNode {
  constructor(
    readonly task: Task,
    /** The platform's time, for the running time. */
    private readonly now: () => number,
  ) {}

  treeItem(): vscode.TreeItem {
    const task = this.task;
    const item = new vscode.TreeItem(task.name ?? task.id, vscode.TreeItemCollapsibleState.None);
    item.id = `task:${task.id}`;
    item.iconPath = statusIcon(task.status);
    item.description = joinParts([statusLabel(task.status), durationText(task, this.now()), priceText(task)]);
    item.tooltip = tooltip(task);
    item.contextValue = taskContextValue(task, 'watched');
    return item;
  }
}

export function tooltip(task: Task): vscode.MarkdownString {
  const lines = [`**${task.name ?? task.id}**`, '', `${statusLabel(task.status)}${task.execution_status?.message ? `: ${task.execution_status.message}` : ''}`];
  if (task.project) lines.push('', `Project: ${task.project}`);
  if (task.app) lines.push('', `App: ${task.app}`);
  lines.push('', `ID: ${task.id}`);
  const markdown = new vscode.MarkdownString(lines.join('\n'));
  markdown.supportHtml = false;
  return markdown;
}
