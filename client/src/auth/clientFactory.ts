/**
 * Every SbgClient the extension uses is made here, so each one logs its requests to the
 * output channel, announces rate-limit waits to whoever shows progress, and waits no longer
 * than `sbgTasks.rateLimitWaitSeconds`.
 */
import * as vscode from 'vscode';
import type { SbgClient } from '../../../platform/src/client';
import type { Environment } from '../../../platform/src/environments';
import { createLoggedClient, type Log, type WaitInfo } from './loggedClient';

export type { WaitInfo } from './loggedClient';

const waitStarted = new vscode.EventEmitter<WaitInfo>();
/** Fires when a client starts waiting for a rate-limit reset or the end of maintenance. */
export const onDidStartWaiting = waitStarted.event;

const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 60;

function rateLimitWaitMs(): number {
  const seconds = vscode.workspace.getConfiguration('sbgTasks').get<number>('rateLimitWaitSeconds', DEFAULT_RATE_LIMIT_WAIT_SECONDS);
  return Math.max(0, Number.isFinite(seconds) ? seconds : DEFAULT_RATE_LIMIT_WAIT_SECONDS) * 1000;
}

/** A client for `environment`; throws UnsafeUrlError (nothing sent) for a URL the token must not go to. */
export function createClient(environment: Environment, token: string, log: Log): SbgClient {
  return createLoggedClient(environment, token, { log, maxWaitMs: rateLimitWaitMs(), onWait: (info) => waitStarted.fire(info) });
}
