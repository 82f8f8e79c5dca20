/**
 * Quick fixes for the diagnostics of a task file (one fix a file beside this one). Fixes are
 * computed again from the document and the app, not from the diagnostic's text, so a client
 * that does not pass `data` back still gets them.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { readyModel, type TaskContext } from '../providers';
import { taskDocumentOf } from '../document/taskDocument';
import { diagnosticSource } from '../diagnostics/codes';
import { addMissingInputs } from './addMissingInputs';
import { replaceUnknownInput } from './replaceUnknownInput';
import { wrapInArray } from './wrapInArray';
import { addBatchHalf } from './addBatchHalf';
import { batchBySample, runAsOneTask } from './batchFixes';
import { enumSymbolFixes } from './enumSymbol';

export function codeActions(textDocument: TextDocument, _range: Range, diagnostics: Diagnostic[], context: TaskContext = {}): CodeAction[] {
  const ours = diagnostics.filter((d) => d.source === diagnosticSource);
  if (ours.length === 0) return [];
  try {
    const document = taskDocumentOf(textDocument);
    const model = readyModel(context);
    const actions: CodeAction[] = [];
    const missing = ours.filter((d) => d.code === 'sbg.missing-required-input');
    if (model && missing.length) actions.push(...addMissingInputs(document, model, missing));
    for (const diagnostic of ours) {
      if (model && diagnostic.code === 'sbg.unknown-input') actions.push(...replaceUnknownInput(document, model, diagnostic));
      else if (model && diagnostic.code === 'sbg.input-type') actions.push(...wrapInArray(document, model, diagnostic), ...enumSymbolFixes(document, model, diagnostic));
      else if (diagnostic.code === 'sbg.batch-pair') actions.push(...addBatchHalf(document, model, diagnostic));
      else if (diagnostic.code === 'sbg.default-batch') actions.push(...runAsOneTask(document, diagnostic));
      else if (diagnostic.code === 'sbg.split-pairs') actions.push(...batchBySample(document, diagnostic));
    }
    return actions;
  } catch (e) {
    // jsonc-parser's `modify` recurses per nesting level: text nested thousands deep gets no fix.
    if (e instanceof RangeError) return [];
    throw e;
  }
}
