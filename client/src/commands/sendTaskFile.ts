/**
 * The flow Create Draft Task, Create and Run and Update Draft from File share: take the file
 * (unsaved text included), make sure someone is signed in, warn about errors in the file, ask
 * for a project if it names none, send once with progress and a cancel button, then show
 * the platform's verdict on the file and in a notification.
 */
import * as vscode from 'vscode';
import { accountKey } from '../auth/accounts';
import { sendTaskFile, type SendOutcome } from '../create/createTask';
import { plural } from '../shared/plural';
import { agoText } from '../create/recentSends';
import type { SignedIn } from '../auth/session';
import { revealTasksView } from '../tree/tasksView';
import { pickProject, requireSession, taskDocument } from './steps';
import type { Ctx } from '../context';
import { reportTask } from './taskActions';
import { batchPreview } from '../lsp/serverRequests';

export type SendMode = { kind: 'create'; run: boolean } | { kind: 'update' };

export async function sendTaskFileCommand(ctx: Ctx, mode: SendMode, uri?: vscode.Uri): Promise<void> {
  const document = await taskDocument(uri);
  if (!document) return;
  const flight = await ctx.flights.run(document.uri.toString(), () => send(ctx, document, mode));
  if (!flight.ran) {
    void vscode.window.showWarningMessage(
      `${fileName(document)} is already being sent. Wait for that request to finish: each file sends one request at a time, so one click makes one task.`,
    );
  }
}

async function send(ctx: Ctx, document: vscode.TextDocument, mode: SendMode): Promise<void> {
  const session = await requireSession(ctx);
  if (!session) return;
  const fileKey = document.uri.toString();
  let draftId: string | undefined;
  if (mode.kind === 'update') {
    const remembered = ctx.drafts.get(fileKey);
    if (!remembered) {
      void vscode.window.showWarningMessage(`${fileName(document)} has not created a draft in this workspace yet. Use Create Draft Task first.`);
      return;
    }
    if (remembered.account !== accountKey(session.environment)) {
      void vscode.window.showWarningMessage(`The draft of ${fileName(document)} was made in another environment. Switch to it to update the draft.`);
      return;
    }
    draftId = remembered.taskId;
  }
  // Sending again replaces what the platform said last time.
  ctx.platformDiagnostics.clear(document.uri);
  if (!(await confirmDespiteProblems(document, mode))) return;

  const text = document.getText();
  if (mode.kind === 'create' && !(await confirmResend(ctx, document, text))) return;
  if (mode.kind === 'create' && mode.run && !(await confirmBatchRun(ctx, document))) return;
  let project: string | undefined;
  for (;;) {
    const outcome = await sendWithProgress(ctx, session, { text, project, draftId, run: mode.kind === 'create' && mode.run }, progressTitle(mode, document));
    if (outcome.kind === 'missing-project') {
      project = await pickProject(ctx, session.client, `${fileName(document)} names no "project": choose the project to create the task in`);
      if (!project) return;
      continue;
    }
    await handleOutcome(ctx, session, document, outcome, mode);
    return;
  }
}

async function sendWithProgress(ctx: Ctx, session: SignedIn, options: { text: string; project?: string; draftId?: string; run: boolean }, title: string): Promise<SendOutcome> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const cancellation = token.onCancellationRequested(() => controller.abort());
    const waits = ctx.clients.onDidStartWaiting((wait) =>
      progress.report({
        message: `waiting for the ${wait.reason === 'rate-limit' ? 'API rate limit to reset' : 'platform’s maintenance to end'} (until ${new Date(wait.untilMs).toLocaleTimeString()}); Cancel stops waiting`,
      }),
    );
    try {
      return await sendTaskFile(session.client, { ...options, signal: controller.signal });
    } finally {
      waits.dispose();
      cancellation.dispose();
    }
  });
}

async function handleOutcome(ctx: Ctx, session: SignedIn, document: vscode.TextDocument, outcome: SendOutcome, mode: SendMode): Promise<void> {
  const fileKey = document.uri.toString();
  switch (outcome.kind) {
    case 'invalid-file':
      void vscode.window.showErrorMessage(`${fileName(document)}: ${outcome.message}`);
      return;
    case 'not-a-draft':
      if (mode.kind === 'update') await ctx.drafts.forget(fileKey);
      void vscode.window.showWarningMessage(outcome.message);
      return;
    case 'failed': {
      const { failure } = outcome;
      ctx.log.error(`${fileName(document)}: ${failure.message}`);
      const actions = failure.kind === 'auth' ? ['Sign In'] : failure.maybeCreated ? ['Show Tasks'] : [];
      // Not awaited: the file is free to be sent again as soon as the request has ended.
      void vscode.window.showErrorMessage(failure.message, ...actions).then((choice) => {
        if (choice === 'Sign In') void vscode.commands.executeCommand('sbgTasks.signIn');
        if (choice === 'Show Tasks') void revealTasksView();
      });
      return;
    }
    case 'sent':
      ctx.platformDiagnostics.set(document, outcome.issues, session.environment.name);
      if (mode.kind === 'create') ctx.recentSends.remember(fileKey, document.getText(), outcome.task);
      if (outcome.task.status === 'DRAFT') await ctx.drafts.remember(fileKey, { taskId: outcome.task.id, account: accountKey(session.environment) });
      else await ctx.drafts.forget(fileKey);
      ctx.tree.addTask(outcome.task);
      ctx.log.info(outcome.summary);
      reportTask(ctx, session, outcome.task, outcome.summary);
      return;
    case 'missing-project':
      return; // handled by the caller's loop
  }
}

/** False when the file has errors and the user chose to look at them instead. */
async function confirmDespiteProblems(document: vscode.TextDocument, mode: SendMode): Promise<boolean> {
  const errors = vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
  if (errors.length === 0) return true;
  const anyway = mode.kind === 'update' ? 'Update Anyway' : 'Create Anyway';
  const choice = await vscode.window.showWarningMessage(
    `${fileName(document)} has ${plural(errors.length, 'error')} (first: ${errors[0].message}). The platform may refuse it or make a draft that cannot run.`,
    'Show Problems',
    anyway,
  );
  if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
  return choice === anyway;
}

/** Sending the same content again soon: ask, naming the task it made ("... 3 minutes ago — create another?"). */
async function confirmResend(ctx: Ctx, document: vscode.TextDocument, text: string): Promise<boolean> {
  const recent = ctx.recentSends.sameAsRecent(document.uri.toString(), text);
  if (!recent) return true;
  const task = recent.taskName ? `task "${recent.taskName}" (${recent.taskId})` : `task ${recent.taskId}`;
  const another = 'Create Another';
  const choice = await vscode.window.showWarningMessage(
    `${fileName(document)} created ${task} ${agoText(Date.now() - recent.at)} — create another?`,
    { modal: true, detail: 'The file has not changed since. Each Create makes a new task on the platform.' },
    another,
  );
  return choice === another;
}

/**
 * Create and Run of a batch: ask first, naming the child count and the app ("Create and run 24
 * tasks of STAR align?"), unless the user turned the question off (sbgTasks.confirmBatchRun).
 * The count is the batch preview's; a file that makes no batch is not asked about.
 */
async function confirmBatchRun(ctx: Ctx, document: vscode.TextDocument): Promise<boolean> {
  if (!ctx.config.confirmBatchRun(document.uri)) return true;
  const result = await batchPreview(ctx.languageClient, document.uri).catch((error: Error) => {
    ctx.log.warn(`batch preview before Create and Run failed: ${error.message}`);
    return undefined;
  });
  if (!result) return true;
  const count = result.preview.children.length;
  const app = result.appLabel ?? 'the app';
  const run = 'Create and Run';
  const preview = 'Preview Batch';
  const stopAsking = "Create and Run, Don't Ask Again";
  const choice = await vscode.window.showWarningMessage(
    `Create and run ${count} ${count === 1 ? 'task' : 'tasks'} of ${app}?`,
    { modal: true, detail: `${result.summary}. ${fileName(document)} is a batch: each child is a task of its own that runs (and is billed) on the platform.` },
    run,
    preview,
    stopAsking,
  );
  if (choice === preview) await vscode.commands.executeCommand('sbgTasks.previewBatch', document.uri);
  if (choice === stopAsking) await ctx.config.stopConfirmingBatchRun();
  return choice === run || choice === stopAsking;
}

function progressTitle(mode: SendMode, document: vscode.TextDocument): string {
  if (mode.kind === 'update') return `Updating the draft from ${fileName(document)}…`;
  return `${mode.run ? 'Creating and running a task' : 'Creating a draft task'} from ${fileName(document)}…`;
}

function fileName(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() || document.uri.toString();
}
