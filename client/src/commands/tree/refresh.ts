import * as vscode from 'vscode';
import { TASKS_VIEW_ID } from '../../tree/tasksView';
import { requireWatcher } from '../target';
import type { Ctx } from '../../context';
import { clearServerCache } from '../../lsp/serverRequests';

/** Refresh: polls every watched task now (children included) and asks the language server to clear its cache, so one button renews both. */
export const refresh = (ctx: Ctx) => async () => {
  const watcher = requireWatcher(ctx);
  if (!watcher) return;
  await vscode.window.withProgress({ location: { viewId: TASKS_VIEW_ID } }, () => Promise.all([watcher.refresh(), clearServerCache(ctx.languageClient)]));
  ctx.tree.provider.refreshNow();
};
