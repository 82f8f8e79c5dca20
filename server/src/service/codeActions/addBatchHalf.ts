/**
 * Quick fix: add the missing half of a batch pair: `batch_by: {"type": "item"}` beside a
 * `batch_input`, or beside a `batch_by` the batch input the app suggests (its default batch
 * input, else its first list-of-files input, else its first input that takes files).
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { AppModel } from '../cwl/model';
import { valueOf, type TaskDocument } from '../document/taskDocument';
import { takesFiles } from '../diagnostics/appPorts';
import { setValues } from './edits';

export function addBatchHalf(document: TaskDocument, model: AppModel | undefined, diagnostic: Diagnostic): CodeAction[] {
  const root = document.root;
  const given = (key: string) => {
    const value = valueOf(root, key);
    return value !== undefined && value.type !== 'null';
  };
  let change: { path: string[]; value: unknown; title: string } | undefined;
  if (given('batch_input') && !given('batch_by')) {
    change = { path: ['batch_by'], value: { type: 'item' }, title: "Add \"batch_by\": {\"type\": \"item\"} (one child task per file)" };
  } else if (given('batch_by') && !given('batch_input')) {
    const input = batchInputCandidate(model);
    if (input) change = { path: ['batch_input'], value: input, title: `Add "batch_input": "${input}"` };
  }
  if (!change) return [];
  const edits = setValues(document, [change]);
  if (edits.length === 0) return [];
  return [{ title: change.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.textDocument.uri]: edits } } }];
}

function batchInputCandidate(model: AppModel | undefined): string | undefined {
  if (!model) return undefined;
  if (model.batchInput && model.inputs.some((p) => p.id === model.batchInput)) return model.batchInput;
  const filePorts = model.inputs.filter((p) => takesFiles(p.type));
  return (filePorts.find((p) => p.type.kind === 'array') ?? filePorts[0])?.id;
}
