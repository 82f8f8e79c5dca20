/**
 * Every SbgClient the extension uses is made here, so each one logs its requests to the
 * output channel, announces rate-limit waits to whoever shows progress, and waits no longer
 * than `sbgTasks.rateLimitWaitSeconds`.
 */
import * as vscode from 'vscode';
import type { SbgClient } from '../../../platform/src/client';
import type { Environment } from '../../../platform/src/environments';
import type { Config } from '../config';
import { createLoggedClient, type Log, type WaitInfo } from './loggedClient';

export type { WaitInfo } from './loggedClient';

export class ClientFactory implements vscode.Disposable {
  private readonly waitStarted = new vscode.EventEmitter<WaitInfo>();
  /** Fires when a client starts waiting for a rate-limit reset or the end of maintenance. */
  readonly onDidStartWaiting = this.waitStarted.event;

  constructor(
    private readonly log: Log,
    private readonly config: Config,
  ) {}

  /** A client for `environment`; throws UnsafeUrlError (nothing sent) for a URL the token must not go to. */
  create(environment: Environment, token: string): SbgClient {
    return createLoggedClient(environment, token, { log: this.log, maxWaitMs: this.config.rateLimitWaitMs(), onWait: (info) => this.waitStarted.fire(info) });
  }

  dispose(): void {
    this.waitStarted.dispose();
  }
}
