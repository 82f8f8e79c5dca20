/**
 * The one interface through which the language server and the CLI reach the platform
 * (DESIGN.md §2). In VS Code the client answers (ClientPlatformData); standalone and in
 * the CLI the platform client is called directly (DirectPlatformData). Everything above
 * this interface (caches, the TaskContext builder) does not know which one it talks to.
 */
import type { App, BulkRecord, PlatformFile, Project } from '../../../platform/src/types';
import type { DataErrorData } from './protocol';

/**
 * The `fields` a file listing asks for: everything completion and hover read. Without it a list
 * answers a default subset that may lack size and metadata (SBG-API.md §15).
 */
export const FILE_LIST_FIELDS = 'id,name,type,size,project,parent,metadata';

export interface PlatformData {
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
 * Any failure as a DataError. The platform client's errors (SbgApiError) keep their HTTP status;
 * no answer at all (network, timeout) is "offline"; 401 is "signed-out".
 */
export function toDataError(error: unknown): DataError {
  if (error instanceof DataError) return error;
  const candidate = error as { status?: unknown; code?: unknown; message?: unknown } | undefined;
  const message = typeof candidate?.message === 'string' ? candidate.message : String(error);
  if (typeof candidate?.status === 'number' && candidate.status > 0) {
    const kind = candidate.status === 401 ? 'signed-out' : 'http';
    return new DataError(kind, message, candidate.status, typeof candidate.code === 'number' ? candidate.code : undefined);
  }
  return new DataError('offline', message);
}
