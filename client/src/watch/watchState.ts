/**
 * The watched tasks as plain data, saved by the VS Code side in workspaceState and read back
 * after a window reload. Whatever is read is checked: a damaged or foreign value loses only
 * what cannot be read, never the extension's start.
 */
export interface WatchedTaskState {
  id: string;
  /** The task was seen unfinished and its end is still to be announced. */
  notifyEnd: boolean;
}

export interface WatchState {
  version: 1;
  tasks: WatchedTaskState[];
}

/** Reads a saved value; anything unreadable is skipped. */
export function parseWatchState(value: unknown): WatchState {
  if (typeof value !== 'object' || value === null || (value as { version?: unknown }).version !== 1) return { version: 1, tasks: [] };
  const tasks = (value as { tasks?: unknown }).tasks;
  if (!Array.isArray(tasks)) return { version: 1, tasks: [] };
  const seen = new Set<string>();
  const result: WatchedTaskState[] = [];
  for (const item of tasks) {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || id.trim() === '' || seen.has(id)) continue;
    seen.add(id);
    result.push({ id, notifyEnd: (item as { notifyEnd?: unknown }).notifyEnd === true });
  }
  return { version: 1, tasks: result };
}
