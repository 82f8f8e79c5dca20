/**
 * Values under `inputs`, by the port's type at the cursor: enum symbols, booleans, the
 * project's files, a placeholder of the right shape, and the port's default and suggested
 * value (`sbg:suggestedValue`).
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { PortType } from '../cwl/model';
import { typeToString } from '../cwl/typeNotation';
import { fileCompletions } from './files';
import { literalItem, valueItem } from './items';
import { portValueAt } from '../schema/portPath';
import type { CompletionRequest } from './request';
import { TabStops, valueSnippet } from './snippet';

/** Types whose empty shape is worth a placeholder item (typing a scalar is quicker than picking it). */
function hasShape(type: PortType): boolean {
  return type.kind === 'File' || type.kind === 'Directory' || type.kind === 'array' || type.kind === 'record';
}

export async function portValueCompletions(request: CompletionRequest): Promise<CompletionItem[]> {
  const { site } = request;
  const value = portValueAt(request.app, site.path);
  if (!value) return [];
  const { port, types } = value;
  const items: CompletionItem[] = [];
  const atPort = site.path.length === 2;
  for (const type of types) {
    if (type.kind === 'enum') {
      for (const symbol of type.symbols) {
        items.push(literalItem(site, symbol, symbol, { kind: CompletionItemKind.EnumMember, detail: port.label ?? port.id }));
      }
    } else if (type.kind === 'boolean') {
      for (const b of [true, false]) items.push(literalItem(site, String(b), b, { kind: CompletionItemKind.Value }));
    } else if (type.kind === 'File' || type.kind === 'Directory') {
      items.push(...(await fileCompletions(request, port, type.kind, 'object')));
    }
    if (hasShape(type) && !site.inString) {
      items.push(
        valueItem(site, typeToString(type), valueSnippet(type, new TabStops()), {
          kind: CompletionItemKind.Snippet,
          detail: `a value of type ${typeToString(type)}`,
          sortText: '~',
        }),
      );
    }
  }
  if (atPort && port.default !== undefined && port.default !== null) {
    items.push(literalItem(site, JSON.stringify(port.default), port.default, { detail: 'default', sortText: '0' }));
  }
  if (atPort && port.suggestedValue !== undefined && port.suggestedValue !== null) {
    items.push(literalItem(site, JSON.stringify(port.suggestedValue), port.suggestedValue, { detail: 'suggested value', sortText: '0' }));
  }
  return dedupe(items);
}

/** A default that is also an enum symbol would otherwise show twice. */
function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.textEdit?.newText ?? item.label;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
