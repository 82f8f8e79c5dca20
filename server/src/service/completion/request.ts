/**
 * Everything one completion request knows, handed to each kind of completion.
 */
import type { JSONPath } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AppModel } from '../cwl/model';
import type { CompletionData, TaskContext } from '../providers';
import { nodeAtPath, stringOf, type Node } from '../document/taskDocument';
import type { CompletionSite } from './site';

export interface CompletionRequest {
  document: TextDocument;
  offset: number;
  site: CompletionSite;
  /** The parsed body (error-tolerant), if the text has a root value. */
  root: Node | undefined;
  /** The app's ports, when the wiring has them. */
  app: AppModel | undefined;
  context: TaskContext;
  data: CompletionData;
  signal?: AbortSignal;
}

/** A string value of the body, such as `project`, or undefined when absent or not a string. */
export function stringAt(request: CompletionRequest, path: JSONPath): string | undefined {
  return stringOf(nodeAtPath(request.root, path));
}

/** The keys present in the object at `path`, except the one being typed at the cursor. */
export function presentKeys(request: CompletionRequest, path: JSONPath): Set<string> {
  const keys = new Set<string>();
  const node = nodeAtPath(request.root, path);
  if (node?.type !== 'object') return keys;
  for (const property of node.children ?? []) {
    const key = property.children?.[0];
    if (!key || typeof key.value !== 'string') continue;
    if (request.offset >= key.offset && request.offset <= key.offset + key.length) continue;
    keys.add(key.value);
  }
  return keys;
}

/** The strings in the array at `path`, except the one being typed at the cursor. */
export function presentStrings(request: CompletionRequest, path: JSONPath): Set<string> {
  const strings = new Set<string>();
  const node = nodeAtPath(request.root, path);
  if (node?.type !== 'array') return strings;
  for (const item of node.children ?? []) {
    if (item.type !== 'string' || (request.offset >= item.offset && request.offset <= item.offset + item.length)) continue;
    strings.add(item.value);
  }
  return strings;
}

/** The whitespace that starts the cursor's line, for snippets that span lines. */
export function lineIndent(request: CompletionRequest): string {
  const text = request.document.getText();
  const lineStart = request.document.offsetAt({ line: request.site.range.start.line, character: 0 });
  let end = lineStart;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(lineStart, end);
}

/** One level of indentation as the document writes it (two spaces when it does not say). */
export function indentUnit(request: CompletionRequest): string {
  const match = /\n([ \t]+)\S/.exec(request.document.getText().slice(0, 10_000));
  if (!match) return '  ';
  return match[1].startsWith('\t') ? '\t' : match[1];
}
