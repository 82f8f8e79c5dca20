/**
 * The language server as an editor drives it, for the stdio benchmarks: the bundled server
 * (dist/server.js) started over stdio by the tests' small LSP client (test/server/lspClient.ts,
 * writing each message at once as stdio editors do),
 * one document open, and each measured step a one-character `didChange` followed at once by a
 * request, timed from sending the change to reading the answer's last byte (answerClock.ts).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isolatedEnv, TestClient } from '../server/lspClient';
import { AnswerClock } from './answerClock';

export interface SessionOptions {
  serverMain: string;
  home: string;
  apiUrl: string;
  token: string;
  liveChecks: boolean;
  nodeArgs?: string[];
}

/** How long to wait for the next diagnostic refresh before calling the server stuck. */
const SETTLE_GRACE_MS = 30_000;

export class LspSession {
  private document!: TextDocument;
  private edits = 0;

  private readonly clock: AnswerClock;

  private constructor(private readonly client: TestClient, readonly uri: string) {
    this.clock = new AnswerClock(client.child.stdout!);
  }

  static async start(options: SessionOptions, uri: string): Promise<LspSession> {
    const { client } = await TestClient.start({
      env: isolatedEnv(options.home, { SB_API_ENDPOINT: options.apiUrl, SB_AUTH_TOKEN: options.token }),
      pull: true,
      settings: { validation: { liveChecks: options.liveChecks } },
      serverMain: options.serverMain,
      nodeArgs: options.nodeArgs,
      // As the editors that start sbg-task-ls over stdio write (Neovim, Helix, Emacs): a message in
      // one write. VS Code uses --node-ipc, one message per send. vscode-jsonrpc's stdio writer
      // would add a wake-up of the server per message (docs/DECISIONS.md, "The pipe, measured").
      wholeMessages: true,
    });
    return new LspSession(client, uri);
  }

  get text(): string {
    return this.document.getText();
  }

  /**
   * Opens the document and waits until the server's diagnostics count `expected(text)` (the
   * in-process service's count with everything known): the app and, with live checks, the files
   * arrive in the background and each arrival ends with a diagnostic refresh.
   */
  async open(text: string, expected: (text: string) => number): Promise<Diagnostic[]> {
    this.document = TextDocument.create(this.uri, 'sbg-task', 1, text);
    await this.client.open(this.uri, text);
    return this.settle(expected);
  }

  async settle(expected: (text: string) => number): Promise<Diagnostic[]> {
    const want = expected(this.text);
    for (;;) {
      const from = this.client.received.length;
      const items = (await this.client.pull(this.uri)).items as Diagnostic[];
      if (items.length === want) return items;
      await this.nextRefresh(from, () => `the server reports ${items.length} diagnostics, the in-process service ${want}`);
    }
  }

  /**
   * Waits until a hover over `offset` satisfies `done`: file lookups answer all at once, and a
   * hover over a file id shows the file once it is known, where diagnostics of files that exist
   * look the same before and after.
   */
  async waitForHover(offset: number, done: (markdown: string) => boolean): Promise<string> {
    for (;;) {
      const from = this.client.received.length;
      const hover = await this.client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: this.uri }, position: this.document.positionAt(offset) });
      const markdown = hover?.contents.value ?? '';
      if (done(markdown)) return markdown;
      await this.nextRefresh(from, () => `hover shows ${JSON.stringify(markdown)}`);
    }
  }

  private async nextRefresh(from: number, state: () => string): Promise<void> {
    const refreshed = await Promise.race([
      this.client.waitFor((message) => message.method === 'workspace/diagnostic/refresh', from).then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), SETTLE_GRACE_MS).unref()),
    ]);
    if (!refreshed) throw new Error(`${state()}, and no refresh came for ${SETTLE_GRACE_MS / 1000} s`);
  }

  /**
   * Types one character at `offset` (in the text as it is now) into this side's copy, and returns
   * the didChange as VS Code sends it. The copy is updated before the clock starts: an editor has
   * its own model, and what is timed is the server's work.
   */
  private change(offset: number): () => Promise<void> {
    const position = this.document.positionAt(offset);
    const version = this.document.version + 1;
    const change = { range: { start: position, end: position }, text: 'x' };
    TextDocument.update(this.document, [change], version);
    this.edits++;
    const params = { textDocument: { uri: this.uri, version }, contentChanges: [change] };
    return () => this.client.connection.sendNotification('textDocument/didChange', params);
  }

  /**
   * ms from sending a one-character change to reading the last byte of the answer of the pull that
   * follows it (`dispatchedMs`: to the test client's library handing the answer on), and the answer.
   */
  async editThenDiagnostics(offset: number): Promise<{ ms: number; dispatchedMs: number; items: Diagnostic[] }> {
    const send = this.change(offset);
    const answered = this.clock.nextAnswer();
    const start = process.hrtime.bigint();
    await send();
    const items = (await this.client.pull(this.uri)).items as Diagnostic[];
    const dispatched = process.hrtime.bigint();
    return { ms: Number((await answered) - start) / 1e6, dispatchedMs: Number(dispatched - start) / 1e6, items };
  }

  /** As editThenDiagnostics, for a completion right after the change, at `at(text after the change)`. */
  async editThenComplete(offset: number, at: (text: string) => number): Promise<{ ms: number; dispatchedMs: number; labels: string[] }> {
    const send = this.change(offset);
    const position = this.document.positionAt(at(this.document.getText()));
    const answered = this.clock.nextAnswer();
    const start = process.hrtime.bigint();
    await send();
    const answer = await this.client.request<{ items: { label: string }[] } | null>('textDocument/completion', { textDocument: { uri: this.uri }, position });
    const dispatched = process.hrtime.bigint();
    return { ms: Number((await answered) - start) / 1e6, dispatchedMs: Number(dispatched - start) / 1e6, labels: (answer?.items ?? []).map((item) => item.label) };
  }

  get editCount(): number {
    return this.edits;
  }

  /** Shuts the server down; a second call does nothing. */
  stop(): Promise<void> {
    this.stopping ??= this.client.stop();
    return this.stopping;
  }

  private stopping: Promise<void> | undefined;
}
