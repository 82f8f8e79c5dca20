/** A child of a batch: its batch_group value, status, step progress (steps_completed/steps_total) and duration. */
import * as vscode from 'vscode';
import type { Task } from '../../../../platform/src/types';
import { statusIcon, statusLabel } from '../statusIcons';
import { durationText, joinParts } from '../taskText';
import { taskContextValue } from './contextValue';
import { tooltip } from './taskNode';
import type { TaskTreeNode } from './treeNode';

export class ChildNode implements TaskTreeNode {
  constructor(
    readonly task: Task,
    readonly parentId: string,
    /** The platform's time, for the running time. */
    private readonly now: () => number,
  ) {}

  treeItem(): vscode.TreeItem {
    const task = this.task;
    const item = new vscode.TreeItem(task.batch_group?.value || task.name || task.id, vscode.TreeItemCollapsibleState.None);
    item.id = `child:${task.id}`;
    item.iconPath = statusIcon(task.status);
    const status = task.execution_status;
    const steps = status?.steps_total ? `${status.steps_completed ?? 0}/${status.steps_total} steps` : undefined;
    item.description = joinParts([statusLabel(task.status), steps, durationText(task, this.now())]);
    item.tooltip = tooltip(task);
    item.contextValue = taskContextValue(task, 'child');
    return item;
  }
}
