/**
 * Runs completion on a cursor-marked fixture and applies a chosen item as the editor would
 * (snippet placeholders become their default text, choices their first option).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-types';
import { complete } from '../../../server/src/service/completion/complete';
import type { CompletionData, TaskContext } from '../../../server/src/service/providers';
import { withCursor } from '../../test-utils/cursor';

export async function completeAt(marked: string, context: TaskContext = {}, data: CompletionData = {}, signal?: AbortSignal) {
  const { document, position } = withCursor(marked);
  const list: CompletionList = await complete(document, position, context, data, signal);
  return { document, list, labels: list.items.map((i) => i.label) };
}

/** The snippet as the editor expands it with every placeholder left at its default. */
export function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

export function applyItem(document: TextDocument, item: CompletionItem | undefined): string {
  if (!item?.textEdit || !('range' in item.textEdit)) throw new Error(`item without a text edit: ${JSON.stringify(item)}`);
  const edit: TextEdit = { range: item.textEdit.range, newText: expandSnippet(item.textEdit.newText) };
  return TextDocument.applyEdits(document, [edit]);
}

export function itemOf(list: CompletionList, label: string): CompletionItem {
  const item = list.items.find((i) => i.label === label);
  if (!item) throw new Error(`no item "${label}" among: ${list.items.map((i) => i.label).join(', ')}`);
  return item;
}
