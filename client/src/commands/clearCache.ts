import * as vscode from 'vscode';
import type { Command } from './context';

/** Clear Cache: the language server forgets its app models (memory and disk), fetches again and revalidates. */
export const clearCache: Command = {
  id: 'sbgTasks.clearCache',
  run: async (ctx) => {
    if (await ctx.clearServerCache()) {
      vscode.window.setStatusBarMessage('Seven Bridges: app cache cleared', 3000);
    } else {
      void vscode.window.showWarningMessage('The language server is not running, so there is no cache to clear. The output channel "Seven Bridges Tasks" says why it stopped.');
    }
  },
};
