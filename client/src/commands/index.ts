/**
 * The command table: every command the extension registers, contributed (package.json) or
 * internal (a row's or a CodeLens's own), as its id and `(ctx) => handler`. extension.ts
 * registers them all in one loop; the extension tests hold the table against package.json.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { OPEN_JOB_LOG_COMMAND } from '../details/executionDetailsView';
import { LOAD_MORE_COMMAND } from '../tree/nodes/loadMoreNode';
import { clearCache } from './clearCache';
import { createAndRunTask } from './createAndRunTask';
import { createDraftTask } from './createDraftTask';
import { deleteDraft } from './deleteDraft';
import { newTaskFromApp } from './newTaskFromApp';
import { openJobLog } from './openJobLog';
import { applyWorkspaceEdit, previewBatch } from './previewBatch';
import { signIn } from './signIn';
import { signOut } from './signOut';
import { switchEnvironment } from './switchEnvironment';
import { abortTask } from './tree/abortTask';
import { copyFileId } from './tree/copyFileId';
import { copyId } from './tree/copyId';
import { downloadOutput } from './tree/downloadOutput';
import { loadMore } from './tree/loadMore';
import { newTaskFromOutputs } from './tree/newTaskFromOutputs';
import { openInBrowser } from './tree/openInBrowser';
import { refresh } from './tree/refresh';
import { rerunFailedChildren } from './tree/rerunFailedChildren';
import { runDraft } from './tree/runDraft';
import { saveAsTaskFile } from './tree/saveAsTaskFile';
import { showExecutionDetails } from './tree/showExecutionDetails';
import { showInputsOutputs } from './tree/showInputsOutputs';
import { stopWatching } from './tree/stopWatching';
import { watchProjectTasks } from './tree/watchProjectTasks';
import { watchTask } from './tree/watchTask';
import { updateDraftFromFile } from './updateDraftFromFile';

/** A command given the extension's context: what VS Code calls with the command's arguments. */
export type CommandFactory = (ctx: Ctx) => (...args: unknown[]) => unknown;

/** Commands of the palette, the editor, the explorer and the Tasks view (package.json contributes them). */
export const CONTRIBUTED_COMMANDS: Readonly<Record<string, CommandFactory>> = {
  'sbgTasks.signIn': signIn,
  'sbgTasks.signOut': signOut,
  'sbgTasks.switchEnvironment': switchEnvironment,
  'sbgTasks.createDraftTask': createDraftTask,
  'sbgTasks.createAndRunTask': createAndRunTask,
  'sbgTasks.previewBatch': previewBatch,
  'sbgTasks.updateDraftFromFile': updateDraftFromFile,
  'sbgTasks.deleteDraft': deleteDraft,
  'sbgTasks.newTaskFromApp': newTaskFromApp,
  'sbgTasks.clearCache': clearCache,
  'sbgTasks.applyWorkspaceEdit': applyWorkspaceEdit,
  // The Tasks view's title bar and rows.
  'sbgTasks.refresh': refresh,
  'sbgTasks.watchTask': watchTask,
  'sbgTasks.watchProjectTasks': watchProjectTasks,
  'sbgTasks.openInBrowser': openInBrowser,
  'sbgTasks.copyTaskId': copyId,
  'sbgTasks.runDraft': runDraft,
  'sbgTasks.abortTask': abortTask,
  'sbgTasks.rerunFailedChildren': rerunFailedChildren,
  'sbgTasks.showInputsOutputs': showInputsOutputs,
  'sbgTasks.saveAsTaskFile': saveAsTaskFile,
  'sbgTasks.showExecutionDetails': showExecutionDetails,
  'sbgTasks.stopWatching': stopWatching,
  'sbgTasks.downloadOutput': downloadOutput,
  'sbgTasks.copyFileId': copyFileId,
  'sbgTasks.newTaskFromOutputs': newTaskFromOutputs,
};

/** Commands that only a row or a CodeLens of the extension's own calls (not in package.json). */
export const INTERNAL_COMMANDS: Readonly<Record<string, CommandFactory>> = {
  [LOAD_MORE_COMMAND]: loadMore,
  [OPEN_JOB_LOG_COMMAND]: openJobLog,
};

/**
 * Registers every command of the table. Each waits for the saved account to be read, and is a
 * user action: the first one may learn the user name of a session that started without one.
 */
export function registerCommands(ctx: Ctx): vscode.Disposable[] {
  return Object.entries({ ...CONTRIBUTED_COMMANDS, ...INTERNAL_COMMANDS }).map(([id, command]) => {
    const handler = command(ctx);
    return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      await ctx.restored;
      void ctx.accounts.refreshUserName();
      return handler(...args);
    });
  });
}
