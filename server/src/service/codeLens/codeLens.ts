/**
 * CodeLenses of a task file that makes a batch: what the batch will do, said before it is sent.
 * The app's default batching gets "Runs as a batch: ... (the app's default)" and "Run as one
 * task" at the top of the file; every batch gets its child count ("Batch: 24 children by
 * sample_id · 2 files lack sample_id") and "Preview batch". Commands are the client's.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens, Range } from 'vscode-languageserver-types';
import { readyModel, type TaskContext } from '../providers';
import { keyOf, propertyOf, rangeOf, taskDocumentOf } from '../document/taskDocument';
import { defaultBatchSentence } from '../diagnostics/batchPlanChecks';
import { runAsOneTaskEdit, RUN_AS_ONE_TASK } from '../codeActions/batchFixes';
import { batchSetting } from '../batch/batchSetting';
import { planBatch } from '../batch/batchPlan';
import { batchSummary } from '../batch/batchPreview';

/** The client commands the lenses run. */
export const LensCommands = {
  previewBatch: 'sbgTasks.previewBatch',
  applyEdit: 'sbgTasks.applyWorkspaceEdit',
} as const;

export function codeLenses(textDocument: TextDocument, context: TaskContext): CodeLens[] {
  try {
    const document = taskDocumentOf(textDocument);
    const root = document.root;
    const setting = batchSetting(root, readyModel(context));
    if (!root || !setting) return [];
    const uri = textDocument.uri;
    const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const batchProperty = propertyOf(root, 'batch_input') ?? propertyOf(root, 'batch_by');
    const batchKey = batchProperty && keyOf(batchProperty);
    const at = setting.source === 'app-default' || !batchKey ? top : rangeOf(document, batchKey);
    const lenses: CodeLens[] = [];
    if (setting.source === 'app-default') {
      lenses.push({ range: top, command: { title: defaultBatchSentence(setting), command: LensCommands.previewBatch, arguments: [uri] } });
      const edits = runAsOneTaskEdit(document);
      if (edits.length) lenses.push({ range: top, command: { title: RUN_AS_ONE_TASK, command: LensCommands.applyEdit, arguments: [{ changes: { [uri]: edits } }] } });
    }
    const plan = planBatch(root, setting, context);
    lenses.push({ range: at, command: { title: batchSummary({ ...plan, by: setting.by }), command: LensCommands.previewBatch, arguments: [uri] } });
    lenses.push({ range: at, command: { title: 'Preview batch', command: LensCommands.previewBatch, arguments: [uri] } });
    return lenses;
  } catch (error) {
    if (error instanceof RangeError) return []; // nested too deeply to walk
    throw error;
  }
}
