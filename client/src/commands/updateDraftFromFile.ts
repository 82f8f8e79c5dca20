import type * as vscode from 'vscode';
import type { Ctx } from '../context';
import { sendTaskFileCommand } from './sendTaskFile';

/** Update Draft from File: PATCH the draft this file made (remembered in workspace state) while it is a DRAFT. */
export const updateDraftFromFile = (ctx: Ctx) => (uri?: unknown) => sendTaskFileCommand(ctx, { kind: 'update' }, uri as vscode.Uri | undefined);
