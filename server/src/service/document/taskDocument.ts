/**
 * A task file parsed once per document version: the JSON tree with offsets (a `SyntaxTree`,
 * seen node by node as jsonc-parser's `Node`), its syntax errors, and small helpers to find keys
 * and values and their ranges. Every feature of the service reads this instead of parsing again.
 */
import { printParseErrorCode, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { strictParse } from './strictParse';
import { emptyRecoveredTree, recoveredTree } from './recoveredTree';
import { reparse } from './incremental';
import { takeEditSpan } from './editSpans';
import type { NodeView } from './nodeView';
import type { SyntaxTree } from './syntaxTree';
import { ownValue } from '../json/ownProperty';

/** A node of the parsed document: jsonc-parser's `Node`, plus its tree and row for hot loops. */
export type Node = NodeView;

export interface SyntaxProblem {
  offset: number;
  length: number;
  message: string;
  /** A string left open: the parser's recovery after it says little about the structure. */
  unterminatedString?: boolean;
}

export interface TaskDocument {
  readonly textDocument: TextDocument;
  readonly text: string;
  readonly tree: SyntaxTree;
  /** The JSON value at the top; undefined for an empty or unreadable document. */
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly SyntaxProblem[];
}

const cacheSize = 10;
const cache = new Map<string, TaskDocument>();

/**
 * The parsed document, from a small cache keyed by uri and version (the last few documents).
 * A new version of a cached document is re-read only where it changed (incremental.ts).
 */
export function taskDocumentOf(textDocument: TextDocument): TaskDocument {
  const cached = cache.get(textDocument.uri);
  if (cached && cached.textDocument.version === textDocument.version && cached.text === textDocument.getText()) {
    cache.delete(textDocument.uri); // re-insert: most recently used last
    cache.set(textDocument.uri, cached);
    return cached;
  }
  const parsed = (cached && reparseTaskDocument(cached, textDocument)) || parseTaskDocument(textDocument);
  cache.delete(textDocument.uri);
  cache.set(textDocument.uri, parsed);
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
  return parsed;
}

/** How broken text is read: JSON as the platform takes it (no comments, no trailing commas, not empty). */
export const BROKEN_TEXT_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

export function parseTaskDocument(textDocument: TextDocument): TaskDocument {
  const text = textDocument.getText();
  const strict = strictParse(text);
  if ('tree' in strict) return { textDocument, text, tree: strict.tree, root: strict.tree.root(), syntaxErrors: [] };
  // Broken text: jsonc-parser recovers, so the rest of the document is still checked.
  const errors: ParseError[] = [];
  try {
    const tree = recoveredTree(text, errors, BROKEN_TEXT_OPTIONS);
    return { textDocument, text, tree, root: tree.root(), syntaxErrors: errors.map(toProblem) };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // jsonc-parser recurses per nesting level; text nested thousands deep overflows the stack.
    const message = `${strict.error.message}. (The document is nested too deeply to check the rest.)`;
    return { textDocument, text, tree: emptyRecoveredTree(text), root: undefined, syntaxErrors: [{ offset: strict.error.offset, length: 1, message }] };
  }
}

/** A new version of valid JSON from the tree of the version before, or undefined (parse it all). */
function reparseTaskDocument(previous: TaskDocument, textDocument: TextDocument): TaskDocument | undefined {
  const text = textDocument.getText();
  const tree = reparse(previous.tree, text, takeEditSpan(textDocument.uri, previous.text, text));
  return tree && { textDocument, text, tree, root: tree.root(), syntaxErrors: [] };
}

function toProblem(error: ParseError): SyntaxProblem {
  const problem: SyntaxProblem = { offset: error.offset, length: error.length, message: messageOf(error.error) };
  if (printParseErrorCode(error.error) === 'UnexpectedEndOfString') problem.unterminatedString = true;
  return problem;
}

const messages: Partial<Record<string, string>> = {
  InvalidSymbol: 'Invalid symbol',
  InvalidNumberFormat: 'Invalid number format',
  PropertyNameExpected: 'Property name expected (in double quotes)',
  ValueExpected: 'Value expected',
  ColonExpected: 'Colon expected',
  CommaExpected: 'Comma expected',
  CloseBraceExpected: 'Closing brace } expected',
  CloseBracketExpected: 'Closing bracket ] expected',
  EndOfFileExpected: 'End of file expected: a task file holds one JSON object',
  InvalidCommentToken: 'Comments are not allowed in a task body (JSON); remove the comment',
  UnexpectedEndOfComment: 'Unexpected end of comment',
  UnexpectedEndOfString: 'Unexpected end of string: add the closing "',
  UnexpectedEndOfNumber: 'Unexpected end of number',
  InvalidUnicode: 'Invalid unicode sequence in string',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid characters in string: control characters must be escaped',
};

function messageOf(code: ParseErrorCode): string {
  const name = printParseErrorCode(code);
  return ownValue(messages, name) ?? name;
}

/** The property node `"key": value` of an object node. */
export function propertyOf(object: Node | undefined, key: string): Node | undefined {
  if (object?.type !== 'object' || !object.children) return undefined;
  for (const property of object.children) {
    if (property.children?.[0]?.value === key) return property;
  }
  return undefined;
}

/** The value node of `key` in an object node. */
export function valueOf(object: Node | undefined, key: string): Node | undefined {
  return propertyOf(object, key)?.children?.[1];
}

/** The key node of a property node. */
export function keyOf(property: Node): Node | undefined {
  return property.children?.[0];
}

/** The string of a string node, else undefined. */
export function stringOf(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

/** The node at a path of keys and indexes, without recursion. */
export function nodeAtPath(root: Node | undefined, path: readonly (string | number)[]): Node | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') node = node.type === 'array' ? node.children?.[segment] : undefined;
    else node = valueOf(node, segment);
  }
  return node;
}

/** The keys and indexes from the root to a node, without recursion. */
export function pathOf(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'property') {
      if (parent.children?.[1] === child) path.push(parent.children[0].value as string);
    } else if (parent.type === 'array') {
      path.push(parent.children!.indexOf(child));
    }
  }
  return path.reverse();
}

export function rangeOf(document: TaskDocument, node: { offset: number; length: number }): Range {
  const textDocument = document.textDocument;
  return { start: textDocument.positionAt(node.offset), end: textDocument.positionAt(node.offset + node.length) };
}

/** The innermost node that contains an offset (or ends right at it), without recursion. */
export function nodeAtOffset(root: Node | undefined, offset: number): Node | undefined {
  let node = root;
  if (!node || offset < node.offset || offset > node.offset + node.length) return undefined;
  for (;;) {
    const inner: Node | undefined = node.children?.find((child) => offset >= child.offset && offset <= child.offset + child.length);
    if (!inner) return node;
    node = inner;
  }
}
