/**
 * PlatformData in VS Code: every lookup is a custom request to the client (server/src/protocol), which
 * answers through platform/ so that VS Code's proxy, certificates and one rate-limit budget apply.
 */
import { CancellationTokenSource, ResponseError, type Connection } from 'vscode-languageserver/node';
import type { App, BulkRecord, PlatformFile, Project } from '../../../platform/src/types';
import { DataError, toDataError, type PlatformData } from './platformData';
import { DataRequests, type DataErrorData, type DataParams, type DataRequest, type DataResult } from '../protocol';

export class ClientPlatformData implements PlatformData {
  /** `apiBase`: the environment the client is signed in to, as it last told the server. */
  constructor(private readonly connection: Pick<Connection, 'sendRequest'>, readonly apiBase?: string) {}

  getApp(appId: string, revision?: number, signal?: AbortSignal): Promise<App> {
    const params: DataRequests.GetAppParams = revision === undefined ? { appId } : { appId, revision };
    return this.request(DataRequests.getApp, params, signal);
  }

  getProject(projectId: string, signal?: AbortSignal): Promise<Project> {
    return this.request(DataRequests.getProject, { projectId } satisfies DataRequests.GetProjectParams, signal);
  }

  listProjects(signal?: AbortSignal): Promise<Project[]> {
    return this.request(DataRequests.listProjects, undefined, signal);
  }

  listApps(projectId: string, signal?: AbortSignal): Promise<App[]> {
    return this.request(DataRequests.listApps, { projectId } satisfies DataRequests.ListAppsParams, signal);
  }

  listFiles(projectId: string, nameFilter: string, limit: number, signal?: AbortSignal): Promise<PlatformFile[]> {
    const params: DataRequests.ListFilesParams = { projectId, nameFilter, limit };
    return this.request(DataRequests.listFiles, params, signal);
  }

  bulkGetFiles(fileIds: string[], signal?: AbortSignal): Promise<BulkRecord<PlatformFile>[]> {
    return this.request(DataRequests.bulkGetFiles, { fileIds } satisfies DataRequests.BulkGetFilesParams, signal);
  }

  private async request<T extends DataRequest>(type: T, params: DataParams<T>, signal?: AbortSignal): Promise<DataResult<T>> {
    const cancellation = new CancellationTokenSource();
    const cancel = () => cancellation.cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      return (await this.connection.sendRequest(type.method, params, cancellation.token)) as DataResult<T>;
    } catch (error) {
      throw fromResponseError(error);
    } finally {
      signal?.removeEventListener('abort', cancel);
      cancellation.dispose();
    }
  }
}

function fromResponseError(error: unknown): Error {
  if (error instanceof ResponseError && isDataErrorData(error.data)) {
    const data = error.data;
    return new DataError(data.kind, data.message, data.status, data.code);
  }
  return toDataError(error);
}

function isDataErrorData(value: unknown): value is DataErrorData {
  return typeof value === 'object' && value !== null && typeof (value as DataErrorData).kind === 'string'
    && typeof (value as DataErrorData).message === 'string';
}
