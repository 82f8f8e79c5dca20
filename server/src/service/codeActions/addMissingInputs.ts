/** Quick fix: add every missing required input of the app, each with a placeholder of its shape. */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { AppModel } from '../cwl/model';
import { valueOf, type TaskDocument } from '../document/taskDocument';
import { placeholderFor } from './placeholders';
import { setValues } from './edits';

export function addMissingInputs(document: TaskDocument, model: AppModel, diagnostics: Diagnostic[]): CodeAction[] {
  const root = document.root;
  if (root?.type !== 'object') return [];
  const inputs = valueOf(root, 'inputs');
  if (inputs && inputs.type !== 'object') return [];
  const missing = model.inputs.filter((port) => {
    if (!port.required) return false;
    const value = valueOf(inputs, port.id);
    return !value || value.type === 'null';
  });
  if (missing.length === 0) return [];
  const changes = inputs
    ? missing.map((port) => ({ path: ['inputs', port.id], value: placeholderFor(port.type) }))
    : [{ path: ['inputs'], value: Object.fromEntries(missing.map((port) => [port.id, placeholderFor(port.type)])) }];
  const edits = setValues(document, changes);
  if (edits.length === 0) return [];
  const title = missing.length === 1 ? `Add the required input '${missing[0].id}'` : `Add the ${missing.length} missing required inputs`;
  return [{ title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: true, edit: { changes: { [document.textDocument.uri]: edits } } }];
}
