/**
 * All diagnostics of a task file: syntax, the body's schema, ids, the inputs against the app's
 * ports, batching and execution settings, plus what the wiring learnt from the platform.
 * One parse per document version; each check walks only the part of the tree it judges.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { readyModel, type TaskContext } from '../providers';
import { taskDocumentOf } from '../document/taskDocument';
import type { ValidationSettings } from './codes';
import { Reporter } from './report';
import { suggestionBudget, type SuggestionBudget } from './nearest';
import { checkSyntax } from './syntaxChecks';
import { checkDuplicateKeys } from './duplicateKeys';
import { checkBody } from './bodyChecks';
import { checkIds } from './idChecks';
import { checkFilesWithoutApp, checkInputs } from './inputChecks';
import { checkBatch } from './batchChecks';
import { checkExecutionSettings } from './executionChecks';
import { checkBatchPlan } from './batchPlanChecks';
import { checkDuplicateFiles } from './duplicateFiles';

/** `suggestions`: what "did you mean" may spend on this document; tests pass their own to count it. */
export function validate(textDocument: TextDocument, context: TaskContext = {}, settings?: ValidationSettings, suggestions: SuggestionBudget = suggestionBudget()): Diagnostic[] {
  const document = taskDocumentOf(textDocument);
  const reporter = new Reporter(document, settings, suggestions);
  checkSyntax(document, reporter);
  checkDuplicateKeys(document, reporter);
  const root = document.root;
  if (!root) return reporter.finish();
  checkBody(root, reporter);
  if (root.type !== 'object') return reporter.finish();
  checkIds(root, context, reporter);
  const model = readyModel(context);
  if (model) checkInputs(root, model, context, reporter);
  else checkFilesWithoutApp(root, context, reporter);
  checkDuplicateFiles(root, reporter);
  checkBatch(root, model, reporter);
  checkBatchPlan(root, model, context, reporter);
  checkExecutionSettings(root, context, reporter);
  return reporter.finish();
}
