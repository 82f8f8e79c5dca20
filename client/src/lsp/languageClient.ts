/**
 * Starts the bundled language server (dist/server.js) over IPC for `sbg-task` documents and
 * answers its data requests (dataRequestHandlers.ts). The server keeps its app-model cache in the
 * extension's global storage, so it works offline and in untrusted workspaces.
 */
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { ClientNotifications, type InitializationOptions } from '../../../server/src/protocol';
import type { Session } from '../auth/session';
import { dataRequestHandlers } from './dataRequestHandlers';

export async function startLanguageClient(extension: vscode.ExtensionContext, session: Session, log: vscode.LogOutputChannel): Promise<LanguageClient> {
  // Loaded here rather than at the top: evaluating the LSP client library is most of the bundle's
  // start-up cost, and activation should not pay it before it returns.
  const { LanguageClient, TransportKind } = await import('vscode-languageclient/node');
  const serverModule = extension.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'sbg-task' }],
    synchronize: { configurationSection: 'sbgTasks' },
    initializationOptions: { dataSource: 'client', cacheDir: extension.globalStorageUri.fsPath, apiBase: session.get()?.environment.apiBase } satisfies InitializationOptions,
    outputChannel: log,
  };
  const client = new LanguageClient('sbgTasks', 'Seven Bridges Tasks language server', serverOptions, clientOptions);

  const source = { getClient: () => session.client(), isTrusted: () => vscode.workspace.isTrusted };
  for (const [method, handler] of Object.entries(dataRequestHandlers(source))) {
    client.onRequest(method, (params: unknown, token: vscode.CancellationToken) => handler(params, abortSignalOf(token)));
  }
  extension.subscriptions.push(
    session.onDidChange(() => {
      // Before start() the server reads the session from its first data requests; nothing to tell it yet.
      if (!client.isRunning()) return;
      client.sendNotification(ClientNotifications.credentialsChanged, credentialsParams(session)).catch((error: Error) =>
        log.warn(`could not tell the language server about the new session: ${error.message}`),
      );
    }),
  );
  const startedWith = session.get()?.environment.apiBase;
  await client.start();
  // A session read while the server started: tell it, so its app cache uses that environment's models.
  if (session.get()?.environment.apiBase !== startedWith) {
    client.sendNotification(ClientNotifications.credentialsChanged, credentialsParams(session)).catch(() => {});
  }
  return client;
}

function credentialsParams(session: Session): ClientNotifications.CredentialsChangedParams {
  const signedIn = session.get();
  return { environmentId: signedIn?.environment.id, apiBase: signedIn?.environment.apiBase, signedIn: session.client() !== undefined };
}

function abortSignalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
