/** A row that says what is wrong (offline, rate limited, a task that cannot be read) instead of an empty tree. */
import * as vscode from 'vscode';
import type { TaskTreeNode } from './treeNode';

export class MessageNode implements TaskTreeNode {
  constructor(
    private readonly id: string,
    private readonly label: string,
    private readonly detail: string,
    private readonly kind: 'error' | 'warning' | 'info',
    readonly taskId?: string,
  ) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = `message:${this.id}`;
    item.description = this.detail;
    item.tooltip = this.detail;
    const look = { error: ['error', 'errorForeground'], warning: ['warning', 'list.warningForeground'], info: ['info', 'descriptionForeground'] }[this.kind];
    item.iconPath = new vscode.ThemeIcon(look[0], new vscode.ThemeColor(look[1]));
    item.contextValue = this.taskId ? 'message unreadable watched' : 'message';
    return item;
  }
}
