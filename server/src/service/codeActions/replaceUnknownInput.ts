/**
 * Quick fix: rename an unknown input id to the nearest port id. The key's text is replaced in
 * place (jsonc-parser's `modify` cannot rename a key; removing and re-adding it would move it).
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { AppModel } from '../cwl/model';
import { nodeAtOffset, type TaskDocument } from '../document/taskDocument';
import { nearest } from '../diagnostics/nearest';
import { portsById } from '../diagnostics/appPorts';

export function replaceUnknownInput(document: TaskDocument, model: AppModel, diagnostic: Diagnostic): CodeAction[] {
  const offset = document.textDocument.offsetAt(diagnostic.range.start);
  const keyNode = nodeAtOffset(document.root, offset);
  if (keyNode?.type !== 'string' || keyNode.parent?.type !== 'property' || keyNode.parent.children?.[0] !== keyNode) return [];
  const id = keyNode.value as string;
  const ports = portsById(model);
  const suggestion = nearest(id.replace(/^#/, ''), [...ports.keys()]);
  if (!suggestion || suggestion === id) return [];
  const textDocument = document.textDocument;
  const range = { start: textDocument.positionAt(keyNode.offset), end: textDocument.positionAt(keyNode.offset + keyNode.length) };
  return [
    {
      title: `Change '${id}' to '${suggestion}'`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [textDocument.uri]: [{ range, newText: JSON.stringify(suggestion) }] } },
    },
  ];
}
