/** A child of a batch: its batch_group value, status (with the reason when it failed), step progress (steps_completed/steps_total), duration and price; once completed, its output files under it. */
import * as vscode from 'vscode';
import type { Task } from '../../../../platform/src/types';
import { statusIcon, statusLabel } from '../reading/statusIcons';
import { priceText } from '../reading/priceText';
import { durationText, failureText, joinParts } from '../reading/taskText';
import { hasOutputFiles, taskContextValue } from './contextValue';
import { tooltip } from './taskNode';
import type { TaskTreeNode } from './treeNode';

export class ChildNode implements TaskTreeNode {
  constructor(
    readonly task: Task,
    readonly parentId: string,
    /** The platform's time, for the running time. */
    private readonly now: () => number,
    /** The failed jobs' names once read (FailedJobs), for a failed child's reason. */
    private readonly failedJob: (taskId: string) => string | undefined = () => undefined,
    /** The rows of its output files, once it completed with some. */
    private readonly outputs: () => Promise<TaskTreeNode[]> = async () => [],
  ) {}

  treeItem(): vscode.TreeItem {
    const task = this.task;
    const item = new vscode.TreeItem(task.batch_group?.value || task.name || task.id, hasOutputFiles(task) ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `child:${task.id}`;
    item.iconPath = statusIcon(task.status);
    const status = task.execution_status;
    const steps = status?.steps_total ? `${status.steps_completed ?? 0}/${status.steps_total} steps` : undefined;
    const failedJob = this.failedJob(task.id);
    item.description = joinParts([failureText(task, failedJob) ?? statusLabel(task.status), steps, durationText(task, this.now()), priceText(task)]);
    item.tooltip = tooltip(task, { failedJob });
    item.contextValue = taskContextValue(task, 'child');
    return item;
  }

  children(): Promise<TaskTreeNode[]> {
    return hasOutputFiles(this.task) ? this.outputs() : Promise.resolve([]);
  }
}
