/** The children of a batch in one status, with their count; pages its rows with a "Load more" row. */
import * as vscode from 'vscode';
import type { TaskStatus } from '../../../../platform/src/types';
import { statusIcon, statusLabel } from '../statusIcons';
import type { TaskTreeNode } from './treeNode';

export class StatusGroupNode implements TaskTreeNode {
  constructor(
    readonly parentId: string,
    readonly status: TaskStatus,
    private readonly count: number,
    private readonly rows: () => TaskTreeNode[],
  ) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`${statusLabel(this.status)} (${this.count})`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `group:${this.parentId}:${this.status}`;
    item.iconPath = statusIcon(this.status);
    item.contextValue = `statusGroup ${this.status.toLowerCase()}`;
    return item;
  }

  children(): TaskTreeNode[] {
    return this.rows();
  }
}
