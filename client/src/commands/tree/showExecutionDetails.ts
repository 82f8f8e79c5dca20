import { reportFailure } from '../context';
import { requireTaskAndSession, type TreeCommand } from './treeCommand';

/**
 * Show Execution Details: the task's jobs (GET /tasks/{id}/execution_details) as a read-only table,
 * failed jobs first, each job's logs one click away (executionDetailsView.ts).
 */
export const showExecutionDetails: TreeCommand = {
  id: 'sbgTasks.showExecutionDetails',
  run: async (ctx, target) => {
    const chosen = await requireTaskAndSession(ctx, target, 'show its execution details');
    if (!chosen) return;
    const { task, session } = chosen;
    try {
      const details = await session.client.getExecutionDetails(task.id);
      ctx.provider.failedJobs.remember(task.id, details);
      await ctx.details.show(task, details);
    } catch (error) {
      reportFailure(ctx.commands.log, `execution details of ${task.id}`, error);
    }
  },
};
