/**
 * The watched tasks as plain data, saved by the VS Code side in workspaceState and read back
 * after a window reload. Whatever is read is checked: a damaged or foreign value loses only
 * what cannot be read, never the extension's start.
 */
export interface WatchedTaskState {
  id: string;
  /** The task was seen unfinished and its end is still to be announced. */
  notifyEnd: boolean;
  /** A re-run of a failed child: shown under its batch, its end announced with its set's. */
  rerunOf?: RerunOf;
}

/** Which child of which batch a re-run replaces, and the set of re-runs started together. */
export interface RerunOf {
  parent: string;
  child: string;
  /** How the child's row names it (its batch group, or its name). */
  childLabel: string;
  /** Re-runs started by one Re-run Failed Children share it: their ends are announced once, together. */
  set: string;
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
    const rerunOf = parseRerunOf((item as { rerunOf?: unknown }).rerunOf);
    result.push({ id, notifyEnd: (item as { notifyEnd?: unknown }).notifyEnd === true, ...(rerunOf ? { rerunOf } : {}) });
  }
  return { version: 1, tasks: result };
}

/** A re-run's link to its batch; anything unreadable makes it a plain watched task. */
function parseRerunOf(value: unknown): RerunOf | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { parent, child, childLabel, set } = value as Record<string, unknown>;
  const texts = [parent, child, childLabel, set];
  if (!texts.every((text) => typeof text === 'string' && text !== '')) return undefined;
  return { parent: parent as string, child: child as string, childLabel: childLabel as string, set: set as string };
}
