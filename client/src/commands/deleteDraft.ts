import * as vscode from 'vscode';
import { reportFailure, requireSession, type Command } from './context';

/**
 * Delete Draft: the draft the task file made (argument: the file's URI, or none for the active
 * editor), or a task handed over by the tree (`{ id }` or its id). Only drafts can be deleted.
 */
export const deleteDraft: Command = {
  id: 'sbgTasks.deleteDraft',
  run: async (ctx, target) => {
    const taskId = draftIdOf(ctx.drafts, target);
    if (!taskId) {
      void vscode.window.showWarningMessage('No draft to delete: this file has not created one in this workspace.');
      return;
    }
    const session = await requireSession(ctx.accounts);
    if (!session) return;
    const confirmed = await vscode.window.showWarningMessage(`Delete draft task ${taskId} on ${session.environment.name}?`, { modal: true }, 'Delete');
    if (confirmed !== 'Delete') return;
    try {
      await session.client.deleteTask(taskId);
    } catch (error) {
      return reportFailure(ctx.log, `delete ${taskId}`, error);
    }
    const file = ctx.drafts.fileOf(taskId);
    if (file) {
      await ctx.drafts.forget(file, taskId);
      ctx.platformDiagnostics.clear(vscode.Uri.parse(file));
    }
    void vscode.window.showInformationMessage(`Deleted draft task ${taskId}.`);
  },
};

function draftIdOf(drafts: { get(uri: string): { taskId: string } | undefined }, target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (target instanceof vscode.Uri) return drafts.get(target.toString())?.taskId;
  if (target && typeof (target as { id?: unknown }).id === 'string') return (target as { id: string }).id;
  const active = vscode.window.activeTextEditor?.document.uri;
  return active ? drafts.get(active.toString())?.taskId : undefined;
}
