/**
 * A watched batch parent: counts and progress ("812/1000 done, 3 failed"), expanding into status
 * groups. Its numbers and time come from the same reading as its groups (batchReading.ts).
 */
import * as vscode from 'vscode';
import type { Task } from '../../../../platform/src/types';
import { progressText } from '../../watch/counts';
import type { BatchReading } from '../reading/batchReading';
import { statusIcon, statusLabel } from '../reading/statusIcons';
import { sumText, type PriceSum } from '../reading/priceText';
import { durationText, joinParts } from '../reading/taskText';
import { taskContextValue } from './contextValue';
import { tooltip } from './taskNode';
import type { TaskTreeNode } from './treeNode';

export class BatchParentNode implements TaskTreeNode {
  readonly task: Task;

  constructor(
    /** The parent, its progress and the platform's time, read together with the groups. */
    private readonly reading: BatchReading,
    private readonly groups: () => TaskTreeNode[],
    /** The batch's cost: its own price, or the sum of its children read so far (partial). */
    private readonly cost: () => PriceSum | undefined = () => undefined,
  ) {
    this.task = reading.parent;
  }

  treeItem(): vscode.TreeItem {
    const task = this.task;
    const item = new vscode.TreeItem(task.name ?? task.id, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `task:${task.id}`;
    const counts = this.reading.progress;
    // The counters, not the status alone, say whether something failed (docs/PLATFORM.md#batch-parents-and-children): a
    // parent may end COMPLETED with failed children.
    const failed = (counts?.failed ?? 0) > 0;
    item.iconPath =
      failed && task.status === 'RUNNING'
        ? new vscode.ThemeIcon('sync~spin', new vscode.ThemeColor('testing.iconFailed'))
        : failed && task.status === 'COMPLETED'
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('testing.iconFailed'))
          : statusIcon(task.status);
    const cost = this.cost();
    item.description = joinParts([statusLabel(task.status), counts ? progressText(counts) : undefined, durationText(task, this.reading.now), sumText(cost)]);
    item.tooltip = tooltip(task, { cost });
    item.contextValue = taskContextValue(task, 'watched');
    return item;
  }

  children(): TaskTreeNode[] {
    return this.groups();
  }
}
