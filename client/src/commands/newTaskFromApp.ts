/**
 * New Task File from App: project → app → revision → a new *.sbtask.json with the app's id
 * and every required input as a placeholder of the right shape (optional inputs are left to
 * completion). The file opens unsaved, named after the app in the first workspace folder.
 */
import * as vscode from 'vscode';
import type { SbgClient } from '../../../platform/src/client';
import { SbgApiError } from '../../../platform/src/errors';
import type { App } from '../../../platform/src/types';
import { parseApp } from '../../../server/src/service';
import { explainFailure } from '../create/failure';
import { showQuickPick } from '../prompts';
import { skeletonFileName, taskSkeleton } from '../create/skeleton';
import { appIdWithoutRevision } from '../create/taskFile';
import { pickProject, requireSession, type Command } from './context';

export const newTaskFromApp: Command = {
  id: 'sbgTasks.newTaskFromApp',
  run: async (ctx) => {
    const session = await requireSession(ctx.accounts);
    if (!session) return;
    const project = await pickProject(session.client, 'Create the task in which project?');
    if (!project) return;
    try {
      const app = await pickApp(session.client, project);
      if (!app) return;
      const revision = await pickRevision(app);
      if (revision === undefined) return;
      const full = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Reading the inputs of ${appIdWithoutRevision(app.id)}…` },
        () => session.client.getApp(appIdWithoutRevision(app.id), { revision }),
      );
      const appId = `${appIdWithoutRevision(app.id)}/${revision}`;
      const text = taskSkeleton({ project, appId, appName: full.name, model: parseApp(full.raw) });
      await openNewTaskFile(skeletonFileName(appId), text);
    } catch (error) {
      const message = error instanceof SbgApiError ? explainFailure(error).message : `The app's CWL could not be read: ${(error as Error).message}`;
      ctx.log.error(message);
      void vscode.window.showErrorMessage(message);
    }
  },
};

/** The app to write a task file for, from the project's apps (shared with New Task File from Outputs). */
export async function pickApp(client: SbgClient, project: string, title = 'New Task File from App'): Promise<App | undefined> {
  const apps: App[] = [];
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Listing the apps of ${project}…` }, async () => {
    for await (const app of client.allApps({ project })) apps.push(app);
  });
  if (apps.length === 0) {
    void vscode.window.showWarningMessage(`${project} has no apps. Copy an app into it on the platform first.`);
    return undefined;
  }
  const picked = await showQuickPick(
    apps.map((app) => ({ label: app.name, description: appIdWithoutRevision(app.id), detail: `latest revision ${app.revision}`, app })),
    { title, placeholder: 'Which app?', matchOnDescription: true },
  );
  return picked?.app;
}

export async function pickRevision(app: App): Promise<number | undefined> {
  if (app.revision === 0) return 0;
  const revisions = Array.from({ length: app.revision + 1 }, (_, index) => app.revision - index);
  const picked = await showQuickPick(
    revisions.map((revision) => ({ label: String(revision), description: revision === app.revision ? 'latest' : undefined, revision })),
    { title: `New Task File from ${app.name}`, placeholder: 'Which revision?' },
  );
  return picked?.revision;
}

/** An untitled document that saves as <folder>/<name> (no dialog), or a plain untitled one without a folder. */
export async function openNewTaskFile(name: string, text: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const document = folder
    ? await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name).with({ scheme: 'untitled' }))
    : await vscode.workspace.openTextDocument({ language: 'sbg-task', content: text });
  const editor = await vscode.window.showTextDocument(document);
  if (folder) {
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, document.lineCount, 0), text));
    if (document.languageId !== 'sbg-task') await vscode.languages.setTextDocumentLanguage(document, 'sbg-task');
  }
}
