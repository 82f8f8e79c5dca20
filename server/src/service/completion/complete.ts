/**
 * Completion for task files: finds what is being written at the cursor and asks the one kind
 * of completion that knows it (one file per kind in this folder). A provider that is missing,
 * fails or is aborted contributes nothing; completion itself never throws.
 */
import type { JSONPath } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import { taskDocumentOf } from '../document/taskDocument';
import type { CompletionData, TaskContext } from '../providers';
import { appCompletions } from './apps';
import { batchByCompletions, batchInputCompletions, criteriaCompletions } from './batch';
import { bodyKeyCompletions, bodyValueCompletions } from './bodyKeys';
import { fileCompletions } from './files';
import { inputKeyCompletions, inputsValueCompletions } from './inputKeys';
import { instanceTypeCompletions } from './instanceTypes';
import { portValueAt } from '../schema/portPath';
import { portValueCompletions } from './portValues';
import { projectCompletions } from './projects';
import type { CompletionRequest } from './request';
import { completionSite } from './site';

export async function complete(
  document: TextDocument,
  position: Position,
  context: TaskContext,
  data: CompletionData,
  signal?: AbortSignal,
): Promise<CompletionList> {
  const request = requestAt(document, position, context, data, signal);
  if (!request) return { isIncomplete: false, items: [] };
  // Lists that depend on the typed text (files by name) must be asked again as typing goes on.
  const isIncomplete = request.site.path[0] === 'inputs' && !request.site.isKey;
  try {
    const items = await completionsFor(request);
    return { isIncomplete: isIncomplete && !signal?.aborted, items: signal?.aborted ? [] : items };
  } catch {
    return { isIncomplete: true, items: [] };
  }
}

function requestAt(
  document: TextDocument,
  position: Position,
  context: TaskContext,
  data: CompletionData,
  signal: AbortSignal | undefined,
): CompletionRequest | undefined {
  try {
    const offset = document.offsetAt(position);
    const site = completionSite(document, offset);
    if (!site) return undefined;
    const app = context.app?.state === 'ready' ? context.app.model : undefined;
    return { document, offset, site, root: taskDocumentOf(document).root, app, context, data, signal };
  } catch (error) {
    // jsonc-parser recurses per nesting level: text nested thousands deep has no completions.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function is(path: JSONPath, ...expected: (string | number | undefined)[]): boolean {
  return path.length === expected.length && expected.every((segment, i) => segment === undefined || segment === path[i]);
}

async function completionsFor(request: CompletionRequest): Promise<CompletionItem[]> {
  const { path, isKey } = request.site;
  if (isKey) {
    if (is(path, 'inputs')) return inputKeyCompletions(request);
    return bodyKeyCompletions(request);
  }
  if (is(path, 'project')) return projectCompletions(request);
  if (is(path, 'app')) return appCompletions(request);
  if (is(path, 'inputs')) return [...inputsValueCompletions(request), ...bodyValueCompletions(request)];
  if (is(path, 'batch_input')) return batchInputCompletions(request);
  if (is(path, 'batch_by')) return [...batchByCompletions(request), ...bodyValueCompletions(request)];
  if (is(path, 'batch_by', 'criteria', undefined)) return criteriaCompletions(request);
  if (is(path, 'execution_settings', 'instance_type') || is(path, 'execution_settings', 'instance_type', undefined)) {
    return instanceTypeCompletions(request);
  }
  if (path[0] === 'inputs' && path[path.length - 1] === 'path') {
    const file = portValueAt(request.app, path.slice(0, -1));
    const fileClass = file?.types.find((t) => t.kind === 'File' || t.kind === 'Directory')?.kind;
    if (file && (fileClass === 'File' || fileClass === 'Directory')) return fileCompletions(request, file.port, fileClass, 'id');
  }
  if (path[0] === 'inputs' && path.length >= 2) {
    // Inside a File object (`class`) the body schema knows the value; elsewhere the port does.
    return portValueAt(request.app, path)?.types.length ? portValueCompletions(request) : bodyValueCompletions(request);
  }
  return bodyValueCompletions(request);
}
