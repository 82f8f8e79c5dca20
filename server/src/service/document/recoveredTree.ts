/**
 * The tree jsonc-parser recovers from broken text, built as `SyntaxTree` rows straight from its
 * `visit` callbacks. jsonc-parser's own `parseTree` is a visitor over the same callbacks that makes
 * one JS object per node; for a 50 MB broken body that was millions of objects, copied into rows
 * afterwards. This visitor makes the same tree that copy did: it mirrors `parseTree`'s recovery
 * (lib/esm/impl/parser.js in jsonc-parser 3.3) step for step, with a row where parseTree has a
 * node and the row's parent where it has `currentParent`. The rows keep jsonc-parser's values (a
 * string cut off by the end of the file has no closing quote to slice off).
 * test/service/document/recoveredTree.test.ts fuzzes the equality with the old copy.
 */
import { visit, type JSONVisitor, type ParseError, type ParseOptions } from 'jsonc-parser';
import { NodeKind, SyntaxTree } from './syntaxTree';

/** parseTree's artificial root (an array that holds the top value): the top value's parent, -1. */
const ARTIFICIAL_ROOT = -1;

/**
 * The tree and syntax errors of `text` as jsonc-parser's `parseTree(text, errors, options)` gives
 * them. jsonc-parser recurses per nesting level: text nested thousands deep throws a RangeError.
 */
export function recoveredTree(text: string, errors: ParseError[], options: ParseOptions): SyntaxTree {
  const tree = emptyRecoveredTree(text);
  const values = tree.values as unknown[];
  let current = ARTIFICIAL_ROOT;
  /** parseTree's `ensurePropertyComplete`: a property ends where its value (or a comma, or its object) ends. */
  const completeProperty = (endOffset: number) => {
    if (current !== ARTIFICIAL_ROOT && tree.kinds[current] === NodeKind.Property) {
      tree.lengths[current] = endOffset - tree.offsets[current];
      current = tree.parents[current];
    }
  };
  /** parseTree's `onValue` (a child of the current node); lengths of containers and properties come when they end. */
  const add = (kind: NodeKind, offset: number, length: number, value: unknown) => {
    const row = tree.add(kind, offset, length, current);
    values.push(value);
    return row;
  };
  /** A container's end: its length, then its parent is current again (and a property it was the value of ends). */
  const closeContainer = (offset: number, length: number) => {
    tree.lengths[current] = offset + length - tree.offsets[current];
    current = tree.parents[current];
    completeProperty(offset + length);
  };
  // The callbacks return nothing: a `false` from a begin callback would make visit skip the container.
  const visitor: JSONVisitor = {
    onObjectBegin: (offset) => {
      current = add(NodeKind.Object, offset, -1, undefined);
    },
    onObjectProperty: (name, offset, length) => {
      current = add(NodeKind.Property, offset, -1, undefined);
      add(NodeKind.String, offset, length, name);
    },
    onObjectEnd: (offset, length) => {
      completeProperty(offset + length); // a property without a value ends with its object
      closeContainer(offset, length);
    },
    onArrayBegin: (offset) => {
      current = add(NodeKind.Array, offset, -1, undefined);
    },
    onArrayEnd: (offset, length) => {
      closeContainer(offset, length);
    },
    onLiteralValue: (value: unknown, offset, length) => {
      add(literalKind(value), offset, length, value);
      completeProperty(offset + length);
    },
    onSeparator: (separator, offset) => {
      if (current === ARTIFICIAL_ROOT || tree.kinds[current] !== NodeKind.Property) return;
      if (separator === ':') tree.colons[current] = offset - tree.offsets[current];
      else if (separator === ',') completeProperty(offset);
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    },
  };
  visit(text, visitor, options);
  // Rows come in document order, children after their parents: walking back carries each subtree's end up.
  const { ends, parents } = tree;
  for (let row = tree.count - 1; row > 0; row--) {
    const parent = parents[row];
    if (ends[row] > ends[parent]) ends[parent] = ends[row];
  }
  return tree;
}

/** A tree without nodes for broken text (nothing recovered), with the values a recovered tree has. */
export function emptyRecoveredTree(text: string): SyntaxTree {
  const tree = new SyntaxTree(text);
  tree.values = [];
  return tree;
}

/** The kind of a literal by its value, as parseTree's `getNodeType` types it. */
function literalKind(value: unknown): NodeKind {
  switch (typeof value) {
    case 'string':
      return NodeKind.String;
    case 'number':
      return NodeKind.Number;
    case 'boolean':
      return value ? NodeKind.True : NodeKind.False;
    default:
      return NodeKind.Null;
  }
}
