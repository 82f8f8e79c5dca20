/**
 * New Task File from App: project → app → revision → a new *.sbtask.json with the app's id
 * and every required input as a placeholder of the right shape (optional inputs are left to
 * completion). The file opens unsaved, named after the app in the first workspace folder.
 */
import * as vscode from 'vscode';
import type { SbgClient } from '../../../platform/src/client';
import { SbgApiError } from '../../../platform/src/errors';
import type { App } from '../../../platform/src/types';
import { APP_LIST_FIELDS } from '../../../server/src/protocol';
import { parseApp } from '../../../server/src/service';
import { explainFailure } from '../shared/failure';
import { skeletonFileName, taskSkeleton } from '../create/skeleton';
import { appIdWithoutRevision } from '../create/taskFile';
import { pickProject, requireSession } from './steps';
import type { Ctx } from '../context';

export const newTaskFromApp = (ctx: Ctx) => async () => {
  const session = await requireSession(ctx);
  if (!session) return;
  const project = await pickProject(ctx, session.client, 'Create the task in which project?');
  if (!project) return;
  try {
    const picked = await pickAndReadApp(ctx, session.client, project);
    if (!picked) return;
    const { appId, full } = picked;
    const text = taskSkeleton({ project, appId, appName: full.name, model: parseApp(full.raw) });
    await openNewTaskFile(skeletonFileName(appId), text);
  } catch (error) {
    const message = error instanceof SbgApiError ? explainFailure(error).message : `The app's CWL could not be read: ${(error as Error).message}`;
    ctx.log.error(message);
    void vscode.window.showErrorMessage(message);
  }
};

/**
 * The app to write a task file for and its revision, picked from the project's apps, then read
 * whole (with its CWL) under a progress notification; undefined when the user cancelled.
 */
export async function pickAndReadApp(ctx: Ctx, client: SbgClient, project: string, title?: string): Promise<{ appId: string; full: App } | undefined> {
  const app = await pickApp(ctx, client, project, title);
  if (!app) return undefined;
  const revision = await pickRevision(ctx, app);
  if (revision === undefined) return undefined;
  const full = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Reading the inputs of ${appIdWithoutRevision(app.id)}…` },
    () => client.getApp(appIdWithoutRevision(app.id), { revision }),
  );
  return { appId: `${appIdWithoutRevision(app.id)}/${revision}`, full };
}

/** The app to write a task file for, from the project's apps. */
async function pickApp(ctx: Ctx, client: SbgClient, project: string, title = 'New Task File from App'): Promise<App | undefined> {
  const apps: App[] = [];
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Listing the apps of ${project}…` }, async () => {
    for await (const app of client.allApps({ project, fields: APP_LIST_FIELDS })) apps.push(app);
  });
  if (apps.length === 0) {
    void vscode.window.showWarningMessage(`${project} has no apps. Copy an app into it on the platform first.`);
    return undefined;
  }
  const picked = await ctx.prompts.quickPick(
    apps.map((app) => ({ label: app.name, description: appIdWithoutRevision(app.id), detail: `latest revision ${app.revision}`, app })),
    { title, placeholder: 'Which app?', matchOnDescription: true },
  );
  return picked?.app;
}

async function pickRevision(ctx: Ctx, app: App): Promise<number | undefined> {
  if (app.revision === 0) return 0;
  const revisions = Array.from({ length: app.revision + 1 }, (_, index) => app.revision - index);
  const picked = await ctx.prompts.quickPick(
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
