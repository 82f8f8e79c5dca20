/**
 * Signed-in accounts, one per environment. Tokens live only in the secret store (one secret per
 * environment); the state store keeps which environments have one, their user names and which
 * is active, never a token. With nothing stored, SB_API_ENDPOINT/SB_AUTH_TOKEN are used without
 * a prompt, as SBG's own tools do.
 *
 * No VS Code here: extension.ts hands in SecretStorage, globalState, the log channel and
 * session.ts, so the same logic runs in plain Node against the emulator.
 */
import type { SbgClient } from '../../../platform/src/client';
import { resolveCredentials } from '../../../platform/src/credentials';
import { environmentById, environmentForApiBase, type Environment } from '../../../platform/src/environments';
import type { Log } from './loggedClient';
import type { SessionHolder, SignedIn } from './signedIn';
import { checkToken } from './tokenCheck';

/** The part of VS Code's SecretStorage used here. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** The part of a VS Code Memento (globalState) used here. */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface AccountsOptions {
  secrets: SecretStore;
  state: StateStore;
  log: Log;
  sessions: SessionHolder;
  /** Throws for a URL the token must not be sent to. */
  makeClient(environment: Environment, token: string): SbgClient;
  /** process.env in the extension. */
  env: Record<string, string | undefined>;
  /** False in an untrusted workspace: then nothing is sent. */
  isTrusted(): boolean;
}

export interface StoredAccount {
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
  /** Sessions whose user name was already asked for. */
  private readonly namesAsked = new WeakSet<SignedIn>();

  constructor(private readonly options: AccountsOptions) {}

  /** The log channel, for the sign-in flow's own notes. */
  get log(): Log {
    return this.options.log;
  }

  /** Picks up where the last window left off, else the environment variables; sends a request only to learn the user name of the latter, and only when trusted. */
  async restore(): Promise<void> {
    const activeKey = this.options.state.get<string>(ACTIVE_KEY);
    if (activeKey && (await this.activate(activeKey))) return;
    await this.useEnvironmentVariables();
  }

  /** Environments with a stored token, for Switch Environment. */
  stored(): (StoredAccount & { key: string })[] {
    return Object.entries(this.accounts()).map(([key, account]) => ({ key, ...account }));
  }

  /** Checks the token with GET /user, then keeps it and makes it the active account. Throws (with a message to show) when it cannot be used. */
  async signIn(environment: Environment, token: string): Promise<SignedIn> {
    const client = this.options.makeClient(environment, token);
    const user = await checkToken(client, environment, token);
    const key = accountKey(environment);
    await this.options.secrets.store(SECRET_PREFIX + key, token);
    await this.options.state.update(ACCOUNTS_KEY, {
      ...this.accounts(),
      [key]: { environmentId: environment.id, apiBase: environment.apiBase, name: environment.name, username: user.username },
    });
    await this.options.state.update(ACTIVE_KEY, key);
    const session: SignedIn = { environment, username: user.username, client, source: 'secret-storage' };
    this.options.sessions.set(session);
    this.options.log.info(`signed in to ${environment.name} as ${user.username}`);
    return session;
  }

  /** Makes a stored account active, without a prompt or a request. */
  async activate(key: string): Promise<boolean> {
    const account = this.accounts()[key];
    const token = account ? await this.options.secrets.get(SECRET_PREFIX + key) : undefined;
    if (!account || !token) return false;
    const environment = environmentById(account.environmentId) ?? environmentForApiBase(account.apiBase);
    try {
      this.options.sessions.set({ environment, username: account.username, client: this.options.makeClient(environment, token), source: 'secret-storage' });
    } catch (error) {
      this.options.log.error(`cannot use the stored account for ${environment.name}: ${(error as Error).message}`);
      return false;
    }
    await this.options.state.update(ACTIVE_KEY, key);
    this.options.log.info(`using ${environment.name} as ${account.username}`);
    return true;
  }

  /** Forgets the active account's token (or stops using the environment variables in this window). */
  async signOut(): Promise<void> {
    const session = this.options.sessions.get();
    if (!session) return;
    if (session.source === 'secret-storage') {
      const key = accountKey(session.environment);
      await this.options.secrets.delete(SECRET_PREFIX + key);
      const { [key]: _forgotten, ...rest } = this.accounts();
      await this.options.state.update(ACCOUNTS_KEY, rest);
    } else {
      this.environmentVariablesDismissed = true;
    }
    await this.options.state.update(ACTIVE_KEY, undefined);
    this.options.sessions.set(undefined);
    this.options.log.info(`signed out of ${session.environment.name}`);
  }

  /** SB_API_ENDPOINT + SB_AUTH_TOKEN, when both are set and nothing is stored. */
  async useEnvironmentVariables(): Promise<boolean> {
    if (this.environmentVariablesDismissed) return false;
    const lookup = resolveCredentials({ env: this.options.env });
    if (lookup.kind === 'invalid') this.options.log.warn(lookup.message);
    if (lookup.kind !== 'found') return false;
    const { apiEndpoint, token } = lookup.credentials;
    const environment = environmentForApiBase(apiEndpoint, `Platform at ${hostOf(apiEndpoint)}`);
    try {
      this.options.sessions.set({ environment, username: 'SB_AUTH_TOKEN', client: this.options.makeClient(environment, token), source: 'environment-variables' });
    } catch (error) {
      this.options.log.error(`SB_API_ENDPOINT cannot be used: ${(error as Error).message}`);
      return false;
    }
    this.options.log.info(`using SB_API_ENDPOINT/SB_AUTH_TOKEN for ${environment.name}`);
    // The user name is learned on the first user action (refreshUserName), not here: activation sends nothing.
    return true;
  }

  /**
   * Learns the user name of a session that started without one (the environment variables), once
   * per session. Called on user actions, never at activation, so opening a window sends nothing.
   */
  async refreshUserName(): Promise<void> {
    const session = this.options.sessions.get();
    if (!session || session.source === 'secret-storage' || !this.options.isTrusted() || this.namesAsked.has(session)) return;
    this.namesAsked.add(session);
    try {
      const user = await session.client.getUser();
      if (this.options.sessions.get() !== session) return;
      const named = { ...session, username: user.username };
      this.namesAsked.add(named);
      this.options.sessions.set(named);
    } catch (error) {
      this.options.log.warn(`the token from ${session.source === 'environment-variables' ? 'SB_AUTH_TOKEN' : 'the profile'} was not accepted: ${(error as Error).message}`);
    }
  }

  private accounts(): Record<string, StoredAccount> {
    return this.options.state.get<Record<string, StoredAccount>>(ACCOUNTS_KEY) ?? {};
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
