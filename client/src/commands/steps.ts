/**
 * The steps several commands share: finding the task file, making sure someone is signed in,
 * picking a project, reporting a failed request.
 */
import * as vscode from 'vscode';
import type { SbgClient } from '../../../platform/src/client';
import type { Project } from '../../../platform/src/types';
import { PROJECT_LIST_FIELDS } from '../../../server/src/protocol';
import type { SignedIn } from '../auth/session';
import { runSignIn } from '../auth/signInFlow';
import type { Ctx } from '../context';
import { explainFailure } from '../shared/failure';

const TASK_FILE = /\.sbtask\.json$/i;

function isTaskDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'sbg-task' || TASK_FILE.test(document.uri.path);
}

/** The file a command is about: the one clicked (explorer, editor title), else the active editor's. */
export async function taskDocument(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  const document = vscode.window.activeTextEditor?.document;
  if (document && isTaskDocument(document)) return document;
  void vscode.window.showWarningMessage('Open a task file (*.sbtask.json) first, or run the command from its context menu.');
  return undefined;
}

/** The session to send with; offers Sign In (and continues with it) when there is none. */
export async function requireSession(ctx: Ctx): Promise<SignedIn | undefined> {
  if (!vscode.workspace.isTrusted) {
    const choice = await vscode.window.showWarningMessage(
      'This workspace is not trusted, so nothing is sent to the platform. Trust it to create tasks.',
      'Manage Workspace Trust',
    );
    if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
    return undefined;
  }
  const session = ctx.session.get();
  if (session && ctx.session.client()) return session;
  const choice = await vscode.window.showInformationMessage('Sign in to a Seven Bridges environment first.', 'Sign In');
  return choice ? runSignIn(ctx) : undefined;
}

/** A quick pick of the user's projects (paged in as they arrive). */
export async function pickProject(ctx: Ctx, client: SbgClient, placeHolder: string): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { project: Project }>();
  pick.title = 'Seven Bridges: Choose a Project';
  pick.placeholder = placeHolder;
  pick.busy = true;
  pick.ignoreFocusOut = true;
  const controller = new AbortController();
  const chosen = new Promise<string | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]?.project.id));
    pick.onDidHide(() => resolve(undefined));
  });
  pick.show();
  void (async () => {
    try {
      for await (const project of client.allProjects({ signal: controller.signal, fields: PROJECT_LIST_FIELDS })) {
        pick.items = [...pick.items, { label: project.name, description: project.id, project }];
      }
      if (pick.items.length === 0) pick.placeholder = 'You have no projects in this environment.';
    } catch (error) {
      if (!controller.signal.aborted) pick.placeholder = `Could not list projects: ${(error as Error).message}`;
    } finally {
      pick.busy = false;
      ctx.prompts.announce(pick.title);
    }
  })();
  const projectId = await chosen;
  controller.abort();
  pick.dispose();
  return projectId;
}

/** Logs what failed and shows the platform's answer, which says what to do about it. */
export function reportFailure(log: vscode.LogOutputChannel, what: string, error: unknown): void {
  const { message } = explainFailure(error);
  log.error(`${what}: ${message}`);
  void vscode.window.showErrorMessage(message);
}
