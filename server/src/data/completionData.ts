/**
 * Completion's asynchronous lookups (service CompletionData) over PlatformData, with a short-lived
 * memory of answers so that typing through one value does not ask the platform on every key.
 * A failure gives no items and is not remembered.
 */
import type { AppInfo, CompletionData, FileInfo, ProjectInfo } from '../service';
import { parseAppId } from '../service/document/ids';
import { toFileInfo } from './liveLookups';
import type { PlatformData } from './platformData';

const ANSWER_TTL_MS = 60_000;
/** At most this many files are offered for one name filter. */
const FILE_LIMIT = 100;

export class CompletionDataSource implements CompletionData {
  private readonly answers = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(private readonly data: () => PlatformData | undefined, private readonly now: () => number = Date.now) {}

  listProjects(signal?: AbortSignal): Promise<ProjectInfo[]> {
    return this.remember('projects', (data) => data.listProjects(signal)
      .then((projects) => projects.map(({ id, name }) => ({ id, name }))));
  }

  listApps(projectId: string, signal?: AbortSignal): Promise<AppInfo[]> {
    return this.remember(`apps\n${projectId}`, (data) => data.listApps(projectId, signal)
      .then((apps) => apps.map((app): AppInfo => ({ id: parseAppId(app.id)?.id ?? app.id, name: app.name, revision: app.revision, project: app.project }))));
  }

  listFiles(projectId: string, nameFilter: string, signal?: AbortSignal): Promise<FileInfo[]> {
    return this.remember(`files\n${projectId}\n${nameFilter.toLowerCase()}`, (data) => data.listFiles(projectId, nameFilter, FILE_LIMIT, signal)
      .then((files) => files.map(toFileInfo)));
  }

  listMetadataKeys(projectId: string, signal?: AbortSignal): Promise<string[]> {
    return this.listFiles(projectId, '', signal).then((files) => {
      const keys = new Set<string>();
      for (const file of files) for (const key of Object.keys(file.metadata ?? {})) keys.add(key);
      return [...keys].sort();
    });
  }

  clear(): void {
    this.answers.clear();
  }

  private remember<T>(key: string, fetch: (data: PlatformData) => Promise<T>): Promise<T> {
    const known = this.answers.get(key);
    if (known && this.now() - known.at < ANSWER_TTL_MS) return known.value as Promise<T>;
    const data = this.data();
    if (!data) return Promise.reject(new Error('no platform data source'));
    const value = fetch(data);
    this.answers.set(key, { at: this.now(), value });
    value.catch(() => {
      if (this.answers.get(key)?.value === value) this.answers.delete(key);
    });
    return value;
  }
}
