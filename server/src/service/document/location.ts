/**
 * jsonc-parser's `getLocation` (the JSON path at an offset, whether a key is being written, the
 * token before the cursor), read from the innermost object or array around the offset instead of
 * from the start of the text. `getLocation` scans every token before the offset: several
 * milliseconds deep into a 1.3 MB batch body, on every completion. When the document is valid
 * JSON, scanning from the container's opening bracket gives the same answer: a scan entering
 * that bracket has no state but the path to it (an object starts with "at a key", an array with
 * "not at a key", which is also what a valid prefix leaves), and the tree knows that path.
 * For broken text the tree is jsonc-parser's recovery, so the whole text is scanned as before.
 */
import { getLocation, type Location } from 'jsonc-parser';
import { NodeKind, type SyntaxTree } from './syntaxTree';
import type { TaskDocument } from './taskDocument';

/** What completion reads of jsonc-parser's `Location`. */
export type CursorLocation = Pick<Location, 'path' | 'previousNode' | 'isAtPropertyKey'>;

export function locationAt(document: TaskDocument, offset: number): CursorLocation {
  const { tree, text } = document;
  const container = tree.values === undefined ? innermostContainerAt(tree, offset) : -1;
  if (container < 0) return getLocation(text, offset);
  const start = tree.offsets[container];
  const inner = getLocation(text.slice(start, start + tree.lengths[container]), offset - start);
  const path = [...pathTo(tree, container), ...inner.path];
  const previousNode = inner.previousNode && { ...inner.previousNode, offset: inner.previousNode.offset + start };
  if (previousNode?.colonOffset !== undefined) previousNode.colonOffset += start;
  return { path, previousNode, isAtPropertyKey: inner.isAtPropertyKey };
}

/** The innermost object or array strictly around `offset` (after its opening, before its closing bracket), or -1. */
function innermostContainerAt(tree: SyntaxTree, offset: number): number {
  const around = (row: number) => {
    const kind = tree.kinds[row];
    return (kind === NodeKind.Object || kind === NodeKind.Array) && tree.offsets[row] < offset && offset < tree.offsets[row] + tree.lengths[row];
  };
  if (tree.count === 0 || !around(0)) return -1;
  let container = 0;
  for (;;) {
    let inner = -1;
    for (let child = tree.firstChild(container); child >= 0 && inner < 0; child = tree.nextSibling(child)) {
      if (tree.offsets[child] >= offset) break; // children are in text order
      const value = tree.kinds[child] === NodeKind.Property ? tree.propertyValue(child) : child;
      if (value >= 0 && around(value)) inner = value;
    }
    if (inner < 0) return container;
    container = inner;
  }
}

/** The keys and indexes from the root to a row, counting array indexes on the rows (no node views). */
function pathTo(tree: SyntaxTree, row: number): (string | number)[] {
  const path: (string | number)[] = [];
  for (let child = row, parent = tree.parents[row]; parent >= 0; child = parent, parent = tree.parents[parent]) {
    const kind = tree.kinds[parent];
    if (kind === NodeKind.Property) {
      path.push(tree.value(tree.firstChild(parent)) as string);
    } else if (kind === NodeKind.Array) {
      let index = 0;
      for (let item = tree.firstChild(parent); item !== child; item = tree.nextSibling(item)) index++;
      path.push(index);
    }
  }
  return path.reverse();
}
