import { requireSession } from '../context';
import { runDraft as runDraftTask } from '../taskActions';
import { requireTask, type TreeCommand } from './treeCommand';

/** Run: starts a draft (once, however often it is clicked); the started task is watched. */
export const runDraft: TreeCommand = {
  id: 'sbgTasks.runDraft',
  run: async (ctx, target) => {
    const task = requireTask(target, 'run');
    const session = task && (await requireSession(ctx.commands.accounts));
    if (task && session) await runDraftTask(ctx.commands, session, task);
  },
};
