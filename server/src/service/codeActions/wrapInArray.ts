/**
 * Quick fix: put a lone value (a File, usually) into a list for a port that takes a list.
 * Only the brackets are inserted, so the value keeps its formatting exactly.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { AppModel } from '../cwl/model';
import { nodeAtOffset, pathOf, type TaskDocument } from '../document/taskDocument';
import { portsById } from '../diagnostics/appPorts';

export function wrapInArray(document: TaskDocument, model: AppModel, diagnostic: Diagnostic): CodeAction[] {
  const textDocument = document.textDocument;
  const start = textDocument.offsetAt(diagnostic.range.start);
  const end = textDocument.offsetAt(diagnostic.range.end);
  let node = nodeAtOffset(document.root, start);
  while (node && !(node.offset === start && node.offset + node.length === end)) node = node.parent;
  if (!node || node.type === 'array') return [];
  const path = pathOf(node);
  if (path.length !== 2 || path[0] !== 'inputs') return [];
  const port = portsById(model).get(String(path[1]));
  const takesList = port && (port.type.kind === 'array' || (port.type.kind === 'union' && port.type.members.some((m) => m.kind === 'array')));
  if (!takesList) return [];
  return [
    {
      title: `Wrap the value of '${port.id}' in a list`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: {
        changes: {
          [textDocument.uri]: [
            { range: { start: diagnostic.range.start, end: diagnostic.range.start }, newText: '[' },
            { range: { start: diagnostic.range.end, end: diagnostic.range.end }, newText: ']' },
          ],
        },
      },
    },
  ];
}
