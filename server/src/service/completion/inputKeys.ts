/**
 * Keys under `inputs`: the app's port ids not yet given, each inserting a value of its type,
 * plus one item that adds every missing required input at once. Also the whole `inputs`
 * object (with the required inputs in it) where its value is written.
 */
import { CompletionItemKind, InsertTextMode, type CompletionItem } from 'vscode-languageserver-types';
import type { InputPort } from '../cwl/model';
import { typeToString } from '../cwl/typeNotation';
import { portMarkdown } from '../hover/portDoc';
import { keyItem, orderKey, valueItem } from './items';
import { indentUnit, lineIndent, presentKeys, type CompletionRequest } from './request';
import { TabStops, jsonSnippet, valueSnippet } from './snippet';

function portDetail(port: InputPort): string {
  return `${typeToString(port.type)}${port.required ? ' (required)' : ''}`;
}

function propertySnippet(port: InputPort, stops: TabStops): string {
  return `${jsonSnippet(port.id)}: ${valueSnippet(port.type, stops)}`;
}

function missingRequired(request: CompletionRequest): InputPort[] {
  const present = presentKeys(request, ['inputs']);
  return (request.app?.inputs ?? []).filter((port) => port.required && !present.has(port.id));
}

/** Port ids for a key under `inputs`. */
export function inputKeyCompletions(request: CompletionRequest): CompletionItem[] {
  const app = request.app;
  if (!app) return [];
  const present = presentKeys(request, ['inputs']);
  const items = app.inputs
    .filter((port) => !present.has(port.id))
    .map((port, index) =>
      keyItem(request.site, port.id, valueSnippet(port.type, new TabStops()), {
        kind: CompletionItemKind.Field,
        detail: portDetail(port),
        documentation: portMarkdown(port),
        sortText: `${port.required ? 1 : 2}${orderKey(index)}`,
      }),
    );
  const missing = missingRequired(request);
  if (missing.length > 0 && !request.site.keyHasValue) {
    const stops = new TabStops();
    const snippet = missing.map((p) => propertySnippet(p, stops)).join(`,\n${lineIndent(request)}`);
    const item = valueItem(request.site, 'all missing required inputs', snippet, {
      kind: CompletionItemKind.Snippet,
      detail: missing.map((p) => p.id).join(', '),
      documentation: `Adds the ${missing.length} required input${missing.length === 1 ? '' : 's'} not yet given, each with a value of its type.`,
      filterText: missing.map((p) => p.id).join(' '),
      sortText: '0',
    });
    item.insertTextMode = InsertTextMode.asIs;
    items.push(item);
  }
  return items;
}

/** An `inputs` object holding every required input, where the value of `inputs` is written. */
export function inputsValueCompletions(request: CompletionRequest): CompletionItem[] {
  if (!request.app || request.site.inString) return [];
  const required = request.app.inputs.filter((port) => port.required);
  const outer = lineIndent(request);
  const inner = outer + indentUnit(request);
  const stops = new TabStops();
  const body = required.length === 0 ? '$1' : `\n${inner}${required.map((p) => propertySnippet(p, stops)).join(`,\n${inner}`)}\n${outer}`;
  const item = valueItem(request.site, '{ required inputs }', `{${body}}`, {
    kind: CompletionItemKind.Snippet,
    detail: required.map((p) => p.id).join(', ') || 'the app has no required inputs',
    documentation: "An `inputs` object with the app's required inputs, each with a value of its type.",
    filterText: '{',
  });
  item.insertTextMode = InsertTextMode.asIs;
  return [item];
}
