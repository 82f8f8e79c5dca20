/**
 * The children of a batch in one status, with their count ("Failed (2)", or "Failed (2, updating)"
 * while the parent's counters are ahead of the children read); pages its rows with a "Load more" row.
 */
import * as vscode from 'vscode';
import type { TaskStatus } from '../../../../platform/src/types';
import { groupLabel, type StatusGroupReading } from '../reading/batchReading';
import { statusIcon } from '../reading/statusIcons';
import type { TaskTreeNode } from './treeNode';

export class StatusGroupNode implements TaskTreeNode {
  constructor(
    readonly parentId: string,
    private readonly group: StatusGroupReading,
    private readonly rows: () => TaskTreeNode[],
  ) {}

  get status(): TaskStatus {
    return this.group.status;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(groupLabel(this.group), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `group:${this.parentId}:${this.status}`;
    item.iconPath = statusIcon(this.status);
    item.contextValue = `statusGroup ${this.status.toLowerCase()}`;
    return item;
  }

  children(): TaskTreeNode[] {
    return this.rows();
  }
}
