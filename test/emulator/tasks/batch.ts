/**
 * Splitting a batch input into child groups (SBG-API.md §10): by item (one child per file) or by
 * criteria (one child per distinct combination of metadata values, in order of first appearance).
 * `batch_group.fields` keys are the criteria strings verbatim (`metadata.sample_id`); a file that
 * lacks a criterion's metadata gets the empty string for it, and "(none)" in the group's label.
 */
import type { BatchBy, BatchGroup, PlatformFile } from '../../../platform/src/types';

export interface BatchGroupPlan {
  group: BatchGroup;
  /** The File objects of the batch input that go to this child. */
  files: unknown[];
}

export function planBatch(batchBy: BatchBy, batchValue: unknown, fileOf: (id: string) => PlatformFile | undefined): BatchGroupPlan[] {
  const entries = Array.isArray(batchValue) ? batchValue : batchValue === undefined || batchValue === null ? [] : [batchValue];
  if (batchBy.type.toLowerCase() === 'item') {
    return entries.map((entry) => ({ group: { value: nameOf(entry, fileOf), fields: {} }, files: [entry] }));
  }
  const criteria = batchBy.criteria ?? [];
  const groups = new Map<string, BatchGroupPlan>();
  for (const entry of entries) {
    const metadata = fileOf(pathOf(entry) ?? '')?.metadata ?? {};
    const fields: Record<string, string> = {};
    for (const criterion of criteria) {
      const value = metadata[criterion.replace(/^metadata\./, '')];
      fields[criterion] = value === undefined || value === null ? '' : String(value);
    }
    const key = JSON.stringify(criteria.map((criterion) => fields[criterion]));
    let plan = groups.get(key);
    if (!plan) {
      const value = criteria.map((criterion) => fields[criterion] || '(none)').join(', ');
      groups.set(key, (plan = { group: { value, fields }, files: [] }));
    }
    plan.files.push(entry);
  }
  return [...groups.values()];
}

function pathOf(entry: unknown): string | undefined {
  const path = (entry as { path?: unknown } | null)?.path;
  return typeof path === 'string' ? path : undefined;
}

function nameOf(entry: unknown, fileOf: (id: string) => PlatformFile | undefined): string {
  const path = pathOf(entry);
  const name = (entry as { name?: unknown } | null)?.name;
  return (path && fileOf(path)?.name) ?? (typeof name === 'string' ? name : path ?? 'item');
}
