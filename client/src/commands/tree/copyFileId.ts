import * as vscode from 'vscode';
import { isOutputRow } from '../../tree/nodes/outputNodes';
import type { Ctx } from '../../context';

/** Copy File ID: an output file's id to the clipboard (to paste into a task file's "path"). */
export const copyFileId = (_ctx: Ctx) => async (target?: unknown) => {
  if (!isOutputRow(target) || target.files.length !== 1) {
    void vscode.window.showWarningMessage('Choose an output file in the Seven Bridges Tasks view to copy its id.');
    return;
  }
  await vscode.env.clipboard.writeText(target.files[0].fileId);
  vscode.window.setStatusBarMessage(`Copied file id ${target.files[0].fileId}`, 3000);
};
