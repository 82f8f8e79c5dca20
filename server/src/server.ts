/**
 * The LSP wiring around the pure service (docs/ARCHITECTURE.md): open documents, pull or debounced push
 * diagnostics, settings, cancellation, and the platform data layer that fetches in the
 * background and asks for a revalidation when data arrives. No language smarts live here.
 */
import {
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CompletionList,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AppStatusReporter } from './appStatus';
import { ClientPlatformData } from './data/clientPlatformData';
import { DataLayer } from './data/dataLayer';
import { DirectPlatformData } from './data/directPlatformData';
import { DiskCache, defaultCacheDir } from './data/diskCache';
import { checkedDocuments } from './documentSync';
import { connectToPlatform } from './data/platformConnection';
import type { PlatformData } from './data/platformData';
import { ClientNotifications, ServerRequests, type InitializationOptions } from './protocol';
import { LanguageModelCache } from './languageModelCache';
import { DebouncedPush } from './pushDiagnostics';
import { runSafe, runSafeNotification, type Log } from './runSafe';
import * as service from './service';
import { SettingsStore } from './settings';
import { packageVersion } from './version';

/** Quiet time after an edit before push diagnostics run. */
const PUSH_DELAY_MS = 250;
/** Data often arrives in bursts (app, then files): one refresh for a burst. */
const REFRESH_DELAY_MS = 50;

export function startServer(connection: Connection): void {
  const log: Log = (message) => connection.console.log(message);
  const documents = new TextDocuments(checkedDocuments);

  let data = new DataLayer(); // replaced at initialize, once the source and the cache folder are known
  let pullDiagnostics = false;
  let refreshSupport = false;
  let codeLensRefreshSupport = false;
  let configurationSupport = false;
  let configurationDynamicRegistration = false;
  let initOptions: InitializationOptions = {};
  /** The API base the VS Code client is (or was last) signed in to: the app cache's environment. */
  let clientApiBase: string | undefined;

  const settings = new SettingsStore(connection, () => configurationSupport);
  const idsCache = new LanguageModelCache((document) => service.referencedIds(document));
  const appStatus = new AppStatusReporter(connection);
  const push = new DebouncedPush(PUSH_DELAY_MS, (uri) => runSafeNotification(log, 'Validation', () => pushDiagnostics(uri)));

  /** Standalone: the platform client from the environment variables or a credentials profile. */
  async function directSource(): Promise<PlatformData | undefined> {
    const result = await connectToPlatform({ profile: initOptions.profile });
    if (result.kind === 'connected') {
      log(`Platform data from ${result.connection.environment.name} (credentials: ${result.connection.source}).`);
      return new DirectPlatformData(result.connection.client);
    }
    log(`No platform data: ${result.message} App ports come from the cache only.`);
    return undefined;
  }

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    const capabilities = params.capabilities;
    pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    codeLensRefreshSupport = capabilities.workspace?.codeLens?.refreshSupport === true;
    configurationSupport = capabilities.workspace?.configuration === true;
    configurationDynamicRegistration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;

    clientApiBase = typeof initOptions.apiBase === 'string' ? initOptions.apiBase : undefined;
    const source = initOptions.dataSource === 'client' ? new ClientPlatformData(connection, clientApiBase) : await directSource();
    data = new DataLayer({ source, disk: new DiskCache(initOptions.cacheDir || defaultCacheDir(), log), log });
    data.onDidChange(() => dataChanged());

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['"', ':', '/', ' '], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        diagnosticProvider: pullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'sbg-task-ls', version: packageVersion() },
    };
  });

  connection.onInitialized(() => {
    // Clients that pull configuration send didChangeConfiguration only when a server registers for it.
    if (configurationDynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sbgTasks' }).catch(() => {});
    }
  });

  /** The diagnostics of a document with whatever data is at hand (never waits for the platform). */
  async function diagnosticsOf(document: TextDocument): Promise<Diagnostic[]> {
    const { validation, liveChecks } = await settings.get(document.uri);
    const ids = idsCache.get(document);
    const context = data.contexts.build(ids, { liveChecks });
    appStatus.report(document.uri, ids.app, context.app);
    return service.validate(document, context, validation);
  }

  async function pushDiagnostics(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const diagnostics = await diagnosticsOf(document);
    if (documents.get(uri)?.version !== version) return; // edited meanwhile: a newer push is scheduled
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  let refreshTimer: NodeJS.Timeout | undefined;
  /** App models, projects or files arrived or changed: every open document is checked again. */
  function dataChanged(): void {
    if (refreshTimer) return;
    // A timer's callback runs outside every handler: what it throws would end the process.
    refreshTimer = setTimeout(() => runSafeNotification(log, 'Refresh after new data', () => {
      refreshTimer = undefined;
      // The language status follows the data at once, also when no pull comes.
      for (const document of documents.all()) {
        const app = idsCache.get(document).app;
        appStatus.report(document.uri, app, app && data.apps.get(app));
      }
      // Batch lenses count children from file metadata that may just have arrived.
      if (codeLensRefreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => log(`CodeLens refresh failed: ${error}`));
      if (pullDiagnostics) {
        if (refreshSupport) void connection.languages.diagnostics.refresh().catch((error) => log(`Diagnostic refresh failed: ${error}`));
      } else {
        for (const document of documents.all()) push.schedule(document.uri, 0);
      }
    }), REFRESH_DELAY_MS);
  }

  documents.onDidOpen(({ document }) => {
    if (!pullDiagnostics) push.schedule(document.uri, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (!pullDiagnostics) push.schedule(document.uri);
  });
  documents.onDidClose(({ document }) => {
    push.cancel(document.uri);
    idsCache.delete(document.uri);
    service.forgetEdits(document.uri);
    settings.forget(document.uri);
    appStatus.forget(document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params, token) => runSafe<DocumentDiagnosticReport>(log, 'Diagnostics', token,
    { kind: DocumentDiagnosticReportKind.Full, items: [] },
    async () => {
      const document = documents.get(params.textDocument.uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: document ? await diagnosticsOf(document) : [] };
    }));

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params?.settings); // a client that sends no params still gets its documents checked again
    dataChanged();
  });

  connection.onNotification(ClientNotifications.credentialsChanged, (params) => runSafeNotification(log, 'Credentials change', async () => {
    log(params.signedIn ? `Signed in to ${params.environmentId ?? 'an environment'}: live data is fetched again.` : 'Signed out: app ports come from the cache only.');
    if (typeof params.apiBase === 'string') clientApiBase = params.apiBase;
    // In VS Code the client answers for the new account; standalone, the credentials are read again.
    data.setSource(initOptions.dataSource === 'client' ? new ClientPlatformData(connection, clientApiBase) : await directSource());
  }));

  connection.onNotification(ClientNotifications.clearCache, () => runSafeNotification(log, 'Clear cache', async () => {
    await data.clearCache();
  }));

  /** The document and its current TaskContext, for the features that read the app. */
  async function withContext<T>(uri: string, empty: T, work: (document: TextDocument, context: service.TaskContext) => T | Promise<T>): Promise<T> {
    const document = documents.get(uri);
    if (!document) return empty;
    const { liveChecks } = await settings.get(uri);
    return work(document, data.contexts.build(idsCache.get(document), { liveChecks }));
  }

  connection.onCompletion((params, token) => runSafe<CompletionList | null>(log, 'Completion', token, null,
    (signal) => withContext(params.textDocument.uri, null, (document, context) =>
      service.complete(document, params.position, context, data.completion, signal))));

  connection.onHover((params, token) => runSafe(log, 'Hover', token, null,
    () => withContext(params.textDocument.uri, null, (document, context) => service.hover(document, params.position, context) ?? null)));

  connection.onCodeAction((params, token) => runSafe<CodeAction[]>(log, 'Code actions', token, [], () => {
    // Every action the service offers is a quick fix.
    if (params.context.only && !params.context.only.some((kind) => kind === 'quickfix' || kind === '')) return [];
    return withContext(params.textDocument.uri, [], (document, context) =>
      service.codeActions(document, params.range, params.context.diagnostics, context));
  }));

  connection.onCodeLens((params, token) => runSafe(log, 'CodeLens', token, [], () =>
    withContext(params.textDocument.uri, [], (document, context) => service.codeLenses(document, context))));

  connection.onRequest(ServerRequests.batchPreview, (params, token) =>
    runSafe<ServerRequests.BatchPreviewResult | null>(log, 'Batch preview', token, null, async () => {
      const document = documents.get(params.uri);
      if (!document) return null;
      // The preview needs the app (it may batch by default), then the metadata of the batch input's
      // files only: one app GET unless cached, then bulk file gets of ≤100 ids, cached.
      const { app } = idsCache.get(document);
      const withApp = await data.contexts.ensure({ app, fileIds: [] }, { liveChecks: true });
      const context = await data.contexts.ensure({ app, fileIds: service.batchFileIds(document, withApp) }, { liveChecks: true });
      const preview = service.batchPreview(document, context);
      if (!preview) return null;
      const title = document.uri.split('/').pop() ?? document.uri;
      const model = context.app?.state === 'ready' ? context.app.model : undefined;
      return { preview, summary: service.batchSummary(preview), markdown: service.renderBatchPreview(preview, decodeURIComponent(title)), appLabel: model?.label };
    }));

  connection.onDocumentFormatting((params, token) => runSafe(log, 'Formatting', token, [], () => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.format(document, undefined, params.options) : [];
  }));

  connection.onDocumentRangeFormatting((params, token) => runSafe(log, 'Range formatting', token, [], () => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.format(document, params.range, params.options) : [];
  }));

  connection.onDocumentSymbol((params, token) => runSafe(log, 'Document symbols', token, [], () => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.documentSymbols(document) : [];
  }));

  connection.onFoldingRanges((params, token) => runSafe(log, 'Folding ranges', token, [], () => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.foldingRanges(document) : [];
  }));

  connection.onSelectionRanges((params, token) => runSafe(log, 'Selection ranges', token, [], () => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.selectionRanges(document, params.positions) : [];
  }));

  connection.onShutdown(() => {
    push.dispose();
    if (refreshTimer) clearTimeout(refreshTimer);
  });

  documents.listen(connection);
  connection.listen();
}
