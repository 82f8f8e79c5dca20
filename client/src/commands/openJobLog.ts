import type { Ctx } from '../context';
import type { JobLogTarget } from '../details/executionDetailsView';
import { openJobLog as showJobLog } from '../details/openJobLog';
import { requireSession } from './steps';

/** A job log's CodeLens in Execution Details: the log's tail in a read-only editor. */
export const openJobLog = (ctx: Ctx) => async (target?: unknown) => {
  const session = await requireSession(ctx);
  return session && showJobLog(session.client, ctx.tree.documents, target as JobLogTarget);
};
