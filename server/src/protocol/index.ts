/**
 * The custom LSP messages between the language server and the VS Code client, typed once and
 * imported by both sides (the client reaches the server only through this module and
 * service/index.ts; docs/ARCHITECTURE.md). In VS Code every platform request goes through the
 * extension host (proxy, certificates, one rate-limit budget), so the server asks the client for
 * data with the DataRequests. The client answers with platform resources as the API returns them
 * (platform/src/types.ts) or with a ResponseError whose `data` is a DataErrorData.
 */
import { NotificationType, NotificationType0, RequestType, RequestType0 } from 'vscode-jsonrpc';
import type { App, BulkRecord, PlatformFile, Project } from '../../../platform/src/types';
import type { BatchPreview } from '../service';
import type { DataErrorData } from './dataErrors';

// The data requests' failure and the fields a file listing asks for: both sides read them alike.
export { APP_LIST_FIELDS, dataErrorData, FILE_LIST_FIELDS, PROJECT_LIST_FIELDS, type DataErrorData } from './dataErrors';

export namespace DataRequests {
  /** The app with `raw`, its id with or without a revision (`revision` overrides). */
  export interface GetAppParams { appId: string; revision?: number }
  export const getApp = new RequestType<GetAppParams, App, DataErrorData>('sbg/data/getApp');

  export interface GetProjectParams { projectId: string }
  export const getProject = new RequestType<GetProjectParams, Project, DataErrorData>('sbg/data/getProject');

  /** Every project the user can access (the client pages through them). */
  export const listProjects = new RequestType0<Project[], DataErrorData>('sbg/data/listProjects');

  /** Apps of a project (latest revisions, without `raw`). */
  export interface ListAppsParams { projectId: string }
  export const listApps = new RequestType<ListAppsParams, App[], DataErrorData>('sbg/data/listApps');

  /** Files of a project whose names contain `nameFilter` (case-insensitive), at most `limit`. */
  export interface ListFilesParams { projectId: string; nameFilter: string; limit?: number }
  export const listFiles = new RequestType<ListFilesParams, PlatformFile[], DataErrorData>('sbg/data/listFiles');

  /** POST /bulk/files/get for these ids (the client splits into ≤100 per request). */
  export interface BulkGetFilesParams { fileIds: string[] }
  export const bulkGetFiles = new RequestType<BulkGetFilesParams, BulkRecord<PlatformFile>[], DataErrorData>('sbg/data/bulkGetFiles');
}

/** One of the DataRequests, with its params and result types. */
export type DataRequest = (typeof DataRequests)[keyof typeof DataRequests];
/** The params of a data request (undefined for one that takes none). */
export type DataParams<T> = T extends RequestType<infer P, unknown, DataErrorData> ? P : undefined;
/** The result of a data request. */
export type DataResult<T> = T extends RequestType<unknown, infer R, DataErrorData> | RequestType0<infer R, DataErrorData> ? R : never;

export namespace ClientNotifications {
  /** Client → server: the signed-in environment or account changed; drop live data, refetch, revalidate. */
  export interface CredentialsChangedParams {
    /** The environment signed in to now (its id in platform/src/environments.ts); absent when signed out. */
    environmentId?: string;
    /**
     * The API base of that environment (a custom URL too): the server's app cache keeps models per
     * API base. Absent when signed out: the server keeps the last one, whose cache stays usable.
     */
    apiBase?: string;
    /** False when signed out or in an untrusted workspace: then data requests are answered "not known". */
    signedIn: boolean;
  }
  export const credentialsChanged = new NotificationType<CredentialsChangedParams>('sbg/credentialsChanged');

  /** Client → server: forget cached app models (memory and disk) and revalidate. */
  export const clearCache = new NotificationType0('sbg/clearCache');
}

export namespace ServerNotifications {
  /** Server → client: which app revision a document is checked against, for the language status item. */
  export interface AppStatusParams {
    uri: string;
    appId?: string;
    revision?: number;
    state: 'none' | 'pending' | 'ready' | 'unavailable' | 'not-found';
    fromCache?: boolean;
    /** Unix ms when the cached model was fetched. */
    fetchedAt?: number;
    message?: string;
  }
  export const appStatus = new NotificationType<AppStatusParams>('sbg/appStatus');
}

export namespace ServerRequests {
  /**
   * Client → server: the children a task file's batch will make, from its files' metadata (the
   * server fetches the records it lacks first: bulk gets of 100 ids, cached). Result: null when
   * the file makes no batch.
   */
  export interface BatchPreviewParams { uri: string }
  export interface BatchPreviewResult {
    /** The preview as the service computes it (server/src/service/batch/batchPreview.ts). */
    preview: BatchPreview;
    /** "Batch: 24 children by sample_id · 2 files lack sample_id". */
    summary: string;
    /** The read-only view's text. */
    markdown: string;
    /** The app the task runs, for messages ("24 tasks of STAR align"). */
    appLabel?: string;
  }
  export const batchPreview = new RequestType<BatchPreviewParams, BatchPreviewResult | null, void>('sbg/batchPreview');
}

/** `initializationOptions` the language server understands (all optional). */
export interface InitializationOptions {
  /**
   * 'client': ask the client for platform data with DataRequests (what the VS Code client does);
   * 'direct' (default): call the platform with SB_API_ENDPOINT/SB_AUTH_TOKEN or a credentials profile.
   */
  dataSource?: 'client' | 'direct';
  /** Folder for the app-model cache on disk; default $XDG_CACHE_HOME/sbg-tasks/apps or ~/.cache/sbg-tasks/apps. */
  cacheDir?: string;
  /** Credentials profile for the direct data source (else SB_PROFILE, else the environment variables, else `default`). */
  profile?: string;
  /** With dataSource 'client': the API base signed in to at start, if known (later ones come with credentialsChanged). */
  apiBase?: string;
}
