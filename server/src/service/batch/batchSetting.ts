/**
 * How a task body will be batched when the platform creates it (docs/PLATFORM.md#batching,
 * docs/PLATFORM.md#editing-a-draft): by the body's `batch_input`/`batch_by`; else by the app's
 * default batching (`sbg:batchInput`/`sbg:batchBy`); never when the body says `"batch": false` or sets both
 * `batch_input` and `batch_by` to null. The emulator follows the same rules (tasks/drafts.ts).
 */
import type { AppModel } from '../cwl/model';
import { propertyOf, stringOf, valueOf, type Node } from '../document/taskDocument';

export interface BatchBy {
  type: 'item' | 'criteria';
  /** `metadata.<field>` strings, in order; empty for `item`. */
  criteria: string[];
}

export interface BatchSetting {
  /** The input whose files are split into children. */
  input: string;
  by: BatchBy;
  /** Written in the body, or the app's default because the body says nothing. */
  source: 'body' | 'app-default';
}

export function batchSetting(root: Node | undefined, model: AppModel | undefined): BatchSetting | undefined {
  if (root?.type !== 'object') return undefined;
  if (valueOf(root, 'batch')?.type === 'boolean' && valueOf(root, 'batch')!.value === false) return undefined;
  const inputNode = valueOf(root, 'batch_input');
  const byNode = valueOf(root, 'batch_by');
  const inputGiven = inputNode !== undefined && inputNode.type !== 'null';
  const byGiven = byNode !== undefined && byNode.type !== 'null';
  if (inputGiven || byGiven) {
    const input = stringOf(inputNode);
    const by = batchByOf(byNode);
    return input && by ? { input, by, source: 'body' } : undefined;
  }
  if (propertyOf(root, 'batch_input') && propertyOf(root, 'batch_by')) return undefined; // both null: batching off
  if (!model?.batchInput || !model.batchBy) return undefined;
  const type = model.batchBy.type.toLowerCase();
  if (type !== 'item' && type !== 'criteria') return undefined;
  return { input: model.batchInput, by: { type, criteria: type === 'criteria' ? [...(model.batchBy.criteria ?? [])] : [] }, source: 'app-default' };
}

function batchByOf(node: Node | undefined): BatchBy | undefined {
  const type = stringOf(valueOf(node, 'type'))?.toLowerCase();
  if (type === 'item') return { type, criteria: [] };
  if (type !== 'criteria') return undefined;
  const criteria = valueOf(node, 'criteria');
  const fields = criteria?.type === 'array' ? (criteria.children ?? []).map(stringOf).filter((f): f is string => !!f) : [];
  return fields.length ? { type, criteria: fields } : undefined;
}

/** "by metadata.sample_id" / "by item (one child per file)", for messages and lenses. */
export function describeGrouping(by: BatchBy): string {
  return by.type === 'item' ? 'by item (one child per file)' : `by ${by.criteria.join(' + ')}`;
}

/** The criteria without their `metadata.` prefix: "sample_id", "sample_id + library_id". */
export function shortCriteria(by: BatchBy): string {
  return by.type === 'item' ? 'file' : by.criteria.map((c) => c.replace(/^metadata\./, '')).join(' + ');
}
