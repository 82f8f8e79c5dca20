/**
 * Quick fixes of the batch checks: "Run as one task" writes `"batch": false`, the platform's
 * documented way to turn batching off at creation (docs/PLATFORM.md#batching: it also overrides
 * explicit batch arguments); "Batch by metadata.sample_id" replaces an item batch that would
 * split read pairs, offered when every file carries `sample_id`.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { TaskDocument } from '../document/taskDocument';
import type { DiagnosticData } from '../diagnostics/report';
import { setValues } from './edits';

export const RUN_AS_ONE_TASK = 'Run as one task';

/** The edit that turns batching off, or none when the body says so already. */
export function runAsOneTaskEdit(document: TaskDocument) {
  return setValues(document, [{ path: ['batch'], value: false }]);
}

export function runAsOneTask(document: TaskDocument, diagnostic: Diagnostic): CodeAction[] {
  const edits = runAsOneTaskEdit(document);
  if (edits.length === 0) return [];
  return [{ title: `${RUN_AS_ONE_TASK} ("batch": false)`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.textDocument.uri]: edits } } }];
}

export function batchBySample(document: TaskDocument, diagnostic: Diagnostic): CodeAction[] {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (data?.suggestion !== 'metadata.sample_id' || !data.id) return [];
  const edits = setValues(document, [
    { path: ['batch_input'], value: data.id },
    { path: ['batch_by'], value: { type: 'criteria', criteria: ['metadata.sample_id'] } },
  ]);
  if (edits.length === 0) return [];
  return [{ title: 'Batch by metadata.sample_id (one child per sample)', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [document.textDocument.uri]: edits } } }];
}
