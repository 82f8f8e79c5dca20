import type * as vscode from 'vscode';
import type { Ctx } from '../context';
import { sendTaskFileCommand } from './sendTaskFile';

/** Create Draft Task: POST /tasks with the file's text; the platform's errors and warnings land on the file. */
export const createDraftTask = (ctx: Ctx) => (uri?: unknown) => sendTaskFileCommand(ctx, { kind: 'create', run: false }, uri as vscode.Uri | undefined);
