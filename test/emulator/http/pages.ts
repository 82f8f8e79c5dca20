/**
 * Collection answers: `{href, items, links}` with `X-Total-Matching-Query` (docs/PLATFORM.md#pages).
 * `offset` defaults to 0 and `limit` to 50; a limit above 100 is served as 100.
 */
import { apiErrors } from './apiError';
import { selectFields } from './fields';
import type { Reply, RequestContext } from './router';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 100;

export function paging(context: RequestContext): { offset: number; limit: number } {
  const offset = integerParam(context, 'offset', 0);
  const limit = Math.min(integerParam(context, 'limit', DEFAULT_LIMIT), MAX_LIMIT);
  if (offset < 0) throw apiErrors.badRequest(`offset must be 0 or more, got ${offset}.`);
  if (limit < 1) throw apiErrors.badRequest(`limit must be between 1 and ${MAX_LIMIT}, got ${limit}.`);
  return { offset, limit };
}

/** One page of `matching` (already filtered and ordered), each item passed through `toJson` then `fields`. */
export function pageReply<T>(
  context: RequestContext,
  matching: readonly T[],
  toJson: (item: T) => object,
  /** The subset an item is cut to without `fields`; undefined: every field. */
  listDefaultFields: readonly string[] | undefined,
): Reply {
  const { offset, limit } = paging(context);
  const fields = context.query.get('fields');
  const items = matching.slice(offset, offset + limit).map((item) => selectFields(toJson(item), fields, listDefaultFields));
  const links: { href: string; rel: string; method: string }[] = [];
  if (offset + limit < matching.length) links.push({ href: pageUrl(context, offset + limit, limit), rel: 'next', method: 'GET' });
  if (offset > 0) links.push({ href: pageUrl(context, Math.max(0, offset - limit), limit), rel: 'prev', method: 'GET' });
  return {
    status: 200,
    body: { href: pageUrl(context, offset, limit), items, links },
    headers: { 'X-Total-Matching-Query': String(matching.length) },
  };
}

function pageUrl(context: RequestContext, offset: number, limit: number): string {
  const query = new URLSearchParams(context.query);
  query.set('offset', String(offset));
  query.set('limit', String(limit));
  return `${context.baseUrl}${context.path}?${query}`;
}

export function integerParam(context: RequestContext, name: string, fallback: number): number {
  const raw = context.query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw apiErrors.badRequest(`${name} must be an integer, got "${raw}".`);
  return Number(raw);
}
