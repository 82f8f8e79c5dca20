import * as vscode from 'vscode';
import { requireWatcher, type TreeCommand } from './treeCommand';

/** Refresh: polls every watched task now (children included) and asks the language server to clear its cache, so one button renews both. */
export const refresh: TreeCommand = {
  id: 'sbgTasks.refresh',
  run: async (ctx) => {
    const watcher = requireWatcher(ctx);
    if (!watcher) return;
    const clearCache = (await vscode.commands.getCommands(true)).includes('sbgTasks.clearCache');
    await vscode.window.withProgress({ location: { viewId: 'sbgTasks.tasks' } }, async () => {
      await Promise.all([watcher.refresh(), clearCache ? vscode.commands.executeCommand('sbgTasks.clearCache') : undefined]);
    });
    ctx.provider.refreshNow();
  },
};
