/** What every row of the Tasks view is: a tree item and, when it expands, its rows. */
import type * as vscode from 'vscode';
import type { Task } from '../../../../platform/src/types';

export interface TaskTreeNode {
  treeItem(): vscode.TreeItem;
  /** A completed task's output rows come after a read of their files, hence a promise. */
  children?(): TaskTreeNode[] | Promise<TaskTreeNode[]>;
  /** The task a command on this row acts on. */
  readonly task?: Task;
  /** For children: the batch parent they belong to. */
  readonly parentId?: string;
}
