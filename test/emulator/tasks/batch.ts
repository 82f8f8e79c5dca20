/**
 * Splitting a batch input into child groups (docs/PLATFORM.md#batching, docs/PLATFORM.md#batch-parents-and-children): by item (one child per file)
 * or by criteria (one child per distinct combination of metadata values, in order of first
 * appearance). What no source settles follows the variants: `batch_group.fields` keys are the
 * criteria verbatim (`metadata.sample_id`) or bare (`sample_id`); a file lacking a criterion's
 * metadata has "" for it and "(none)" in the group's label, and goes into one group with the
 * others like it (`one-group`), a child of its own (`own-child`) or no child (`dropped`).
 */
import type { BatchBy, BatchGroup, PlatformFile } from '../../../platform/src/types';
import type { Variants } from '../variants';

export interface BatchGroupPlan {
  group: BatchGroup;
  /** The File objects of the batch input that go to this child. */
  files: unknown[];
}

type BatchVariants = Pick<Variants, 'batch-group-keys' | 'missing-metadata'>;
const DEFAULTS: BatchVariants = { 'batch-group-keys': 'prefixed', 'missing-metadata': 'one-group' };

export function planBatch(
  batchBy: BatchBy,
  batchValue: unknown,
  fileOf: (id: string) => PlatformFile | undefined,
  variants: BatchVariants = DEFAULTS,
): BatchGroupPlan[] {
  const entries = Array.isArray(batchValue) ? batchValue : batchValue === undefined || batchValue === null ? [] : [batchValue];
  if (batchBy.type.toLowerCase() === 'item') {
    return entries.map((entry) => ({ group: { value: nameOf(entry, fileOf), fields: {} }, files: [entry] }));
  }
  const criteria = batchBy.criteria ?? [];
  const keyOf = (criterion: string) => (variants['batch-group-keys'] === 'bare' ? criterion.replace(/^metadata\./, '') : criterion);
  const groups = new Map<string, BatchGroupPlan>();
  entries.forEach((entry, index) => {
    const metadata = fileOf(pathOf(entry) ?? '')?.metadata ?? {};
    const fields: Record<string, string> = {};
    let lacking = false;
    for (const criterion of criteria) {
      const value = metadata[criterion.replace(/^metadata\./, '')];
      lacking ||= value === undefined || value === null || value === '';
      fields[keyOf(criterion)] = value === undefined || value === null ? '' : String(value);
    }
    if (lacking && variants['missing-metadata'] === 'dropped') return;
    const values = criteria.map((criterion) => fields[keyOf(criterion)]);
    const key = lacking && variants['missing-metadata'] === 'own-child' ? `#${index}` : JSON.stringify(values);
    let plan = groups.get(key);
    if (!plan) {
      const value = values.map((value) => value || '(none)').join(', ');
      groups.set(key, (plan = { group: { value, fields }, files: [] }));
    }
    plan.files.push(entry);
  });
  return [...groups.values()];
}

/** A child's name under the `child-name` variant. */
export function childName(rule: Variants['child-name'], parentName: string, groupValue: string, childId: string): string {
  if (rule === 'value') return groupValue;
  if (rule === 'id') return childId;
  return `${parentName} - ${groupValue}`;
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
