/**
 * App documents on disk, one JSON file per environment and key with the time it was fetched, so
 * the server and the CLI keep working offline (Red Hat YAML keeps its schemas the same way).
 * Every failure to read or write is reported to the caller's log and otherwise ignored: a cache
 * is never fatal.
 *
 * An entry belongs to the API base it was fetched from: the same app id on another deployment (or
 * another server answering on the same path) is another app, so a read names both and checks
 * both. The folder is made 0700 and the files 0600: app documents may be private to the account.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { App } from '../../../platform/src/types';

export interface DiskEntry {
  /** The API base the app was fetched from (SbgClient.baseUrl: no trailing slash). */
  environment: string;
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

const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

export class DiskCache {
  constructor(readonly folder: string, private readonly log: (message: string) => void = () => {}) {}

  async read(environment: string, key: string): Promise<DiskEntry | undefined> {
    let text: string;
    try {
      text = await fs.readFile(this.fileOf(environment, key), 'utf8');
    } catch {
      return undefined; // not cached yet
    }
    try {
      const entry = JSON.parse(text) as DiskEntry;
      if (entry?.environment === environment && entry.key === key && typeof entry.fetchedAt === 'number' && typeof entry.app === 'object' && entry.app) return entry;
    } catch {
      // fall through: a damaged file is as good as none
    }
    this.log(`Ignoring a damaged cache file for ${key}.`);
    return undefined;
  }

  async write(entry: DiskEntry): Promise<void> {
    const file = this.fileOf(entry.environment, entry.key);
    // Write then rename, so a reader (another editor's server, the CLI) never sees half a file.
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await fs.mkdir(this.folder, { recursive: true, mode: FOLDER_MODE });
      // A folder made before (or by someone else's umask) is narrowed too: it holds only our files.
      await fs.chmod(this.folder, FOLDER_MODE);
      await fs.writeFile(temporary, JSON.stringify(entry), { encoding: 'utf8', mode: FILE_MODE, flag: 'wx' });
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

  /** A readable name for people looking in the folder, and a hash of environment and key that tells entries apart. */
  private fileOf(environment: string, key: string): string {
    const readable = key.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100);
    const hash = createHash('sha256').update(`${environment}\n${key}`).digest('hex').slice(0, 16);
    return path.join(this.folder, `${readable}.${hash}.app.json`);
  }
}
