/**
 * Who is signed in where, for the rest of the extension: the session, the platform client to
 * use now (none while the workspace is untrusted), and an event when that changes. Accounts
 * (accounts.ts) writes through it; nothing else changes the session. One per activation, held
 * by the extension's context (context.ts).
 */
import * as vscode from 'vscode';
import type { SbgClient } from '../../../platform/src/client';
import type { SessionHolder, SignedIn } from './signedIn';

export type { SignedIn, TokenSource } from './signedIn';

export class Session implements SessionHolder, vscode.Disposable {
  private current: SignedIn | undefined;
  private readonly changed = new vscode.EventEmitter<SignedIn | undefined>();
  /** Fires after sign-in, sign-out, a switch of environment, and when the workspace becomes trusted. */
  readonly onDidChange = this.changed.event;

  /** The signed-in session, or undefined when signed out. */
  get(): SignedIn | undefined {
    return this.current;
  }

  /** The platform client to use now; undefined when signed out or when the workspace is not trusted (then nothing is sent). */
  client(): SbgClient | undefined {
    return vscode.workspace.isTrusted ? this.current?.client : undefined;
  }

  set(session: SignedIn | undefined): void {
    this.current = session;
    this.announce();
  }

  /** Tells listeners the session as they may use it (none while untrusted); again once the workspace is trusted. */
  announce(): void {
    this.changed.fire(this.client() ? this.current : undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
