/** "Load more": shows the next page of a status group instead of thousands of rows at once. */
import * as vscode from 'vscode';
import type { TaskTreeNode } from './treeNode';

export const LOAD_MORE_COMMAND = 'sbgTasks.tree.loadMore';

export class LoadMoreNode implements TaskTreeNode {
  constructor(
    readonly groupKey: string,
    private readonly remaining: number,
  ) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`Load more… (${this.remaining} more)`, vscode.TreeItemCollapsibleState.None);
    item.id = `more:${this.groupKey}`;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.command = { command: LOAD_MORE_COMMAND, title: 'Load More', arguments: [this.groupKey] };
    item.contextValue = 'loadMore';
    return item;
  }
}
