import { requireSession } from '../context';
import { reportFailure, requireTask, type TreeCommand } from './treeCommand';

/** Show Inputs and Outputs: the task's inputs and outputs as read-only JSON. */
export const showInputsOutputs: TreeCommand = {
  id: 'sbgTasks.showInputsOutputs',
  run: async (ctx, target) => {
    const task = requireTask(target, 'show its inputs and outputs');
    const session = task && (await requireSession(ctx.commands.accounts));
    if (!task || !session) return;
    try {
      const full = await session.client.getTask(task.id, { fields: 'id,name,inputs,outputs' });
      await ctx.documents.show(`${full.name ?? full.id} (${full.id}) inputs and outputs`, { inputs: full.inputs ?? {}, outputs: full.outputs ?? {} });
    } catch (error) {
      reportFailure(ctx, `inputs of ${task.id}`, error);
    }
  },
};
