/** Shared parts of the bulk routes: at most 100 ids, one `{resource}` or `{error}` record per id (docs/PLATFORM.md#bulk-calls). */
import { ApiError, apiErrors } from '../http/apiError';

export const MAX_BULK = 100;

export function bulkIds(body: unknown, key: 'task_ids' | 'file_ids'): string[] {
  const ids = (body as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
    throw apiErrors.badRequest(`The body must be {"${key}": ["<id>", ...]} with string ids.`);
  }
  if (ids.length > MAX_BULK) throw apiErrors.badRequest(`At most ${MAX_BULK} ids per bulk request; got ${ids.length}. Split the request.`);
  return ids as string[];
}

export function bulkRecord(read: () => Record<string, unknown>): { resource: Record<string, unknown> } | { error: unknown } {
  try {
    return { resource: read() };
  } catch (error) {
    if (error instanceof ApiError) return { error: error.body() };
    throw error;
  }
}
