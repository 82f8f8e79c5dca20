/**
 * App input-port models per environment and app revision, in memory and on disk. `get` answers
 * at once with what is at hand and fetches in the background; `onDidChange` tells the server to
 * revalidate. A failure is never stored as an answer: the previous model (even a stale one) stays
 * in use, and the next attempt waits for a back-off.
 *
 * The environment is the data source's API base: a model fetched from one host is never used for
 * another (the same id there is another app), pinned revisions included. A source that does not
 * say its environment (the VS Code client before it told the server) gets models in memory only,
 * dropped when the environment becomes known.
 */
import type { App } from '../../../platform/src/types';
import { parseApp } from '../service';
import type { AppModel, AppState } from '../service';
import { appRefKey, type AppRef } from './appRef';
import { retryDelayMs } from './backoff';
import type { DiskCache } from './diskCache';
import { isAbortError, toDataError, type PlatformData } from './platformData';

export interface AppModelCacheOptions {
  /** The current source of app data; undefined when there is none (no credentials). */
  data: () => PlatformData | undefined;
  disk?: DiskCache;
  now?: () => number;
  log?: (message: string) => void;
  /** How long a model of an app's latest revision is used before it is fetched again. Revisions never change. */
  latestFreshMs?: number;
}

interface Entry {
  /** The API base the model belongs to; undefined while the source has not said. */
  environment: string | undefined;
  ref: AppRef;
  state: AppState;
  /** The load or fetch in flight, if any. */
  busy?: Promise<void>;
  failures: number;
  /** No new fetch before this time (Unix ms). */
  retryAt: number;
}

const DEFAULT_LATEST_FRESH_MS = 10 * 60_000;

export class AppModelCache {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(appRef: string) => void>();
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  private readonly latestFreshMs: number;

  constructor(private readonly options: AppModelCacheOptions) {
    this.now = options.now ?? Date.now;
    this.latestFreshMs = options.latestFreshMs ?? DEFAULT_LATEST_FRESH_MS;
    this.log = options.log ?? (() => {});
  }

  /** Called with the app key whenever the state of that app changes. */
  onDidChange(listener: (appKey: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** What is known about `app` now; starts a load or refresh when one is due. */
  get(ref: AppRef): AppState {
    const environment = this.options.data()?.apiBase;
    const key = appRefKey(ref);
    const entryKey = entryKeyOf(environment, key);
    let entry = this.entries.get(entryKey);
    if (!entry) {
      entry = { environment, ref: { ...ref }, state: { state: 'pending' }, failures: 0, retryAt: 0 };
      this.entries.set(entryKey, entry);
      this.start(key, entry, () => this.load(key, entry!));
    } else if (!entry.busy && this.isDue(entry)) {
      this.start(key, entry, () => this.fetch(key, entry!));
    }
    return entry.state;
  }

  /** Like `get`, but waits for a load or fetch that `get` starts or that is already running. */
  async ensure(ref: AppRef): Promise<AppState> {
    let state = this.get(ref);
    const entry = this.entries.get(entryKeyOf(this.options.data()?.apiBase, appRefKey(ref)));
    while (entry?.busy) {
      await entry.busy;
      state = entry.state;
    }
    return state;
  }

  /** Forgets every model, in memory and on disk (the "clear cache" command). */
  async clear(): Promise<void> {
    this.entries.clear();
    await this.options.disk?.clear();
  }

  /** The account or environment changed: what failed is tried again now; models of fixed revisions stay. */
  credentialsChanged(): void {
    for (const [key, entry] of this.entries) {
      if (entry.environment === undefined) {
        this.entries.delete(key); // fetched before the source said where from: not to be trusted now
        continue;
      }
      if (entry.busy) continue;
      if (entry.state.state === 'ready' && entry.ref.revision !== undefined) continue;
      if (entry.state.state === 'ready') entry.retryAt = 0;
      else this.entries.delete(key);
    }
  }

  private isDue(entry: Entry): boolean {
    if (this.now() < entry.retryAt) return false;
    if (entry.state.state !== 'ready') return true;
    if (entry.ref.revision !== undefined) return false; // a revision never changes
    return this.now() - (entry.state.fetchedAt ?? 0) > this.latestFreshMs;
  }

  private start(key: string, entry: Entry, work: () => Promise<void>): void {
    const busy = work()
      .catch((error) => this.log(`App cache: ${key}: ${(error as Error).message}`))
      .finally(() => {
        if (entry.busy === busy) entry.busy = undefined;
      });
    entry.busy = busy;
  }

  /** First use of an app: the disk copy if there is one, then the platform when the copy is old or missing. */
  private async load(key: string, entry: Entry): Promise<void> {
    const cached = entry.environment === undefined ? undefined : await this.options.disk?.read(entry.environment, key);
    if (cached) {
      const model = this.modelOf(cached.app);
      if (model) {
        this.update(key, entry, { state: 'ready', model, fromCache: true, fetchedAt: cached.fetchedAt });
        const fixedRevision = entry.ref.revision !== undefined;
        const fresh = this.now() - cached.fetchedAt <= this.latestFreshMs;
        if (fixedRevision || fresh) return;
      }
    }
    await this.fetch(key, entry);
  }

  private async fetch(key: string, entry: Entry): Promise<void> {
    const data = this.options.data();
    if (!data) {
      entry.retryAt = Number.POSITIVE_INFINITY; // until credentials change
      if (entry.state.state !== 'ready') {
        this.update(key, entry, { state: 'unavailable', reason: 'no platform credentials are available (sign in, or set SB_AUTH_TOKEN and SB_API_ENDPOINT)' });
      }
      return;
    }
    if (data.apiBase !== entry.environment) return; // the source moved to another environment: this entry is not its
    let app: App;
    try {
      app = await data.getApp(entry.ref.id, entry.ref.revision);
    } catch (error) {
      if (isAbortError(error) || this.movedAway(entry)) return;
      const failure = toDataError(error);
      entry.failures++;
      entry.retryAt = this.now() + retryDelayMs(entry.failures);
      this.log(`Could not fetch app ${key}: ${failure.message}`);
      if (entry.state.state === 'ready') return; // keep the model at hand, stale or not
      this.update(key, entry, failure.isNotFound
        ? { state: 'not-found', reason: failure.message }
        : { state: 'unavailable', reason: failure.message });
      return;
    }
    // Signed in elsewhere while the answer was on its way: it may come from either environment.
    if (this.movedAway(entry)) return;
    const model = this.modelOf(app);
    entry.failures = 0;
    entry.retryAt = 0;
    if (!model) {
      this.update(key, entry, { state: 'unavailable', reason: 'the platform returned the app without a readable CWL document' });
      return;
    }
    const fetchedAt = this.now();
    this.update(key, entry, { state: 'ready', model, fromCache: false, fetchedAt });
    const environment = entry.environment;
    if (environment === undefined) return;
    await this.options.disk?.write({ environment, key, fetchedAt, app });
    if (entry.ref.revision === undefined && typeof app.revision === 'number') {
      await this.options.disk?.write({ environment, key: `${key}/${app.revision}`, fetchedAt, app });
    }
  }

  /** The source now answers for another environment than the entry's. */
  private movedAway(entry: Entry): boolean {
    return this.options.data()?.apiBase !== entry.environment;
  }

  private modelOf(app: App): AppModel | undefined {
    if (!app.raw) return undefined;
    try {
      return parseApp(app.raw);
    } catch (error) {
      this.log(`Could not read the CWL of app ${app.id}: ${(error as Error).message}`);
      return undefined;
    }
  }

  private update(key: string, entry: Entry, state: AppState): void {
    if (this.entries.get(entryKeyOf(entry.environment, key)) !== entry) return; // cleared meanwhile
    entry.state = state;
    for (const listener of this.listeners) listener(key);
  }
}

/** Memory key: environment and app key ('\n' cannot occur in either). */
function entryKeyOf(environment: string | undefined, key: string): string {
  return `${environment ?? ''}\n${key}`;
}
