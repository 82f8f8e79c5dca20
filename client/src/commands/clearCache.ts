import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { clearServerCache } from '../lsp/serverRequests';

/** Clear Cache: the language server forgets its app models (memory and disk), fetches again and revalidates. */
export const clearCache = (ctx: Ctx) => async () => {
  if (await clearServerCache(ctx.languageClient)) {
    vscode.window.setStatusBarMessage('Seven Bridges: app cache cleared', 3000);
  } else {
    void vscode.window.showWarningMessage('The language server is not running, so there is no cache to clear. The output channel "Seven Bridges Tasks" says why it stopped.');
  }
};
