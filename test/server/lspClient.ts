/**
 * A small LSP client for tests: starts the compiled server (out/server/src/main.js) as a child
 * process over real stdio, answers the requests a server sends to its client (configuration,
 * registration, diagnostic refresh), and records every notification so a test can wait for the
 * one it needs instead of sleeping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, InitializeResult } from 'vscode-languageserver-protocol';
import { WholeMessageWriter } from '../../server/src/wholeMessageWriter';

export const SERVER_MAIN = path.resolve(__dirname, '../../server/src/main.js');

export interface TestClientOptions {
  env: NodeJS.ProcessEnv;
  /** Announce pull diagnostics (and refresh support); otherwise the server pushes. */
  pull: boolean;
  initializationOptions?: unknown;
  /** The `sbgTasks` section answered to workspace/configuration. */
  settings?: unknown;
  /** The server to start; default the compiled one (SERVER_MAIN). The bench starts the bundle, dist/server.js. */
  serverMain?: string;
  /** Options for node before the server's path (the bench profiles with --cpu-prof). */
  nodeArgs?: string[];
  /**
   * Write each message in one write, header and body together, as editors that talk to a server
   * over stdio do (Neovim, Helix, Emacs). Otherwise vscode-jsonrpc's writer: the header, a wait for
   * that write, then the body, so the server wakes for a header it cannot use yet.
   */
  wholeMessages?: boolean;
}

export interface Received {
  method: string;
  params: any;
}

export class TestClient {
  readonly received: Received[] = [];
  refreshes = 0;
  stderr = '';
  private waiters: (() => void)[] = [];

  private constructor(readonly child: ChildProcess, readonly connection: MessageConnection) {}

  static async start(options: TestClientOptions): Promise<{ client: TestClient; initialize: InitializeResult }> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverMain ?? SERVER_MAIN, '--stdio'], { env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const writer = options.wholeMessages ? new WholeMessageWriter(child.stdin!) : new StreamMessageWriter(child.stdin!);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), writer);
    const client = new TestClient(child, connection);
    child.stderr!.on('data', (chunk) => (client.stderr += chunk));
    // A server that dies sends nothing more: wake the waiters so they report the exit instead of hanging.
    child.once('exit', () => client.wake());
    connection.onNotification((method: string, params: unknown) => client.record({ method, params }));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? {}));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshes++;
      client.record({ method: 'workspace/diagnostic/refresh', params: undefined });
      return null;
    });
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: options.pull ? { refreshSupport: true } : undefined },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        completion: { completionItem: { snippetSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        publishDiagnostics: { versionSupport: true },
        diagnostic: options.pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
      },
    };
    const initialize = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions: options.initializationOptions,
    }) as InitializeResult;
    await connection.sendNotification('initialized', {});
    return { client, initialize };
  }

  private record(message: Received): void {
    this.received.push(message);
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Ended by itself or by a signal (a killed child has no exit code, only a signal code). */
  private get hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Resolves with the first message received (from `from` on) that matches. */
  async waitFor(predicate: (message: Received) => boolean, from = 0): Promise<Received> {
    for (;;) {
      const found = this.received.slice(from).find(predicate);
      if (found) return found;
      if (this.hasExited) {
        throw new Error(`the server exited (${this.child.exitCode ?? this.child.signalCode}): ${this.stderr}`);
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** The next push of diagnostics for `uri`, received after message number `from`. */
  async nextDiagnostics(uri: string, from: number, accept: (diagnostics: any[]) => boolean = () => true): Promise<any[]> {
    const message = await this.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && accept(m.params.diagnostics), from);
    return message.params.diagnostics;
  }

  /**
   * The push of diagnostics for `uri` at document version `version`. After an edit, the next push
   * received may still be of the version before: a refresh after new data (an app lookup that
   * ended) validates the old text again when it runs before the server reads the edit.
   */
  async diagnosticsOfVersion(uri: string, version: number, from = 0): Promise<any[]> {
    const message = await this.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version, from);
    return message.params.diagnostics;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sbg-task', version, text } });
  }

  pull(uri: string): Promise<{ kind: string; items: any[] }> {
    return this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }

  request<R = any>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    if (!this.hasExited) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        this.child.kill();
      }
      await exited;
    }
    this.connection.dispose();
  }
}

/** An environment for the server or the CLI: no credentials unless given, caches and home in `home`. */
export function isolatedEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: path.join(home, 'cache'), ...extra };
}
