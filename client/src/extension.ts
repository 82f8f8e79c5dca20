/**
 * Wiring only: builds the extension's context once (context.ts: log, settings, session,
 * accounts, language client, Tasks view, …), registers the command table (commands/index.ts)
 * and the pieces VS Code asks for (Accounts menu, language status), and returns the API the
 * extension tests drive. Each piece lives in its own module; this file decides only what is
 * connected to what.
 */
import * as vscode from 'vscode';
import type { Task } from '../../platform/src/types';
import { environmentForApiBase } from '../../platform/src/environments';
import type { SbgClient } from '../../platform/src/client';
import { Accounts } from './auth/accounts';
import { AUTH_PROVIDER_ID, SevenBridgesAuthProvider } from './auth/authProvider';
import { ClientFactory } from './auth/clientFactory';
import { Session, type SignedIn } from './auth/session';
import { BatchPreviews } from './batch/batchPreviewView';
import { registerCommands } from './commands';
import { Config } from './config';
import type { Ctx } from './context';
import { DraftMemory } from './create/draftMemory';
import { PlatformDiagnostics } from './create/platformDiagnostics';
import { RecentSends } from './create/recentSends';
import { startLanguageClient } from './lsp/languageClient';
import { registerLanguageStatus } from './lsp/languageStatus';
import { Prompts } from './shared/prompts';
import { SingleFlight } from './shared/singleFlight';
import { createTaskTree } from './tree/taskTree';
import type { TaskTreeModel } from './tree/taskTreeModel';
import type { TaskTreeProvider } from './tree/taskTreeProvider';

/** What activate() returns: the seam for extension tests and scripts. */
export interface SbgTasksApi {
  /** The platform client to use now; undefined when signed out or untrusted. */
  getClient(): SbgClient | undefined;
  /** The signed-in session, or undefined when signed out. */
  getSession(): SignedIn | undefined;
  /** The title of each quick pick or input box the commands show, once it is on screen with its items: tests answer it then. */
  onDidShowPrompt: vscode.Event<string>;
  /** Signs in without a prompt (scripts, tests): the token is checked with GET /user, then kept like Sign In keeps it. */
  signInWithToken(apiUrl: string, token: string): Promise<void>;
  /** The Tasks view's model and provider, for extension tests. */
  taskTree: TaskTreeApi;
}

/** What the extension's API exposes of the tree, for its tests. */
export interface TaskTreeApi {
  readonly model: TaskTreeModel;
  readonly provider: TaskTreeProvider;
  watch(task: Task | string): void;
  /** Polls now, as the Refresh button does (without clearing the server's cache). */
  refresh(): Promise<void>;
}

/** The running extension's context, for deactivate() only. */
let running: Ctx | undefined;

export async function activate(extension: vscode.ExtensionContext): Promise<SbgTasksApi> {
  const ctx = createContext(extension);
  running = ctx;
  const { accounts, session } = ctx;
  extension.subscriptions.push(
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, 'Seven Bridges', new SevenBridgesAuthProvider(ctx)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      session.announce();
      void accounts.refreshUserName();
    }),
    session.onDidChange((signedIn) => void vscode.commands.executeCommand('setContext', 'sbgTasks.signedIn', signedIn !== undefined)),
    ...registerCommands(ctx),
  );
  void vscode.commands.executeCommand('setContext', 'sbgTasks.signedIn', session.client() !== undefined);

  return {
    getClient: () => session.client(),
    getSession: () => session.get(),
    onDidShowPrompt: ctx.prompts.onDidShow,
    taskTree: {
      model: ctx.tree.model,
      provider: ctx.tree.provider,
      watch: (task) => ctx.tree.addTask(task),
      refresh: () => ctx.tree.refresh(),
    },
    signInWithToken: async (apiUrl, token) => {
      await accounts.signIn(environmentForApiBase(apiUrl), token);
    },
  };
}

export async function deactivate(): Promise<void> {
  const client = await running?.languageClient;
  running = undefined;
  await client?.stop();
}

/** Builds every shared part once; each goes into the extension's subscriptions, so deactivation disposes it. */
function createContext(extension: vscode.ExtensionContext): Ctx {
  const subscriptions = extension.subscriptions;
  const log = vscode.window.createOutputChannel('Seven Bridges Tasks', { log: true });
  const config = new Config();
  const session = new Session();
  const prompts = new Prompts();
  const clients = new ClientFactory(log, config);
  const accounts = new Accounts({
    secrets: extension.secrets,
    state: extension.globalState,
    log,
    sessions: session,
    makeClient: (environment, token) => clients.create(environment, token),
    env: process.env,
    isTrusted: () => vscode.workspace.isTrusted,
  });
  const platformDiagnostics = new PlatformDiagnostics();
  const batchPreviews = new BatchPreviews();
  subscriptions.push(log, config, session, prompts, clients, platformDiagnostics, batchPreviews);

  // Not awaited: reading SecretStorage must not hold up activation. Commands wait for it; the
  // tree and the language server follow the session event when it lands.
  const restored = accounts.restore().catch((error: Error) => log.error(`the saved account could not be restored: ${error.message}`));

  // The server starts right after activation returns, so the extension host is not held up by it.
  const languageClient = new Promise<void>((resolve) => setImmediate(resolve)).then(() => startLanguageClient(extension, session, log)).then(
    (client) => {
      subscriptions.push(registerLanguageStatus(client));
      return client;
    },
    (error: Error) => {
      log.error(`the language server did not start: ${error.message}`);
      return undefined;
    },
  );

  return {
    extension,
    log,
    config,
    session,
    accounts,
    clients,
    prompts,
    languageClient,
    tree: createTaskTree(subscriptions, extension.workspaceState, session, config),
    drafts: new DraftMemory(extension.workspaceState),
    flights: new SingleFlight(),
    recentSends: new RecentSends(),
    batchPreviews,
    platformDiagnostics,
    restored,
  };
}
