/**
 * New Task File from Outputs…: on an output row (its files) or a completed task's row (all its
 * output files): pick an app of the task's project and its revision, then a new task file opens
 * with the inputs the files fit already filled in (outputsPrefill.ts) and the other required
 * inputs as placeholders, as New Task File from App writes them. The language server checks it as
 * it checks any task file.
 */
import * as vscode from 'vscode';
import { SbgApiError } from '../../../../platform/src/errors';
import type { OutputFile } from '../../../../platform/src/taskOutputs';
import type { Task } from '../../../../platform/src/types';
import { parseApp } from '../../../../server/src/service';
import { explainFailure } from '../../shared/failure';
import { prefillFromFiles } from '../../create/outputsPrefill';
import { skeletonFileName, taskSkeleton } from '../../create/skeleton';
import { hasOutputFiles } from '../../tree/nodes/contextValue';
import { isOutputRow } from '../../tree/nodes/outputNodes';
import { pickProject, requireSession } from '../steps';
import { openNewTaskFile, pickAndReadApp } from '../newTaskFromApp';
import { taskOf } from '../target';
import type { Ctx } from '../../context';

export const TITLE = 'New Task File from Outputs';

export const newTaskFromOutputs = (ctx: Ctx) => async (target?: unknown) => {
  const source = await outputsOf(ctx, target);
  if (!source) return;
  const session = await requireSession(ctx);
  if (!session) return;
  const project = source.owner.project ?? (await pickProject(ctx, session.client, 'Create the task in which project?'));
  if (!project) return;
  try {
    const picked = await pickAndReadApp(ctx, session.client, project, TITLE);
    if (!picked) return;
    const { appId, full } = picked;
    const model = parseApp(full.raw);
    const prefilled = prefillFromFiles(model, source.files);
    await openNewTaskFile(skeletonFileName(appId), taskSkeleton({ project, appId, appName: full.name, model, prefilled }));
    const filled = Object.keys(prefilled);
    if (filled.length === 0) {
      void vscode.window.showWarningMessage(`None of the ${source.files.length} output files fit an input of ${full.name ?? appId} by its file types; choose the files in the new task file.`);
    } else {
      vscode.window.setStatusBarMessage(`Filled ${filled.join(', ')} with outputs of ${source.owner.name ?? source.owner.id}`, 5000);
    }
  } catch (error) {
    const message = error instanceof SbgApiError ? explainFailure(error).message : `The app's CWL could not be read: ${(error as Error).message}`;
    ctx.log.error(message);
    void vscode.window.showErrorMessage(message);
  }
};

/** The files the command starts from: an output row's, or all of a completed task's. */
async function outputsOf(ctx: Ctx, target: unknown): Promise<{ owner: Task; files: readonly OutputFile[] } | undefined> {
  if (isOutputRow(target)) return { owner: target.owner, files: target.files };
  const task = taskOf(target);
  if (task && hasOutputFiles(task)) return { owner: task, files: (await ctx.tree.provider.outputs.describe(task)).files };
  void vscode.window.showWarningMessage('Choose a completed task, or one of its output files, in the Seven Bridges Tasks view.');
  return undefined;
}
