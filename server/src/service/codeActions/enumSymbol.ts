/**
 * Quick fix: a value of the wrong JSON type where an enum belongs (`"out_sam_type": 1`) is
 * replaced by one of the port's symbols, one fix per symbol (a number that is a symbol's
 * text first, as the preferred fix).
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { AppModel, PortType } from '../cwl/model';
import { nodeAtOffset, pathOf, type TaskDocument } from '../document/taskDocument';
import { portsById } from '../diagnostics/appPorts';

/** Past this many symbols the list of fixes would drown the menu: completion offers them instead. */
const MAX_SYMBOL_FIXES = 12;

export function enumSymbolFixes(document: TaskDocument, model: AppModel, diagnostic: Diagnostic): CodeAction[] {
  const textDocument = document.textDocument;
  const start = textDocument.offsetAt(diagnostic.range.start);
  const end = textDocument.offsetAt(diagnostic.range.end);
  let node = nodeAtOffset(document.root, start);
  while (node && !(node.offset === start && node.offset + node.length === end)) node = node.parent;
  if (!node || node.type === 'string' || node.type === 'object' || node.type === 'array') return [];
  const path = pathOf(node);
  if (path.length !== 2 || path[0] !== 'inputs') return [];
  const symbols = enumSymbols(portsById(model).get(String(path[1]))?.type);
  if (!symbols.length || symbols.length > MAX_SYMBOL_FIXES) return [];
  const asText = String(node.value);
  const ordered = [...symbols.filter((s) => s === asText), ...symbols.filter((s) => s !== asText)];
  return ordered.map((symbol) => ({
    title: `Change to "${symbol}"`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: symbol === asText,
    edit: { changes: { [textDocument.uri]: [{ range: diagnostic.range, newText: JSON.stringify(symbol) }] } },
  }));
}

function enumSymbols(type: PortType | undefined): string[] {
  if (type?.kind === 'enum') return type.symbols;
  if (type?.kind === 'union') return type.members.flatMap((member) => (member.kind === 'enum' ? member.symbols : []));
  return [];
}
