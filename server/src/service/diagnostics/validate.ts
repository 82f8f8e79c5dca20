/**
 * All diagnostics of a task file: syntax, the body's schema, ids, the inputs against the app's
 * ports, batching and execution settings, plus what the wiring learnt from the platform.
 * One parse per document version; each check walks only the part of the tree it judges, and
 * the checks that walk every item take what the last validation found in the items an edit did
 * not touch (reuse.ts).
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
import { Reuse } from './reuse';

/** `suggestions`: what "did you mean" may spend on this document; tests pass their own to count it. */
export function validate(textDocument: TextDocument, context: TaskContext = {}, settings?: ValidationSettings, suggestions: SuggestionBudget = suggestionBudget()): Diagnostic[] {
  const document = taskDocumentOf(textDocument);
  const reporter = new Reporter(document, settings, suggestions);
  const model = readyModel(context);
  const reuse = Reuse.begin(document, model, context);
  checkSyntax(document, reporter);
  checkDuplicateKeys(document, reporter, reuse);
  const root = document.root;
  if (root?.type === 'object') {
    checkBody(root, reporter);
    checkIds(root, context, reporter);
    if (model) checkInputs(root, model, context, reporter, reuse);
    else checkFilesWithoutApp(root, context, reporter);
    checkDuplicateFiles(root, reporter, reuse);
    checkBatch(root, model, reporter);
    checkBatchPlan(root, model, context, reporter);
    checkExecutionSettings(root, context, reporter);
  } else if (root) {
    checkBody(root, reporter);
  }
  reuse.keep();
  return reporter.finish();
}
