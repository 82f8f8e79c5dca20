/**
 * PlatformData outside VS Code (the standalone server and the CLI): platform/'s client, with
 * credentials from SB_API_ENDPOINT/SB_AUTH_TOKEN or a ~/.sevenbridges/credentials profile.
 */
import type { SbgClient } from '../../../platform/src/client';
import type { App, BulkRecord, PlatformFile, Project } from '../../../platform/src/types';
import { APP_LIST_FIELDS, FILE_LIST_FIELDS, PROJECT_LIST_FIELDS } from '../protocol/dataErrors';
import { isAbortError, toDataError, type PlatformData } from './platformData';

/** Most files scanned for one name-filtered listing, so a huge project cannot stall completion. */
const MAX_FILES_SCANNED = 2000;

export class DirectPlatformData implements PlatformData {
  readonly apiBase: string;

  constructor(private readonly client: SbgClient) {
    this.apiBase = client.baseUrl;
  }

  getApp(appId: string, revision?: number, signal?: AbortSignal): Promise<App> {
    return translate(() => this.client.getApp(appId, revision === undefined ? { signal } : { signal, revision }));
  }

  getProject(projectId: string, signal?: AbortSignal): Promise<Project> {
    return translate(() => this.client.getProject(projectId, { signal }));
  }

  listProjects(signal?: AbortSignal): Promise<Project[]> {
    return translate(() => collect(this.client.allProjects({ signal, fields: PROJECT_LIST_FIELDS })));
  }

  listApps(projectId: string, signal?: AbortSignal): Promise<App[]> {
    return translate(() => collect(this.client.allApps({ project: projectId, signal, fields: APP_LIST_FIELDS })));
  }

  listFiles(projectId: string, nameFilter: string, limit: number, signal?: AbortSignal): Promise<PlatformFile[]> {
    // The API filters names only by exact match, so a "contains" filter is applied here.
    const needle = nameFilter.toLowerCase();
    return translate(async () => {
      const found: PlatformFile[] = [];
      let scanned = 0;
      for await (const file of this.client.allFiles({ project: projectId }, { signal, fields: FILE_LIST_FIELDS })) {
        if (file.name.toLowerCase().includes(needle)) found.push(file);
        if (found.length >= limit || ++scanned >= MAX_FILES_SCANNED) break;
      }
      return found;
    });
  }

  bulkGetFiles(fileIds: string[], signal?: AbortSignal): Promise<BulkRecord<PlatformFile>[]> {
    return translate(() => this.client.bulkGetFiles(fileIds, { signal }));
  }
}

async function translate<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw toDataError(error);
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
