import { runDraft as runDraftTask } from '../taskActions';
import { requireTaskAndSession } from '../target';
import type { Ctx } from '../../context';

/** Run: starts a draft (once, however often it is clicked); the started task is watched. */
export const runDraft = (ctx: Ctx) => async (target?: unknown) => {
  const chosen = await requireTaskAndSession(ctx, target, 'run');
  if (chosen) await runDraftTask(ctx, chosen.session, chosen.task);
};
