/**
 * Puts the signed-in Seven Bridges account in VS Code's Accounts menu. The provider is a view
 * of auth/accounts.ts: signing in or out from the menu runs the same flows as the commands.
 */
import * as vscode from 'vscode';
import type { Session, SignedIn } from './session';
import { accountKey } from './accounts';
import { runSignIn, type SignInParts } from './signInFlow';

export const AUTH_PROVIDER_ID = 'sbgTasks';

export class SevenBridgesAuthProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private shown: vscode.AuthenticationSession | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly parts: SignInParts & { session: Session }) {
    this.shown = toAuthSession(parts.session.get());
    this.subscription = parts.session.onDidChange(() => this.update());
  }

  async getSessions(): Promise<vscode.AuthenticationSession[]> {
    const session = toAuthSession(this.parts.session.get());
    return session ? [session] : [];
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    const session = toAuthSession(await runSignIn(this.parts));
    if (!session) throw new Error('Sign-in was cancelled.');
    return session;
  }

  async removeSession(): Promise<void> {
    await this.parts.accounts.signOut();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private update(): void {
    const previous = this.shown;
    const next = toAuthSession(this.parts.session.get());
    if (previous?.account.id === next?.account.id && previous?.account.label === next?.account.label) return;
    this.shown = next;
    // The Accounts menu keys its entries by account id, which names the user: when it changes (the
    // user name learned after SB_AUTH_TOKEN was first used, or another user) the old entry must be
    // removed, or it stays in the menu after Sign Out.
    const sameAccount = previous !== undefined && previous.account.id === next?.account.id;
    this.changed.fire({
      added: next && !sameAccount ? [next] : [],
      removed: previous && !sameAccount ? [previous] : [],
      changed: next && sameAccount ? [next] : [],
    });
  }
}

function toAuthSession(session: SignedIn | undefined): vscode.AuthenticationSession | undefined {
  if (!session) return undefined;
  return {
    id: accountKey(session.environment),
    // The token stays inside this extension (SecretStorage → SbgClient); other extensions asking this provider get none.
    accessToken: '',
    account: { id: `${accountKey(session.environment)}/${session.username}`, label: `${session.username} (${session.environment.name})` },
    scopes: [],
  };
}

