/**
 * Wiring only: the log channel, accounts and the Accounts-menu provider, the language client
 * and its status item, the platform's diagnostics, and the commands. Each piece lives in its
 * own module; this file decides only what is connected to what.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { environmentForApiBase } from '../../platform/src/environments';
import { ClientNotifications, ServerRequests } from '../../server/src/protocol';
import { registerBatchPreviewView } from './batch/batchPreviewView';
import { applyWorkspaceEdit, previewBatch } from './commands/previewBatch';
import { RecentSends } from './create/recentSends';
import { Accounts } from './auth/accounts';
import { AUTH_PROVIDER_ID, SevenBridgesAuthProvider } from './auth/authProvider';
import { createClient } from './auth/clientFactory';
import { clearCache } from './commands/clearCache';
import type { Command, CommandContext } from './commands/context';
import { createAndRunTask } from './commands/createAndRunTask';
import { createDraftTask } from './commands/createDraftTask';
import { deleteDraft } from './commands/deleteDraft';
import { newTaskFromApp } from './commands/newTaskFromApp';
import { signIn } from './commands/signIn';
import { signOut } from './commands/signOut';
import { switchEnvironment } from './commands/switchEnvironment';
import { updateDraftFromFile } from './commands/updateDraftFromFile';
import { DraftMemory } from './create/draftMemory';
import { SingleFlight } from './create/singleFlight';
import { startLanguageClient } from './languageClient';
import { registerLanguageStatus } from './languageStatus';
import { PlatformDiagnostics } from './platformDiagnostics';
import { disposePrompts, onDidShowPrompt } from './prompts';
import { registerTaskTreeView, type TaskTreeApi } from './tree/registerTaskTreeView';
import { announceSession, disposeSession, getClient, getSession, onDidChangeSession, sessionHolder } from './session';

const COMMANDS: Command[] = [
  signIn, signOut, switchEnvironment, createDraftTask, createAndRunTask, updateDraftFromFile, deleteDraft, newTaskFromApp, clearCache,
  previewBatch, applyWorkspaceEdit,
];

/** What activate() returns: the seam for extension tests and scripts. */
export interface SbgTasksApi {
  getClient: typeof getClient;
  getSession: typeof getSession;
  /** The title of each quick pick or input box the commands show, once it is on screen with its items: tests answer it then. */
  onDidShowPrompt: typeof onDidShowPrompt;
  /** Signs in without a prompt (scripts, tests): the token is checked with GET /user, then kept like Sign In keeps it. */
  signInWithToken(apiUrl: string, token: string): Promise<void>;
  /** The Tasks view's model and provider, for extension tests. */
  taskTree: TaskTreeApi;
}

let languageClient: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<SbgTasksApi> {
  const log = vscode.window.createOutputChannel('Seven Bridges Tasks', { log: true });
  const accounts = new Accounts({
    secrets: context.secrets,
    state: context.globalState,
    log,
    sessions: sessionHolder,
    makeClient: (environment, token) => createClient(environment, token, log),
    env: process.env,
    isTrusted: () => vscode.workspace.isTrusted,
  });
  const platformDiagnostics = new PlatformDiagnostics();
  const authProvider = new SevenBridgesAuthProvider(accounts);
  context.subscriptions.push(log, platformDiagnostics, authProvider, { dispose: disposeSession }, { dispose: disposePrompts }, registerBatchPreviewView());

  // Not awaited: reading SecretStorage must not hold up activation. Commands wait for it below;
  // the tree and the language server follow the session event when it lands.
  const restored = accounts.restore().catch((error: Error) => log.error(`the saved account could not be restored: ${error.message}`));
  context.subscriptions.push(
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, 'Seven Bridges', authProvider),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      announceSession();
      void accounts.refreshUserName();
    }),
    onDidChangeSession((session) => void vscode.commands.executeCommand('setContext', 'sbgTasks.signedIn', session !== undefined)),
  );
  void vscode.commands.executeCommand('setContext', 'sbgTasks.signedIn', getClient() !== undefined);

  // The server starts right after activation returns, so the extension host is not held up by it.
  const started = new Promise<void>((resolve) => setImmediate(resolve)).then(() => startLanguageClient(context, log)).then(
    (client) => {
      languageClient = client;
      context.subscriptions.push(registerLanguageStatus(client));
      return client;
    },
    (error: Error) => {
      log.error(`the language server did not start: ${error.message}`);
      return undefined;
    },
  );

  const ctx: CommandContext = {
    accounts,
    log,
    drafts: new DraftMemory(context.workspaceState),
    flights: new SingleFlight(),
    platformDiagnostics,
    clearServerCache: async () => {
      const client = await started;
      if (!client?.isRunning()) return false;
      await client.sendNotification(ClientNotifications.clearCache);
      return true;
    },
    batchPreview: async (uri) => {
      const client = await started;
      if (!client?.isRunning()) return undefined;
      return client.sendRequest(ServerRequests.batchPreview, { uri: client.code2ProtocolConverter.asUri(uri) });
    },
    applyServerEdit: async (edit) => {
      const client = await started;
      if (!client) return false;
      const converted = await client.protocol2CodeConverter.asWorkspaceEdit(edit as Parameters<typeof client.protocol2CodeConverter.asWorkspaceEdit>[0]);
      return converted ? vscode.workspace.applyEdit(converted) : false;
    },
    recentSends: new RecentSends(),
  };
  for (const command of COMMANDS) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
        await restored;
        void accounts.refreshUserName(); // a user action: the first one may learn the user name
        return command.run(ctx, ...args);
      }),
    );
  }

  return {
    getClient,
    getSession,
    onDidShowPrompt,
    taskTree: registerTaskTreeView(context, ctx),
    signInWithToken: async (apiUrl, token) => {
      await accounts.signIn(environmentForApiBase(apiUrl), token);
    },
  };
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
}
