/**
 * Signed-in accounts, one per environment. Tokens live only in SecretStorage (one secret per
 * environment); globalState keeps which environments have one, their user names and which is
 * active, never a token. With nothing stored, SB_API_ENDPOINT/SB_AUTH_TOKEN are used without a
 * prompt, as SBG's own tools do.
 */
import * as vscode from 'vscode';
import { resolveCredentials } from '../../../platform/src/credentials';
import { environmentById, environmentForApiBase, type Environment } from '../../../platform/src/environments';
import type { User } from '../../../platform/src/types';
import { getSession, setSession, type SignedIn } from '../session';
import { createClient } from './clientFactory';

interface StoredAccount {
  environmentId: string;
  apiBase: string;
  name: string;
  username: string;
}

const ACCOUNTS_KEY = 'sbgTasks.accounts';
const ACTIVE_KEY = 'sbgTasks.activeAccount';
const SECRET_PREFIX = 'sbgTasks.token/';

/** One key per environment: the id of a known one, the API URL of a custom one. */
export function accountKey(environment: Environment): string {
  return environment.id === 'custom' ? `custom:${environment.apiBase}` : environment.id;
}

export class Accounts {
  /** Set after Sign Out of a session that came from the environment variables: not re-used in this window. */
  private environmentVariablesDismissed = false;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    private readonly env: Record<string, string | undefined> = process.env,
  ) {}

  /** Picks up where the last window left off, or the environment variables; sends a request only to learn the user name of the latter, and only when trusted. */
  async restore(): Promise<void> {
    const activeKey = this.state.get<string>(ACTIVE_KEY);
    if (activeKey && (await this.activate(activeKey))) return;
    await this.useEnvironmentVariables();
  }

  /** Environments with a stored token, for Switch Environment. */
  stored(): (StoredAccount & { key: string })[] {
    const accounts = this.state.get<Record<string, StoredAccount>>(ACCOUNTS_KEY, {});
    return Object.entries(accounts).map(([key, account]) => ({ key, ...account }));
  }

  /** Checks the token with GET /user, then keeps it and makes it the active account. Throws (with a message to show) when the platform refuses it. */
  async signIn(environment: Environment, token: string): Promise<SignedIn> {
    const user = await verifyToken(environment, token, this.log);
    const key = accountKey(environment);
    await this.secrets.store(SECRET_PREFIX + key, token);
    const accounts = this.state.get<Record<string, StoredAccount>>(ACCOUNTS_KEY, {});
    accounts[key] = { environmentId: environment.id, apiBase: environment.apiBase, name: environment.name, username: user.username };
    await this.state.update(ACCOUNTS_KEY, accounts);
    await this.state.update(ACTIVE_KEY, key);
    const session: SignedIn = { environment, username: user.username, client: createClient(environment, token, this.log), source: 'secret-storage' };
    setSession(session);
    this.log.info(`signed in to ${environment.name} as ${user.username}`);
    return session;
  }

  /** Makes a stored account active, without a prompt or a request. */
  async activate(key: string): Promise<boolean> {
    const account = this.state.get<Record<string, StoredAccount>>(ACCOUNTS_KEY, {})[key];
    const token = account ? await this.secrets.get(SECRET_PREFIX + key) : undefined;
    if (!account || !token) return false;
    const environment = environmentById(account.environmentId) ?? environmentForApiBase(account.apiBase);
    try {
      setSession({ environment, username: account.username, client: createClient(environment, token, this.log), source: 'secret-storage' });
    } catch (error) {
      this.log.error(`cannot use the stored account for ${environment.name}: ${(error as Error).message}`);
      return false;
    }
    await this.state.update(ACTIVE_KEY, key);
    this.log.info(`using ${environment.name} as ${account.username}`);
    return true;
  }

  /** Forgets the active account's token (or stops using the environment variables in this window). */
  async signOut(): Promise<void> {
    const session = getSession();
    if (!session) return;
    if (session.source === 'secret-storage') {
      const key = accountKey(session.environment);
      await this.secrets.delete(SECRET_PREFIX + key);
      const accounts = this.state.get<Record<string, StoredAccount>>(ACCOUNTS_KEY, {});
      delete accounts[key];
      await this.state.update(ACCOUNTS_KEY, accounts);
    } else {
      this.environmentVariablesDismissed = true;
    }
    await this.state.update(ACTIVE_KEY, undefined);
    setSession(undefined);
    this.log.info(`signed out of ${session.environment.name}`);
  }

  /** SB_API_ENDPOINT + SB_AUTH_TOKEN, when both are set and nothing is stored. */
  async useEnvironmentVariables(): Promise<boolean> {
    if (this.environmentVariablesDismissed) return false;
    const lookup = resolveCredentials({ env: this.env });
    if (lookup.kind === 'invalid') this.log.warn(lookup.message);
    if (lookup.kind !== 'found') return false;
    const environment = environmentForApiBase(lookup.credentials.apiEndpoint, `Platform at ${hostOf(lookup.credentials.apiEndpoint)}`);
    try {
      const client = createClient(environment, lookup.credentials.token, this.log);
      setSession({ environment, username: 'SB_AUTH_TOKEN', client, source: 'environment-variables' });
    } catch (error) {
      this.log.error(`SB_API_ENDPOINT cannot be used: ${(error as Error).message}`);
      return false;
    }
    this.log.info(`using SB_API_ENDPOINT/SB_AUTH_TOKEN for ${environment.name}`);
    if (vscode.workspace.isTrusted) void this.refreshUserName();
    return true;
  }

  /** Learns the user name of a session that started without one (the environment variables). */
  async refreshUserName(): Promise<void> {
    const session = getSession();
    if (!session || session.source === 'secret-storage' || !vscode.workspace.isTrusted) return;
    try {
      const user = await session.client.getUser();
      if (getSession() === session) setSession({ ...session, username: user.username });
    } catch (error) {
      this.log.warn(`the token from ${session.source === 'environment-variables' ? 'SB_AUTH_TOKEN' : 'the profile'} was not accepted: ${(error as Error).message}`);
    }
  }
}

/** GET /user with a throw-away client: the only proof a token works. */
export async function verifyToken(environment: Environment, token: string, log: vscode.LogOutputChannel): Promise<User> {
  return createClient(environment, token, log).getUser();
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
