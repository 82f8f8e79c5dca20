/**
 * Everything the server and the CLI know about the platform, behind one object: the current
 * data source, the app-model cache, the live lookups, completion's lookups and the TaskContext
 * builder over them. `onDidChange` fires when any of it learns something new.
 */
import { AppModelCache } from './appModelCache';
import { CompletionDataSource } from './completionData';
import type { DiskCache } from './diskCache';
import { LiveLookups } from './liveLookups';
import type { PlatformData } from './platformData';
import { TaskContextBuilder } from './taskContextBuilder';

export interface DataLayerOptions {
  source?: PlatformData;
  disk?: DiskCache;
  log?: (message: string) => void;
  now?: () => number;
}

export class DataLayer {
  readonly apps: AppModelCache;
  readonly lookups: LiveLookups;
  readonly completion: CompletionDataSource;
  readonly contexts: TaskContextBuilder;
  private source: PlatformData | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(options: DataLayerOptions = {}) {
    this.source = options.source;
    const data = () => this.source;
    this.apps = new AppModelCache({ data, disk: options.disk, log: options.log, now: options.now });
    this.apps.onDidChange(() => this.fire());
    this.lookups = new LiveLookups({ data, onDidChange: () => this.fire(), log: options.log, now: options.now });
    this.completion = new CompletionDataSource(data, options.now);
    this.contexts = new TaskContextBuilder(this.apps, this.lookups);
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** A new account or environment: live answers of the old one are dropped, failed app fetches retried. */
  setSource(source: PlatformData | undefined): void {
    this.source = source;
    this.lookups.clear();
    this.completion.clear();
    this.apps.credentialsChanged();
    this.fire();
  }

  /** Forgets cached app models (memory and disk) and live answers, then fetches again as documents ask. */
  async clearCache(): Promise<void> {
    await this.apps.clear();
    this.lookups.clear();
    this.completion.clear();
    this.fire();
  }

  private fire(): void {
    for (const listener of this.listeners) listener();
  }
}
