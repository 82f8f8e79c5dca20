/**
 * Where the cursor is, in JSON terms: which object's keys or which value is being written, what
 * has been typed so far, and which text a completion replaces. jsonc-parser's `getLocation`
 * (through `locationAt`, which starts it at the container around the cursor) reads this from the
 * raw text, so it works on half-typed, unterminated input.
 */
import type { JSONPath } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { locationAt } from '../document/location';
import { taskDocumentOf } from '../document/taskDocument';

export interface CompletionSite {
  /** For a key: the path of the object whose key is written. For a value: the path of the value. */
  path: JSONPath;
  isKey: boolean;
  /** The text typed so far (without quotes). */
  prefix: string;
  /** What a completion replaces: the whole string or word under the cursor, or nothing. */
  range: Range;
  /** The cursor is inside a string literal, so an item's text must be a quoted JSON string. */
  inString: boolean;
  /** A key that already has its `:`: insert the key alone, not `"key": value`. */
  keyHasValue: boolean;
  /** Another property or element follows without a comma: the inserted text needs one. */
  needsComma: boolean;
}

const WORD = /[A-Za-z0-9_.\-]/;

export function completionSite(document: TextDocument, offset: number): CompletionSite | undefined {
  const parsed = taskDocumentOf(document);
  const text = parsed.text;
  const location = locationAt(parsed, offset);
  if (location.isAtPropertyKey && location.path.length === 0) return undefined; // after the root value
  const node = location.previousNode;
  const inToken = node !== undefined && offset > node.offset && offset <= node.offset + node.length;
  let start = offset;
  let end = offset;
  let prefix = '';
  let inString = false;
  if (node && inToken && (node.type === 'string' || node.type === 'property')) {
    start = node.offset;
    end = node.offset + node.length;
    inString = true;
    prefix = text.slice(node.offset + 1, offset);
  } else if (node && inToken) {
    start = node.offset;
    end = node.offset + node.length;
    prefix = text.slice(start, offset);
  } else {
    while (start > 0 && WORD.test(text[start - 1])) start--;
    while (end < text.length && WORD.test(text[end])) end++;
    prefix = text.slice(start, offset);
  }
  const after = nextSignificant(text, end);
  const isKey = location.isAtPropertyKey;
  const keyHasValue = isKey && after === ':';
  return {
    path: isKey ? location.path.slice(0, -1) : location.path,
    isKey,
    prefix,
    range: { start: document.positionAt(start), end: document.positionAt(end) },
    inString,
    keyHasValue,
    needsComma: !keyHasValue && (after === '"' || (!isKey && (after === '{' || after === '['))),
  };
}

function nextSignificant(text: string, from: number): string | undefined {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\n') return c;
  }
  return undefined;
}
