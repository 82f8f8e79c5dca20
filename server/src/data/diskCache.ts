/**
 * App documents on disk, one JSON file per key with the time it was fetched, so the server and
 * the CLI keep working offline (Red Hat YAML keeps its schemas the same way). Every failure to
 * read or write is reported to the caller's log and otherwise ignored: a cache is never fatal.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { App } from '../../../platform/src/types';

export interface DiskEntry {
  key: string;
  /** Unix ms. */
  fetchedAt: number;
  app: App;
}

/** Where standalone use keeps its cache: $XDG_CACHE_HOME/sbg-tasks/apps, else ~/.cache/sbg-tasks/apps. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'sbg-tasks', 'apps');
}

export class DiskCache {
  constructor(readonly folder: string, private readonly log: (message: string) => void = () => {}) {}

  async read(key: string): Promise<DiskEntry | undefined> {
    let text: string;
    try {
      text = await fs.readFile(this.fileOf(key), 'utf8');
    } catch {
      return undefined; // not cached yet
    }
    try {
      const entry = JSON.parse(text) as DiskEntry;
      if (entry?.key === key && typeof entry.fetchedAt === 'number' && typeof entry.app === 'object' && entry.app) return entry;
    } catch {
      // fall through: a damaged file is as good as none
    }
    this.log(`Ignoring a damaged cache file for ${key}.`);
    return undefined;
  }

  async write(entry: DiskEntry): Promise<void> {
    const file = this.fileOf(entry.key);
    // Write then rename, so a reader (another editor's server, the CLI) never sees half a file.
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await fs.mkdir(this.folder, { recursive: true });
      await fs.writeFile(temporary, JSON.stringify(entry), 'utf8');
      await fs.rename(temporary, file);
    } catch (error) {
      this.log(`Could not write the app cache in ${this.folder}: ${(error as Error).message}`);
      await fs.rm(temporary, { force: true }).catch(() => {});
    }
  }

  /** Removes every entry this cache wrote (and nothing else in the folder). */
  async clear(): Promise<void> {
    let names: string[];
    try {
      names = await fs.readdir(this.folder);
    } catch {
      return;
    }
    await Promise.all(names.filter((name) => name.endsWith('.app.json'))
      .map((name) => fs.rm(path.join(this.folder, name), { force: true }).catch(() => {})));
  }

  private fileOf(key: string): string {
    return path.join(this.folder, `${key.replace(/[^A-Za-z0-9._-]/g, '_')}.app.json`);
  }
}
