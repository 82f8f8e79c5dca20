/**
 * The platform ids a task file refers to, so the wiring knows what to fetch (project, app,
 * and every file id under `inputs`, for one bulk lookup). Malformed ids are left out: there is
 * nothing to fetch for them, and the diagnostics already say what is wrong.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { taskDocumentOf, valueOf, stringOf, type Node } from './taskDocument';
import { parseAppId, isFileId, isProjectId } from './ids';

export interface ReferencedIds {
  project?: string;
  app?: { id: string; revision?: number };
  fileIds: string[];
}

export function referencedIds(textDocument: TextDocument): ReferencedIds {
  const { root } = taskDocumentOf(textDocument);
  const result: ReferencedIds = { fileIds: [] };
  const project = stringOf(valueOf(root, 'project'));
  if (project !== undefined && isProjectId(project)) result.project = project;
  const app = parseAppId(stringOf(valueOf(root, 'app')) ?? '');
  if (app) result.app = app.revision === undefined ? { id: app.id } : { id: app.id, revision: app.revision };
  const inputs = valueOf(root, 'inputs');
  if (inputs?.type === 'object') {
    const seen = new Set<string>();
    for (const property of inputs.children ?? []) collectFileIds(property.children?.[1], seen);
    result.fileIds = [...seen];
  }
  return result;
}

/** File and Directory ids in a value: its `path`s, its items', its record fields' (an explicit stack, not recursion). */
function collectFileIds(value: Node | undefined, seen: Set<string>): void {
  const pending: Node[] = value ? [value] : [];
  while (pending.length) {
    const node = pending.pop()!;
    if (node.type === 'array') {
      for (const child of node.children!) pending.push(child); // not push(...children): a huge array overflows the call stack
    } else if (node.type === 'object') {
      const fileClass = stringOf(valueOf(node, 'class'));
      const path = stringOf(valueOf(node, 'path'));
      if ((fileClass === 'File' || fileClass === 'Directory') && path !== undefined && isFileId(path)) seen.add(path);
      for (const property of node.children ?? []) {
        const child = property.children?.[1];
        if (child && (child.type === 'object' || child.type === 'array')) pending.push(child);
      }
    }
  }
}
