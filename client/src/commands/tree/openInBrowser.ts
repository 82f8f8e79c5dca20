import * as vscode from 'vscode';
import { fileWebUrl } from '../../../../platform/src/environments';
import { openWebPage } from '../../openWebPage';
import { isOutputRow } from '../../tree/nodes/outputNodes';
import { openInBrowser as openTaskPage } from '../taskActions';
import { requireTask } from '../target';
import type { Ctx } from '../../context';

/** Open in Browser: the task's page in the platform's web UI, or an output file's page. */
export const openInBrowser = (ctx: Ctx) => async (target?: unknown) => {
  // Opening a page sends nothing, so neither trust nor a live client is needed; only the environment's web address.
  const session = ctx.session.get();
  if (isOutputRow(target) && target.files.length === 1) {
    const file = target.files[0];
    const project = file.file?.project ?? target.owner.project;
    if (!session) void vscode.window.showWarningMessage(`Sign in to the environment of ${file.name} to open its page.`);
    else if (!project) void vscode.window.showWarningMessage(`The platform did not say which project ${file.name} is in, so its page cannot be opened.`);
    else await openWebPage(fileWebUrl(session.environment, project, file.fileId));
    return;
  }
  const task = requireTask(target, 'open in the browser');
  if (!task) return;
  if (session) await openTaskPage(session, task);
  else void vscode.window.showWarningMessage(`Sign in to the environment of task ${task.name ?? task.id} to open its page.`);
};
