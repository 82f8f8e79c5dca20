import { reportFailure } from '../context';
import { requireTaskAndSession, type TreeCommand } from './treeCommand';

/** Show Execution Details: the task's jobs with their status and messages (GET /tasks/{id}/execution_details), read-only. */
export const showExecutionDetails: TreeCommand = {
  id: 'sbgTasks.showExecutionDetails',
  run: async (ctx, target) => {
    const chosen = await requireTaskAndSession(ctx, target, 'show its execution details');
    if (!chosen) return;
    const { task, session } = chosen;
    try {
      const details = await session.client.getExecutionDetails(task.id);
      await ctx.documents.show(`${task.name ?? task.id} (${task.id}) execution details`, details);
    } catch (error) {
      reportFailure(ctx.commands.log, `execution details of ${task.id}`, error);
    }
  },
};
