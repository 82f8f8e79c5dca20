import { requireSession } from '../context';
import { reportFailure, requireTask, type TreeCommand } from './treeCommand';

/** Show Execution Details: the task's jobs with their status and messages (GET /tasks/{id}/execution_details), read-only. */
export const showExecutionDetails: TreeCommand = {
  id: 'sbgTasks.showExecutionDetails',
  run: async (ctx, target) => {
    const task = requireTask(target, 'show its execution details');
    const session = task && (await requireSession(ctx.commands.accounts));
    if (!task || !session) return;
    try {
      const details = await session.client.getExecutionDetails(task.id);
      await ctx.documents.show(`${task.name ?? task.id} (${task.id}) execution details`, details);
    } catch (error) {
      reportFailure(ctx, `execution details of ${task.id}`, error);
    }
  },
};
