import type * as vscode from 'vscode';
import type { Ctx } from '../context';
import { sendTaskFileCommand } from './sendTaskFile';

/** Create and Run: POST /tasks?action=run; a task with errors stays a draft and says why. */
export const createAndRunTask = (ctx: Ctx) => (uri?: unknown) => sendTaskFileCommand(ctx, { kind: 'create', run: true }, uri as vscode.Uri | undefined);
