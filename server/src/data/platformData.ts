/**
 * The one interface through which the language server and the CLI reach the platform
 * (docs/ARCHITECTURE.md). In VS Code the client answers (ClientPlatformData); standalone and in
 * the CLI the platform client is called directly (DirectPlatformData). Everything above
 * this interface (caches, the TaskContext builder) does not know which one it talks to.
 */
import type { App, BulkRecord, PlatformFile, Project } from '../../../platform/src/types';
import { dataErrorData, type DataErrorData } from '../protocol/dataErrors';

export interface PlatformData {
  /**
   * The API base this source answers for (SbgClient.baseUrl), when known: the app cache keeps
   * what it fetched per environment.
   */
  readonly apiBase?: string;
  /** The app with `raw`; `appId` with or without a trailing revision, `revision` overrides. */
  getApp(appId: string, revision?: number, signal?: AbortSignal): Promise<App>;
  getProject(projectId: string, signal?: AbortSignal): Promise<Project>;
  listProjects(signal?: AbortSignal): Promise<Project[]>;
  /** Latest revisions of a project's apps, without `raw`. */
  listApps(projectId: string, signal?: AbortSignal): Promise<App[]>;
  /** Files whose names contain `nameFilter` (case-insensitive), at most `limit`. */
  listFiles(projectId: string, nameFilter: string, limit: number, signal?: AbortSignal): Promise<PlatformFile[]>;
  /** Files by id, in bulk; one record per id, in order. */
  bulkGetFiles(fileIds: string[], signal?: AbortSignal): Promise<BulkRecord<PlatformFile>[]>;
}

export type DataErrorKind = DataErrorData['kind'];

/**
 * Why a lookup failed, in words a person can act on. The message never carries a token.
 * `status` 403/404 means the platform answered that the resource is not there for this user.
 */
export class DataError extends Error {
  constructor(
    readonly kind: DataErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'DataError';
  }

  /** The platform said the resource does not exist or is not readable. */
  get isNotFound(): boolean {
    return this.kind === 'http' && (this.status === 404 || this.status === 403);
  }

  toData(): DataErrorData {
    return { kind: this.kind, status: this.status, code: this.code, message: this.message };
  }
}

/** A cancelled lookup: an AbortError, or the platform client's "cancelled" failure. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as { kind?: unknown }).kind === 'cancelled');
}

/**
 * Any failure as a DataError, read as the client reads it (protocol/dataErrors.ts).
 */
export function toDataError(error: unknown): DataError {
  if (error instanceof DataError) return error;
  const data = dataErrorData(error);
  return new DataError(data.kind, data.message, data.status, data.code);
}
