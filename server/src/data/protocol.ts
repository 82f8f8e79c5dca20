/**
 * CONTRACT: custom LSP messages between the language server and the VS Code client.
 * In VS Code every platform request goes through the extension host (proxy, certificates,
 * one rate-limit budget), so the server asks the client for data with these requests.
 * The client answers with platform resources as the API returns them (platform/src/types.ts)
 * or with a ResponseError whose `data` is a `DataErrorData`.
 */
import type { App, BulkRecord, PlatformFile, Project } from '../../../platform/src/types';

export namespace DataRequests {
  /** Params: app id with or without revision. Result: the app with `raw`. */
  export const getApp = 'sbg/data/getApp';
  export interface GetAppParams { appId: string; revision?: number }
  export type GetAppResult = App;

  export const getProject = 'sbg/data/getProject';
  export interface GetProjectParams { projectId: string }
  export type GetProjectResult = Project;

  /** Every project the user can access (the client pages through them). */
  export const listProjects = 'sbg/data/listProjects';
  export type ListProjectsResult = Project[];

  /** Apps of a project (latest revisions, without `raw`). */
  export const listApps = 'sbg/data/listApps';
  export interface ListAppsParams { projectId: string }
  export type ListAppsResult = App[];

  /** Files of a project whose names contain `nameFilter` (case-insensitive), at most `limit`. */
  export const listFiles = 'sbg/data/listFiles';
  export interface ListFilesParams { projectId: string; nameFilter: string; limit?: number }
  export type ListFilesResult = PlatformFile[];

  /** POST /bulk/files/get for these ids (the client splits into ≤100 per request). */
  export const bulkGetFiles = 'sbg/data/bulkGetFiles';
  export interface BulkGetFilesParams { fileIds: string[] }
  export type BulkGetFilesResult = BulkRecord<PlatformFile>[];
}

/** `data` of a ResponseError answering a data request. */
export interface DataErrorData {
  /** 'signed-out' | 'offline' | 'untrusted' | 'http' */
  kind: 'signed-out' | 'offline' | 'untrusted' | 'http';
  status?: number;
  code?: number;
  message: string;
}

export namespace ClientNotifications {
  /** Client → server: the signed-in environment or account changed; drop live data, refetch, revalidate. */
  export const credentialsChanged = 'sbg/credentialsChanged';
  export interface CredentialsChangedParams { environmentId?: string; signedIn: boolean }

  /** Client → server: forget cached app models (memory and disk) and revalidate. */
  export const clearCache = 'sbg/clearCache';

  /** Client → server: the platform's own errors/warnings for a task file are shown by the client; nothing to do server side. */
}

export namespace ServerNotifications {
  /** Server → client: which app revision a document is checked against, for the language status item. */
  export const appStatus = 'sbg/appStatus';
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
}

export namespace ServerRequests {
  /**
   * Client → server: the children a task file's batch will make, from its files' metadata (the
   * server fetches the records it lacks first: bulk gets of 100 ids, cached). Result: null when
   * the file makes no batch.
   */
  export const batchPreview = 'sbg/batchPreview';
  export interface BatchPreviewParams { uri: string }
  export interface BatchPreviewResult {
    /** The preview as the service computes it (server/src/service/batch/batchPreview.ts). */
    preview: import('../service').BatchPreview;
    /** "Batch: 24 children by sample_id · 2 files lack sample_id". */
    summary: string;
    /** The read-only view's text. */
    markdown: string;
    /** The app the task runs, for messages ("24 tasks of STAR align"). */
    appLabel?: string;
  }
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
}
