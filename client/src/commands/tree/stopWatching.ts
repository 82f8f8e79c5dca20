import { requireWatcher, taskIdOf } from '../target';
import type { Ctx } from '../../context';

/** Stop Watching: removes a watched task from the view; nothing changes on the platform. */
export const stopWatching = (ctx: Ctx) => async (target?: unknown) => {
  const id = taskIdOf(target);
  const watcher = requireWatcher(ctx);
  if (id && watcher) watcher.unwatch(id);
};
