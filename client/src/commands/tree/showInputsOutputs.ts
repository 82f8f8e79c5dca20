import { reportFailure } from '../steps';
import { requireTaskAndSession } from '../target';
import type { Ctx } from '../../context';

/** Show Inputs and Outputs: the task's inputs and outputs as read-only JSON. */
export const showInputsOutputs = (ctx: Ctx) => async (target?: unknown) => {
  const chosen = await requireTaskAndSession(ctx, target, 'show its inputs and outputs');
  if (!chosen) return;
  const { task, session } = chosen;
  try {
    const full = await session.client.getTask(task.id, { fields: 'id,name,inputs,outputs' });
    await ctx.tree.documents.show(`${full.name ?? full.id} (${full.id}) inputs and outputs`, { inputs: full.inputs ?? {}, outputs: full.outputs ?? {} });
  } catch (error) {
    reportFailure(ctx.log, `inputs of ${task.id}`, error);
  }
};
