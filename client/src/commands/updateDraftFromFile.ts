import type * as vscode from 'vscode';
import type { Command } from './context';
import { sendTaskFileCommand } from './sendTaskFile';

/** Update Draft from File: PATCH the draft this file made (remembered in workspace state) while it is a DRAFT. */
export const updateDraftFromFile: Command = {
  id: 'sbgTasks.updateDraftFromFile',
  run: (ctx, uri) => sendTaskFileCommand(ctx, { kind: 'update' }, uri as vscode.Uri | undefined),
};
