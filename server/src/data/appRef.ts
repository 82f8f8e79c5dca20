/** The app a task body names (service `referencedIds().app`): id owner/project/app, and a revision when pinned. */
export interface AppRef {
  id: string;
  revision?: number;
}

/** The cache key of an app revision: owner/project/app for the latest, owner/project/app/N for a pinned one. */
export function appRefKey(ref: AppRef): string {
  return ref.revision === undefined ? ref.id : `${ref.id}/${ref.revision}`;
}
