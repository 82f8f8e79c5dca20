/**
 * What the pure language service may know about the platform. The service never fetches:
 * the LSP wiring (server/src/) fetches, caches and hands the service a snapshot of what is
 * at hand, then revalidates when more arrives. A lookup that failed is simply absent, so
 * a network problem never becomes a red squiggle (STYLE.md, GitHub Actions language service).
 */
import type { AppModel } from './cwl/model';

export interface FileInfo {
  id: string;
  name: string;
  size?: number;
  project?: string;
  type?: 'file' | 'folder';
  metadata?: Record<string, unknown>;
}

export interface ProjectInfo {
  id: string;
  name: string;
}

export interface AppInfo {
  /** owner/project/app (no revision). */
  id: string;
  name: string;
  revision: number;
  project?: string;
}

/** The app the document names, as far as the wiring has it. */
export type AppState =
  | { state: 'ready'; model: AppModel; fromCache?: boolean; fetchedAt?: number }
  | { state: 'pending' } // being fetched: no app diagnostics yet, no message either
  | { state: 'unavailable'; reason: string } // could not be fetched: one information diagnostic on `app`
  | { state: 'not-found'; reason: string }; // the platform said it does not exist (404/403): an error on `app`

/**
 * Synchronous snapshot for validation, hover and code actions. Every member is optional:
 * without it the matching checks are skipped (information only, never an error).
 */
export interface TaskContext {
  app?: AppState;
  /** true: exists; false: the platform said no; undefined: not known (yet). */
  projectExists?(projectId: string): boolean | undefined;
  /** A file by id: info; null when the platform said it does not exist or is not readable; undefined: not known. */
  fileInfo?(fileId: string): FileInfo | null | undefined;
  /**
   * Goes up whenever an answer `fileInfo` gives may have changed. Validation keeps what it found in
   * the File objects an edit did not touch only while this stays the same; absent, it reads them
   * all again on every edit.
   */
  fileAnswersVersion?: number;
  /**
   * Facts over every file `fileInfo` knows, so a check that can only find something in a known
   * file skips asking file by file (a 10,000-file batch is validated on every edit). Absent: ask
   * each file. Checks that would queue the lookup of an unknown file still ask.
   */
  fileFacts?: FileFacts;
}

export interface FileFacts {
  /** Whether any known file lacks a metadata field (absent, null or ""). */
  anyLacking(field: string): boolean;
}

/** Asynchronous lookups for completion, where waiting for the platform is expected. */
export interface CompletionData {
  listProjects?(signal?: AbortSignal): Promise<ProjectInfo[]>;
  listApps?(projectId: string, signal?: AbortSignal): Promise<AppInfo[]>;
  /** Files of a project whose names contain `nameFilter` (case-insensitive); the wiring bounds the count. */
  listFiles?(projectId: string, nameFilter: string, signal?: AbortSignal): Promise<FileInfo[]>;
  /** Metadata keys seen on the project's files, for batch criteria. */
  listMetadataKeys?(projectId: string, signal?: AbortSignal): Promise<string[]>;
}

/** The app's model when the wiring has it ready. */
export function readyModel(context: TaskContext): AppModel | undefined {
  return context.app?.state === 'ready' ? context.app.model : undefined;
}
