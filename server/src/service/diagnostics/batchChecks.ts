/**
 * `batch_input` and `batch_by`: only together (7023), the batch input names a port that takes
 * files, criteria given for `type: criteria` (7019), each written `metadata.<field>`.
 * The allowed `type` values and the JSON types are the body schema's job.
 */
import type { AppModel } from '../cwl/model';
import { propertyOf, keyOf, stringOf, valueOf, type Node } from '../document/taskDocument';
import { portsById, takesFiles } from './appPorts';
import { nearest } from './nearest';
import type { Reporter } from './report';

export function checkBatch(root: Node, model: AppModel | undefined, reporter: Reporter): void {
  const inputProperty = givenProperty(root, 'batch_input');
  const byProperty = givenProperty(root, 'batch_by');
  if (inputProperty && !byProperty) {
    reporter.report(keyOf(inputProperty)!, 'sbg.batch-pair', `'batch_input' needs 'batch_by' beside it: add "batch_by": {"type": "item"} (one child task per file) or criteria.`, { id: 'batch_by' });
  } else if (byProperty && !inputProperty) {
    reporter.report(keyOf(byProperty)!, 'sbg.batch-pair', `'batch_by' needs 'batch_input' beside it: add "batch_input" with the id of the input whose files are split.`, { id: 'batch_input' });
  }
  if (inputProperty) checkBatchInput(inputProperty.children![1], model, reporter);
  if (byProperty) checkBatchBy(byProperty.children![1], reporter);
}

/** The property when it is present with a non-null value. */
function givenProperty(root: Node, key: string): Node | undefined {
  const property = propertyOf(root, key);
  const value = property?.children?.[1];
  return value && value.type !== 'null' ? property : undefined;
}

function checkBatchInput(value: Node, model: AppModel | undefined, reporter: Reporter): void {
  const id = stringOf(value);
  if (id === undefined) return;
  if (id === '') {
    reporter.report(value, 'sbg.batch-input', `'batch_input' is empty: write the id of the input whose files are split into child tasks.`);
    return;
  }
  if (!model) return;
  const port = portsById(model).get(id);
  const filePorts = model.inputs.filter((p) => takesFiles(p.type)).map((p) => p.id);
  if (!port) {
    const suggestion = nearest(id, filePorts, reporter.suggestions);
    const fix = suggestion ? `did you mean '${suggestion}'?` : filePorts.length ? `inputs that take files: ${filePorts.slice(0, 12).join(', ')}.` : 'the app has no input that takes files.';
    reporter.report(value, 'sbg.batch-input', `'batch_input' names '${id}', which is not an input of the app: ${fix}`, { id, suggestion });
  } else if (!takesFiles(port.type)) {
    const fix = filePorts.length ? `batch on one that takes files: ${filePorts.slice(0, 12).join(', ')}.` : 'the app has no input that takes files.';
    reporter.report(value, 'sbg.batch-input', `'batch_input' names '${id}', which does not take files: ${fix}`, { id });
  }
}

function checkBatchBy(value: Node, reporter: Reporter): void {
  if (value.type !== 'object') return;
  const typeNode = valueOf(value, 'type');
  const type = stringOf(typeNode)?.toLowerCase();
  const criteria = valueOf(value, 'criteria');
  if (type === 'criteria') {
    if (!criteria || criteria.type === 'null' || (criteria.type === 'array' && !criteria.children?.length)) {
      reporter.report(criteria ?? typeNode!, 'sbg.batch-by', `Batching by criteria needs "criteria": the metadata fields that group files, such as ["metadata.sample_id"].`);
    }
  }
  if (criteria?.type !== 'array') return;
  for (const item of criteria.children ?? []) {
    const field = stringOf(item);
    if (field === undefined) continue; // not a string: the body schema says so
    if (!field.startsWith('metadata.') || field.length === 'metadata.'.length) {
      const fixed = field.startsWith('metadata.') ? 'metadata.sample_id' : `metadata.${field}`;
      reporter.report(item, 'sbg.batch-by', `Batch criteria are metadata fields written metadata.<field>: write "${fixed}" instead of "${field}".`, { suggestion: fixed });
    }
  }
}
