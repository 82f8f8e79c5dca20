import { getSession } from '../../session';
import { openInBrowser as openTaskPage } from '../taskActions';
import { requireTask, type TreeCommand } from './treeCommand';

/** Open in Browser: the task's page in the platform's web UI. */
export const openInBrowser: TreeCommand = {
  id: 'sbgTasks.openInBrowser',
  run: async (_ctx, target) => {
    const task = requireTask(target, 'open in the browser');
    const session = getSession();
    if (task && session) await openTaskPage(session, task);
  },
};
