/**
 * The platform ids a task file refers to, so the wiring knows what to fetch (project, app,
 * and every file id under `inputs`, for one bulk lookup). Malformed ids are left out: there is
 * nothing to fetch for them, and the diagnostics already say what is wrong.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { taskDocumentOf, valueOf, stringOf } from './taskDocument';
import { parseAppId, isFileIdIn, isProjectId } from './ids';
import { NodeKind, type SyntaxTree } from './syntaxTree';

export interface ReferencedIds {
  project?: string;
  app?: { id: string; revision?: number };
  readonly fileIds: string[];
}

/**
 * The ids a document names. `fileIds` is read on first use: the server derives these ids on every
 * version to know the app, and walking 10,000 File objects for ids only live lookups read would
 * cost more than the rest of an edit's diagnostics.
 */
export function referencedIds(textDocument: TextDocument): ReferencedIds {
  const { root } = taskDocumentOf(textDocument);
  const project = stringOf(valueOf(root, 'project'));
  const app = parseAppId(stringOf(valueOf(root, 'app')) ?? '');
  const inputs = valueOf(root, 'inputs');
  let fileIds: string[] | undefined;
  const result: ReferencedIds = {
    get fileIds() {
      return (fileIds ??= inputs?.type === 'object' ? fileIdsUnder(inputs.tree, inputs.row) : []);
    },
  };
  if (project !== undefined && isProjectId(project)) result.project = project;
  if (app) result.app = app.revision === undefined ? { id: app.id } : { id: app.id, revision: app.revision };
  return result;
}

/**
 * The ids of the File and Directory objects anywhere under a value (list items, record fields,
 * secondary files). Rows are in document order and a node's subtree is the rows up to its `end`,
 * so one pass over them finds every object, with no node view made per file: this runs on every
 * version of the document, and a batch body holds thousands of files.
 */
function fileIdsUnder(tree: SyntaxTree, row: number): string[] {
  const seen = new Set<string>();
  for (let object = row, end = tree.ends[row]; object < end; object++) {
    if (tree.kinds[object] !== NodeKind.Object || !isFileOrDirectory(tree, object)) continue;
    const path = tree.propertyValue(tree.property(object, 'path'));
    if (path >= 0 && tree.stringMatches(path, isFileIdIn)) seen.add(tree.value(path) as string);
  }
  return [...seen];
}

function isFileOrDirectory(tree: SyntaxTree, object: number): boolean {
  const fileClass = tree.propertyValue(tree.property(object, 'class'));
  return fileClass >= 0 && (tree.isString(fileClass, 'File') || tree.isString(fileClass, 'Directory'));
}
