/**
 * Preview Batch: the children the platform will make from a task file (count, each child's group
 * value and files), computed by the language server from the files' metadata, in a read-only view
 * beside the file. Run from the CodeLens (the file's uri as a string) or the command palette.
 */
import * as vscode from 'vscode';
import { taskDocument } from './steps';
import type { Ctx } from '../context';
import { applyServerEdit, batchPreview } from '../lsp/serverRequests';

export const previewBatch = (ctx: Ctx) => async (arg?: unknown) => {
  const document = await taskDocument(typeof arg === 'string' ? vscode.Uri.parse(arg) : (arg as vscode.Uri | undefined));
  if (!document) return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Reading the batch files’ metadata…' },
    () => batchPreview(ctx.languageClient, document.uri),
  );
  const name = document.uri.path.split('/').pop();
  if (result === undefined) {
    void vscode.window.showWarningMessage('The language server is not running, so the batch cannot be previewed. The output channel "Seven Bridges Tasks" says why it stopped.');
  } else if (result === null) {
    void vscode.window.showInformationMessage(`${name} does not make a batch: it runs as one task.`);
  } else {
    await ctx.batchPreviews.show(document.uri, result.markdown);
  }
};

/** Applies an edit the language server computed (the "Run as one task" CodeLens carries one). */
export const applyWorkspaceEdit = (ctx: Ctx) => async (edit?: unknown) => {
  if (!edit || typeof edit !== 'object') return false;
  return applyServerEdit(ctx.languageClient, edit);
};
