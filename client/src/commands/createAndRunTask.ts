import type * as vscode from 'vscode';
import type { Command } from './context';
import { sendTaskFileCommand } from './sendTaskFile';

/** Create and Run: POST /tasks?action=run; a task with errors stays a draft and says why. */
export const createAndRunTask: Command = {
  id: 'sbgTasks.createAndRunTask',
  run: (ctx, uri) => sendTaskFileCommand(ctx, { kind: 'create', run: true }, uri as vscode.Uri | undefined),
};
