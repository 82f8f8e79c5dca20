import { runDraft as runDraftTask } from '../taskActions';
import { requireTaskAndSession, type TreeCommand } from './treeCommand';

/** Run: starts a draft (once, however often it is clicked); the started task is watched. */
export const runDraft: TreeCommand = {
  id: 'sbgTasks.runDraft',
  run: async (ctx, target) => {
    const chosen = await requireTaskAndSession(ctx, target, 'run');
    if (chosen) await runDraftTask(ctx.commands, chosen.session, chosen.task);
  },
};
