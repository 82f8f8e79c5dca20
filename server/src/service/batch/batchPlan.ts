/**
 * The children a batch will make, computed from the files' metadata the way the platform groups
 * them (docs/PLATFORM.md#batching): by item, one child per file; by criteria, one child per distinct
 * combination of the criteria's metadata values, in order of first appearance. Files that lack a
 * criterion are grouped together under "(none)" for it: the platform does not document this
 * case (docs/PLATFORM.md#what-no-public-source-settles), and this is what the emulator does by default, so the preview says it
 * assumes it.
 */
import type { FileInfo, TaskContext } from '../providers';
import { stringOf, valueOf, type Node } from '../document/taskDocument';
import type { BatchSetting } from './batchSetting';

/** What a preview assumes about files that lack a criterion, said wherever the preview is shown. */
export const MISSING_METADATA_ASSUMPTION =
  'Files that lack a criterion are assumed to go together into one child whose group value is "(none)" for it (what the emulator does; the platform does not document this case).';

export interface PlannedFile {
  /** The file id, when the item names one. */
  id?: string;
  name: string;
  /** The item in the document (a File object). */
  node: Node;
  /** The platform's record of the file; undefined while not known, null when the platform has none. */
  info: FileInfo | null | undefined;
}

export interface PlannedChild {
  /** The child's `batch_group.value`: the file name by item, the criteria values joined by ", ". */
  value: string;
  /** Criteria → value ("" when the file lacks it), as `batch_group.fields`. */
  fields: Record<string, string>;
  files: PlannedFile[];
}

export interface BatchPlan {
  setting: BatchSetting;
  children: PlannedChild[];
  /** Files whose record says nothing for one of the criteria, with the criteria they lack. */
  lacking: { file: PlannedFile; criteria: string[] }[];
  /** Files whose metadata is not known yet (not fetched, or not on the platform): their grouping is a guess. */
  unknown: PlannedFile[];
}

export function planBatch(root: Node, setting: BatchSetting, context: TaskContext): BatchPlan {
  const files = batchFiles(root, setting.input, context);
  const plan: BatchPlan = { setting, children: [], lacking: [], unknown: files.filter((f) => !f.info) };
  if (setting.by.type === 'item') {
    plan.children = files.map((file) => ({ value: file.name, fields: {}, files: [file] }));
    return plan;
  }
  const criteria = setting.by.criteria;
  const groups = new Map<string, PlannedChild>();
  for (const file of files) {
    const metadata = file.info?.metadata ?? {};
    const fields: Record<string, string> = {};
    const lacks: string[] = [];
    for (const criterion of criteria) {
      const value = metadata[criterion.replace(/^metadata\./, '')];
      fields[criterion] = value === undefined || value === null ? '' : String(value);
      if (fields[criterion] === '') lacks.push(criterion);
    }
    if (lacks.length && file.info) plan.lacking.push({ file, criteria: lacks });
    const key = JSON.stringify(criteria.map((criterion) => fields[criterion]));
    let child = groups.get(key);
    if (!child) {
      child = { value: criteria.map((criterion) => fields[criterion] || '(none)').join(', '), fields, files: [] };
      groups.set(key, child);
    }
    child.files.push(file);
  }
  plan.children = [...groups.values()];
  return plan;
}

/** The File objects given for the batch input (one object or a list), with what is known of each. */
export function batchFiles(root: Node, input: string, context: TaskContext): PlannedFile[] {
  const value = valueOf(valueOf(root, 'inputs'), input);
  if (!value || value.type === 'null') return [];
  const items = value.type === 'array' ? value.children ?? [] : [value];
  return items.filter((item) => item.type === 'object').map((node) => {
    const id = stringOf(valueOf(node, 'path'));
    const info = id && context.fileInfo ? context.fileInfo(id) : undefined;
    return { id, node, info, name: info?.name ?? stringOf(valueOf(node, 'name')) ?? id ?? 'file' };
  });
}
