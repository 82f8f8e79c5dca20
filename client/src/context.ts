/**
 * Everything the extension's parts share, built once in activate() (extension.ts) and handed to
 * every command: no part reaches into module-level state, so nothing needs resetting between
 * tests and each command says by its use of `ctx` what it depends on.
 */
import type * as vscode from 'vscode';
import type { Accounts } from './auth/accounts';
import type { BatchPreviews } from './batch/batchPreviewView';
import type { ClientFactory } from './auth/clientFactory';
import type { Session } from './auth/session';
import type { Config } from './config';
import type { DraftMemory } from './create/draftMemory';
import type { PlatformDiagnostics } from './create/platformDiagnostics';
import type { RecentSends } from './create/recentSends';
import type { LanguageClientPromise } from './lsp/serverRequests';
import type { Prompts } from './shared/prompts';
import type { SingleFlight } from './shared/singleFlight';
import type { TaskTree } from './tree/taskTree';

export interface Ctx {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly config: Config;
  /** Who is signed in where, and the client to send with. */
  readonly session: Session;
  /** The stored accounts and the sign-in and sign-out that change the session. */
  readonly accounts: Accounts;
  /** Makes every platform client; tells when one waits for a rate-limit reset. */
  readonly clients: ClientFactory;
  /** The quick picks and input boxes, announced for tests. */
  readonly prompts: Prompts;
  /** The language client once started; undefined when the server did not start. */
  readonly languageClient: LanguageClientPromise;
  /** The Tasks view: its model, rows and read-only documents. */
  readonly tree: TaskTree;
  /** Which draft each task file made, per workspace. */
  readonly drafts: DraftMemory;
  /** One request at a time per key (a file, a draft): one click, one task. */
  readonly flights: SingleFlight;
  /** What each file last created, for "create another?". */
  readonly recentSends: RecentSends;
  /** The batch previews' read-only documents. */
  readonly batchPreviews: BatchPreviews;
  /** The platform's own errors and warnings on task files. */
  readonly platformDiagnostics: PlatformDiagnostics;
  /** Resolves once the saved account is read; commands wait for it before they run. */
  readonly restored: Promise<unknown>;
}
