import { reportFailure } from '../context';
import { requireTaskAndSession, type TreeCommand } from './treeCommand';

/** Show Inputs and Outputs: the task's inputs and outputs as read-only JSON. */
export const showInputsOutputs: TreeCommand = {
  id: 'sbgTasks.showInputsOutputs',
  run: async (ctx, target) => {
    const chosen = await requireTaskAndSession(ctx, target, 'show its inputs and outputs');
    if (!chosen) return;
    const { task, session } = chosen;
    try {
      const full = await session.client.getTask(task.id, { fields: 'id,name,inputs,outputs' });
      await ctx.documents.show(`${full.name ?? full.id} (${full.id}) inputs and outputs`, { inputs: full.inputs ?? {}, outputs: full.outputs ?? {} });
    } catch (error) {
      reportFailure(ctx.commands.log, `inputs of ${task.id}`, error);
    }
  },
};
