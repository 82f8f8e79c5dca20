import type { Ctx } from '../../context';

/** A status group's "Load more" row: the next rows of that group. */
export const loadMore = (ctx: Ctx) => async (groupKey?: unknown) => {
  if (typeof groupKey === 'string') ctx.tree.provider.loadMore(groupKey);
};
