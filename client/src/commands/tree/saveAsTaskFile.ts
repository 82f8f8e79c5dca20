import * as vscode from 'vscode';
import { fileNameFor, taskFileBody } from '../../tree/taskFileBody';
import { reportFailure } from '../steps';
import { requireTaskAndSession } from '../target';
import type { Ctx } from '../../context';

/** Save as Task File: the task's app, project and inputs as a new *.sbtask.json, ready to edit and send again. */
export const saveAsTaskFile = (ctx: Ctx) => async (target?: unknown) => {
  const chosen = await requireTaskAndSession(ctx, target, 'save as a task file');
  if (!chosen) return;
  const { task, session } = chosen;
  let body;
  try {
    body = taskFileBody(await session.client.getTask(task.id));
  } catch (error) {
    return reportFailure(ctx.log, `read ${task.id}`, error);
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileNameFor(task)) : undefined,
    // 'json' too: VS Code's own dialog (remote, web) compares only the last extension with these and
    // otherwise appends the first, saving "align.sbtask.json.sbtask.json"; a bare name still gets ".sbtask.json".
    filters: { 'Task files': ['sbtask.json', 'json'] },
    title: 'Save as Task File',
  });
  if (!uri) return;
  await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(body, null, 2) + '\n'));
  await vscode.window.showTextDocument(uri);
};
