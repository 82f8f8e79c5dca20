import type * as vscode from 'vscode';
import type { Command } from './context';
import { sendTaskFileCommand } from './sendTaskFile';

/** Create Draft Task: POST /tasks with the file's text; the platform's errors and warnings land on the file. */
export const createDraftTask: Command = {
  id: 'sbgTasks.createDraftTask',
  run: (ctx, uri) => sendTaskFileCommand(ctx, { kind: 'create', run: false }, uri as vscode.Uri | undefined),
};
