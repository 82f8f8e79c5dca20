/**
 * What a draft batch will make: the platform creates a batch's children only when it runs, so a
 * draft's row says so, with the count the batch preview gives. The count comes from the draft's
 * own inputs: the platform answers File objects filled in with their metadata (docs/PLATFORM.md#inputs-as-the-platform-answers-them),
 * grouped as the preview groups them (files lacking a criterion together).
 */
import type { Task } from '../../../platform/src/types';

export interface DraftBatchCount {
  children: number;
  /** "sample_id", "sample_id + library_id", or "file". */
  by: string;
}

/** The children the draft will make, or undefined when its inputs do not tell (no metadata in the answer). */
export function draftChildCount(task: Task): DraftBatchCount | undefined {
  const input = task.batch_input;
  const batchBy = task.batch_by as { type?: string; criteria?: string[] } | null | undefined;
  if (!task.batch || !input || !batchBy?.type) return undefined;
  const value = (task.inputs as Record<string, unknown> | undefined)?.[input];
  const files = (Array.isArray(value) ? value : value ? [value] : []) as { metadata?: Record<string, unknown> }[];
  if (batchBy.type.toLowerCase() === 'item') return { children: files.length, by: 'file' };
  const criteria = (batchBy.criteria ?? []).map((criterion) => criterion.replace(/^metadata\./, ''));
  if (criteria.length === 0 || !files.some((file) => file && typeof file === 'object' && file.metadata)) return undefined;
  const groups = new Set(files.map((file) => JSON.stringify(criteria.map((field) => String(file?.metadata?.[field] ?? '')))));
  return { children: groups.size, by: criteria.join(' + ') };
}

/** The draft row's child line: "Children are made when the draft runs: 6 children by sample_id". */
export function draftChildrenText(task: Task): { label: string; detail: string } {
  const count = draftChildCount(task);
  const detail = count
    ? `${count.children} ${count.children === 1 ? 'child' : 'children'} by ${count.by}, as Preview Batch counts them`
    : 'Preview Batch on its task file shows them';
  return { label: 'Children are made when the draft runs', detail };
}
