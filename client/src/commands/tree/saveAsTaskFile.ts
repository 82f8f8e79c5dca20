import * as vscode from 'vscode';
import { fileNameFor, taskFileBody } from '../../tree/taskFileBody';
import { requireSession } from '../context';
import { reportFailure, requireTask, type TreeCommand } from './treeCommand';

/** Save as Task File: the task's app, project and inputs as a new *.sbtask.json, ready to edit and send again. */
export const saveAsTaskFile: TreeCommand = {
  id: 'sbgTasks.saveAsTaskFile',
  run: async (ctx, target) => {
    const task = requireTask(target, 'save as a task file');
    const session = task && (await requireSession(ctx.commands.accounts));
    if (!task || !session) return;
    let body;
    try {
      body = taskFileBody(await session.client.getTask(task.id));
    } catch (error) {
      return reportFailure(ctx, `read ${task.id}`, error);
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileNameFor(task)) : undefined,
      filters: { 'Task files': ['sbtask.json'] },
      title: 'Save as Task File',
    });
    if (!uri) return;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(body, null, 2) + '\n'));
    await vscode.window.showTextDocument(uri);
  },
};
