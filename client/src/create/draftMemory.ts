/**
 * Which draft a task file made, so Update Draft from File can PATCH it instead of creating
 * another. Kept in workspace state (a Memento), keyed by the file's URI, with the account the
 * draft belongs to: a draft made on CGC is not updated while signed in to CAVATICA.
 */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export interface RememberedDraft {
  taskId: string;
  /** accountKey() of the environment the draft was made in. */
  account: string;
}

const KEY = 'sbgTasks.draftsByFile';

export class DraftMemory {
  constructor(private readonly store: KeyValueStore) {}

  get(fileUri: string): RememberedDraft | undefined {
    return this.all()[fileUri];
  }

  async remember(fileUri: string, draft: RememberedDraft): Promise<void> {
    await this.store.update(KEY, { ...this.all(), [fileUri]: draft });
  }

  /** Forgets the file's draft; with `taskId`, only if it is that draft. */
  async forget(fileUri: string, taskId?: string): Promise<void> {
    const all = this.all();
    if (!all[fileUri] || (taskId !== undefined && all[fileUri].taskId !== taskId)) return;
    delete all[fileUri];
    await this.store.update(KEY, all);
  }

  /** The file that made this draft, if any. */
  fileOf(taskId: string): string | undefined {
    return Object.entries(this.all()).find(([, draft]) => draft.taskId === taskId)?.[0];
  }

  private all(): Record<string, RememberedDraft> {
    return { ...(this.store.get<Record<string, RememberedDraft>>(KEY) ?? {}) };
  }
}
