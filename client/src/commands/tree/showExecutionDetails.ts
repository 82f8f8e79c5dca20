import { reportFailure } from '../steps';
import { requireTaskAndSession } from '../target';
import type { Ctx } from '../../context';

/**
 * Show Execution Details: the task's jobs (GET /tasks/{id}/execution_details) as a read-only table,
 * failed jobs first, each job's logs one click away (executionDetailsView.ts).
 */
export const showExecutionDetails = (ctx: Ctx) => async (target?: unknown) => {
  const chosen = await requireTaskAndSession(ctx, target, 'show its execution details');
  if (!chosen) return;
  const { task, session } = chosen;
  try {
    const details = await session.client.getExecutionDetails(task.id);
    ctx.tree.provider.failedJobs.remember(task.id, details);
    await ctx.tree.details.show(task, details);
  } catch (error) {
    reportFailure(ctx.log, `execution details of ${task.id}`, error);
  }
};
