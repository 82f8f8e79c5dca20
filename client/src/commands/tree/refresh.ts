import * as vscode from 'vscode';
import { TASKS_VIEW_ID } from '../../tree/tasksView';
import { requireWatcher, type TreeCommand } from './treeCommand';

/** Refresh: polls every watched task now (children included) and asks the language server to clear its cache, so one button renews both. */
export const refresh: TreeCommand = {
  id: 'sbgTasks.refresh',
  run: async (ctx) => {
    const watcher = requireWatcher(ctx);
    if (!watcher) return;
    await vscode.window.withProgress({ location: { viewId: TASKS_VIEW_ID } }, () => Promise.all([watcher.refresh(), ctx.commands.clearServerCache()]));
    ctx.provider.refreshNow();
  },
};
