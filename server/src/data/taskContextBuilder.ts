/**
 * Turns what is at hand into the synchronous TaskContext the pure service validates with.
 * Building never waits: what is not known yet is undefined (its checks are skipped) and is
 * fetched in the background; the caches then announce a change and the server revalidates.
 * The CLI, which has no "later", waits for the lookups with `ensure` first.
 */
import type { AppState, TaskContext } from '../service';
import type { ReferencedIds as DocumentIds } from '../service/document/references';
import type { AppModelCache } from './appModelCache';
import type { LiveLookups } from './liveLookups';

/** The platform ids a document names (service `referencedIds`). */
export type { ReferencedIds as DocumentIds } from '../service/document/references';

export interface ContextOptions {
  /** Project and file existence checks (setting `sbgTasks.validation.liveChecks`). */
  liveChecks: boolean;
  /** A local app instead of the platform's (the CLI's --app-file): no lookups at all. */
  localApp?: AppState;
}

export class TaskContextBuilder {
  constructor(private readonly apps: AppModelCache | undefined, private readonly lookups: LiveLookups | undefined) {}

  build(ids: DocumentIds, options: ContextOptions): TaskContext {
    if (options.localApp) return { app: options.localApp };
    const context: TaskContext = {};
    if (ids.app !== undefined && this.apps) context.app = this.apps.get(ids.app);
    const lookups = this.lookups;
    if (options.liveChecks && lookups) {
      context.projectExists = (projectId) => lookups.projectExists(projectId);
      context.fileInfo = (fileId) => lookups.fileInfo(fileId);
      context.fileAnswersVersion = lookups.fileAnswersVersion;
      context.fileFacts = lookups.fileFacts();
    }
    return context;
  }

  /** Fetches (or loads from disk) everything the document names, then builds. */
  async ensure(ids: DocumentIds, options: ContextOptions): Promise<TaskContext> {
    if (!options.localApp) {
      await Promise.all([
        ids.app !== undefined && this.apps ? this.apps.ensure(ids.app) : undefined,
        options.liveChecks && this.lookups
          ? this.lookups.ensure(ids.project !== undefined ? [ids.project] : [], ids.fileIds)
          : undefined,
      ]);
    }
    return this.build(ids, options);
  }
}
