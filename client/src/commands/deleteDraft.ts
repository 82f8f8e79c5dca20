import * as vscode from 'vscode';
import { accountKey } from '../auth/accounts';
import { reportFailure, requireSession } from './steps';
import type { Ctx } from '../context';
import { taskIdOf } from './target';

/**
 * Delete Draft: the draft the task file made (argument: the file's URI, or none for the active
 * editor), or a task given by id, task object or tree row. Only drafts can be deleted.
 */
export const deleteDraft = (ctx: Ctx) => async (target?: unknown) => {
  const fileUri = target instanceof vscode.Uri ? target : target === undefined ? vscode.window.activeTextEditor?.document.uri : undefined;
  const taskId = fileUri ? ctx.drafts.get(fileUri.toString())?.taskId : taskIdOf(target);
  if (!taskId) {
    void vscode.window.showWarningMessage(
      fileUri
        ? 'No draft to delete: this file has not created one in this workspace. Create Draft Task makes one.'
        : 'No draft to delete: open the task file that created the draft, then run Delete Draft again.',
    );
    return;
  }
  const session = await requireSession(ctx);
  if (!session) return;
  const file = ctx.drafts.fileOf(taskId);
  const remembered = file ? ctx.drafts.get(file) : undefined;
  if (remembered && remembered.account !== accountKey(session.environment)) {
    void vscode.window.showWarningMessage(`Draft task ${taskId} was made in another environment. Switch to it to delete the draft.`);
    return;
  }
  const confirmed = await vscode.window.showWarningMessage(`Delete draft task ${taskId} on ${session.environment.name}?`, { modal: true }, 'Delete');
  if (confirmed !== 'Delete') return;
  try {
    await session.client.deleteTask(taskId);
  } catch (error) {
    return reportFailure(ctx.log, `delete ${taskId}`, error);
  }
  if (file) {
    await ctx.drafts.forget(file, taskId);
    ctx.platformDiagnostics.clear(vscode.Uri.parse(file));
  }
  void vscode.window.showInformationMessage(`Deleted draft task ${taskId}.`);
};
