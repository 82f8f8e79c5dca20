import { requireWatcher, taskIdOf, type TreeCommand } from './treeCommand';

/** Stop Watching: removes a watched task from the view; nothing changes on the platform. */
export const stopWatching: TreeCommand = {
  id: 'sbgTasks.stopWatching',
  run: async (ctx, target) => {
    const id = taskIdOf(target);
    const watcher = requireWatcher(ctx);
    if (id && watcher) watcher.unwatch(id);
  },
};
