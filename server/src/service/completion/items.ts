/**
 * Builds completion items that replace the token under the cursor (the whole string with its
 * quotes, as VS Code's JSON completion does), so picking an item inside `"ro|"` or after a bare
 * `ro|` leaves valid JSON, with a comma added when another property follows.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { CompletionSite } from './site';
import { jsonSnippet } from './snippet';

export interface ItemOptions {
  kind?: CompletionItemKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText?: string;
  /** What the typed text is matched against, when not the label. */
  filterText?: string;
  preselect?: boolean;
}

function item(site: CompletionSite, label: string, snippet: string, options: ItemOptions): CompletionItem {
  const result: CompletionItem = {
    label,
    kind: options.kind,
    textEdit: { range: site.range, newText: site.needsComma ? `${snippet},` : snippet },
    insertTextFormat: InsertTextFormat.Snippet,
  };
  if (options.detail) result.detail = options.detail;
  if (options.documentation) result.documentation = { kind: MarkupKind.Markdown, value: options.documentation };
  if (options.sortText) result.sortText = options.sortText;
  if (options.preselect) result.preselect = true;
  const filter = options.filterText ?? label;
  // Inside a string the typed text starts with its quote; the filter text must too.
  result.filterText = site.inString ? JSON.stringify(filter) : filter;
  return result;
}

/** A property: `"key": <value snippet>`, or `"key"` alone when the key already has a value. */
export function keyItem(site: CompletionSite, key: string, valueSnippet: string, options: ItemOptions = {}): CompletionItem {
  const keyText = jsonSnippet(key);
  const snippet = site.keyHasValue ? keyText : `${keyText}: ${valueSnippet}`;
  return item(site, key, snippet, { kind: CompletionItemKind.Property, ...options });
}

/** A JSON value written as snippet text (placeholders allowed). */
export function valueItem(site: CompletionSite, label: string, valueSnippet: string, options: ItemOptions = {}): CompletionItem {
  return item(site, label, valueSnippet, { kind: CompletionItemKind.Value, ...options });
}

/** A plain JSON value (string, number, boolean, object), inserted literally. */
export function literalItem(site: CompletionSite, label: string, value: unknown, options: ItemOptions = {}): CompletionItem {
  return valueItem(site, label, jsonSnippet(value), options);
}

/** Sort key that keeps the given order. */
export function orderKey(index: number): string {
  return String(index).padStart(5, '0');
}

