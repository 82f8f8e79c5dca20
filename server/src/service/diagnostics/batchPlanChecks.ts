/**
 * What the batch will do, checked before it is sent: the app's default batching said out loud
 * (it turns a file written as one task into a batch), reads that look paired split by an item
 * batch, and files of a criteria batch that lack a criterion. The last two need the files'
 * records, so they wait for the wiring's bulk lookups (never an error while unknown).
 */
import type { AppModel } from '../cwl/model';
import type { TaskContext } from '../providers';
import { valueOf, type Node } from '../document/taskDocument';
import { batchSetting, describeGrouping, type BatchSetting } from '../batch/batchSetting';
import { batchFiles } from '../batch/batchPlan';
import { NodeKind } from '../document/syntaxTree';
import { readPairs } from '../batch/readPairs';
import type { Reporter } from './report';

/** Past this many files the per-file warnings stop (the preview lists them all). */
const MAX_FILE_WARNINGS = 200;

export function checkBatchPlan(root: Node, model: AppModel | undefined, context: TaskContext, reporter: Reporter): void {
  const setting = batchSetting(root, model);
  if (!setting) return;
  if (setting.source === 'app-default') {
    const app = valueOf(root, 'app');
    if (app) reporter.report(app, 'sbg.default-batch', `${defaultBatchSentence(setting)}. Add "batch": false to run it as one task.`, { id: setting.input });
  }
  if (setting.by.type === 'item') checkPairs(root, setting, context, reporter);
  else checkMetadata(root, setting, context, reporter);
}

/** "Runs as a batch: by metadata.sample_id over 'reads' (the app's default)". */
export function defaultBatchSentence(setting: BatchSetting): string {
  return `Runs as a batch: ${describeGrouping(setting.by)} over '${setting.input}'${setting.source === 'app-default' ? " (the app's default)" : ''}`;
}

function checkPairs(root: Node, setting: BatchSetting, context: TaskContext, reporter: Reporter): void {
  const files = batchFiles(root, setting.input, context);
  const pairs = readPairs(files.map((f) => f.name));
  if (pairs.length === 0) return;
  const [first, second] = pairs[0];
  const bySample = files.every((f) => f.info && hasField(f.info.metadata, 'sample_id'));
  const fix = bySample ? 'batch by metadata.sample_id to keep each sample\'s files together' : 'batch by a metadata criterion that keeps mates together, such as metadata.sample_id';
  const where = setting.source === 'body' ? valueOf(root, 'batch_by') ?? valueOf(root, 'batch_input')! : valueOf(root, 'app')!;
  const others = pairs.length > 1 ? ` (and ${pairs.length - 1} more pair${pairs.length > 2 ? 's' : ''})` : '';
  reporter.report(
    where,
    'sbg.split-pairs',
    `Batching by item splits read pairs: ${files[first].name} and ${files[second].name}${others} would run in different child tasks; ${fix}.`,
    bySample ? { id: setting.input, suggestion: 'metadata.sample_id' } : { id: setting.input },
  );
}

/**
 * Files of a criteria batch whose record lacks a criterion. Only files whose records are known
 * can lack anything, so without live data nothing is read; with it the items are read row by row
 * (no node view per file, no plan of the children): this runs on every edit of a body that may
 * batch 10,000 files, and the preview, not this, shows the children.
 */
function checkMetadata(root: Node, setting: BatchSetting, context: TaskContext, reporter: Reporter): void {
  const fileInfo = context.fileInfo;
  const value = valueOf(valueOf(root, 'inputs'), setting.input);
  if (!fileInfo || !value) return;
  const { tree } = value;
  const fields = setting.by.criteria.map((criterion) => [criterion, criterion.replace(/^metadata\./, '')] as const);
  const facts = context.fileFacts;
  if (facts && !fields.some(([, field]) => facts.anyLacking(field))) return; // every known file has every criterion
  let warned = 0;
  const check = (item: number) => {
    if (tree.kinds[item] !== NodeKind.Object) return;
    const path = tree.propertyValue(tree.property(item, 'path'));
    if (path < 0 || tree.type(path) !== 'string') return;
    const info = fileInfo(tree.value(path) as string);
    if (!info) return;
    let lacking: string[] | undefined; // no array per file that has everything
    for (const [criterion, field] of fields) if (!hasField(info.metadata, field)) (lacking ??= []).push(criterion);
    if (!lacking) return;
    const names = lacking.join(', ');
    reporter.report(
      tree.view(item),
      'sbg.batch-metadata',
      `${info.name} has no ${names} in its metadata: the batch groups it with the other files that lack it (child "(none)"). Set ${names} on the file, or leave it out of the batch.`,
      { id: setting.input },
    );
    warned++;
  };
  if (tree.kinds[value.row] !== NodeKind.Array) return check(value.row);
  for (let item = tree.firstChild(value.row); item >= 0 && warned < MAX_FILE_WARNINGS && !reporter.full; item = tree.nextSibling(item)) check(item);
}

function hasField(metadata: Record<string, unknown> | undefined, field: string): boolean {
  const value = metadata?.[field];
  return value !== undefined && value !== null && value !== '';
}
