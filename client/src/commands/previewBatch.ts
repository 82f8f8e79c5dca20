/**
 * Preview Batch: the children the platform will make from a task file (count, each child's group
 * value and files), computed by the language server from the files' metadata, in a read-only view
 * beside the file. Run from the CodeLens (the file's uri as a string) or the command palette.
 */
import * as vscode from 'vscode';
import { showBatchPreview } from '../batch/batchPreviewView';
import { taskDocument, type Command } from './context';

export const previewBatch: Command = {
  id: 'sbgTasks.previewBatch',
  run: async (ctx, arg) => {
    const document = await taskDocument(typeof arg === 'string' ? vscode.Uri.parse(arg) : (arg as vscode.Uri | undefined));
    if (!document) return;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Reading the batch files’ metadata…' },
      () => ctx.batchPreview(document.uri),
    );
    const name = document.uri.path.split('/').pop();
    if (result === undefined) {
      void vscode.window.showWarningMessage('The language server is not running, so the batch cannot be previewed. The output channel "Seven Bridges Tasks" says why it stopped.');
    } else if (result === null) {
      void vscode.window.showInformationMessage(`${name} does not make a batch: it runs as one task.`);
    } else {
      await showBatchPreview(document.uri, result.markdown);
    }
  },
};

/** Applies an edit the language server computed (the "Run as one task" CodeLens carries one). */
export const applyWorkspaceEdit: Command = {
  id: 'sbgTasks.applyWorkspaceEdit',
  run: async (ctx, edit) => {
    if (!edit || typeof edit !== 'object') return false;
    return ctx.applyServerEdit(edit);
  },
};
