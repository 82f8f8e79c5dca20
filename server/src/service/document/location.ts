/**
 * jsonc-parser's `getLocation` (the JSON path at an offset, whether a key is being written, the
 * token before the cursor), read from the innermost object or array around the offset instead of
 * from the start of the text. `getLocation` scans every token before the offset: several
 * milliseconds deep into a 1.3 MB batch body, on every completion. When the document is valid
 * JSON, scanning from the container's opening bracket gives the same answer: a scan entering
 * that bracket has no state but the path to it (an object starts with "at a key", an array with
 * "not at a key", which is also what a valid prefix leaves), and the tree knows that path.
 * Within the container the scan also skips the items wholly before the offset (scanStart).
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
  const end = start + tree.lengths[container];
  // The scan starts past the container's bracket, or past the items wholly before the offset,
  // behind a prefix that leaves getLocation in the state the text before would have left it.
  const skip = skippedItems(tree, text, container, offset);
  const from = skip ? skip.from : start + 1;
  const prefix = prefixFor(tree, container, skip);
  const shift = from - prefix.text.length;
  const inner = getLocation(prefix.text + text.slice(from, end), offset - shift);
  if (typeof inner.path[0] === 'number') inner.path[0] += (skip?.items ?? 0) - prefix.items;
  const path = [...pathTo(tree, container), ...inner.path];
  const previousNode = inner.previousNode && { ...inner.previousNode, offset: inner.previousNode.offset + shift };
  if (previousNode?.colonOffset !== undefined) previousNode.colonOffset += shift;
  return { path, previousNode, isAtPropertyKey: inner.isAtPropertyKey };
}

interface Skip {
  /** Where the scan resumes: an item's start, or just after the comma that follows an item. */
  from: number;
  /** How many items of the container lie wholly before `from`. */
  items: number;
  /** The last of them. */
  last: number;
}

/**
 * The items of the container wholly before the offset, which the scan need not read: completing
 * after the 10,000 files of a batch input no longer reads them. Undefined when none can be skipped.
 */
function skippedItems(tree: SyntaxTree, text: string, container: number, offset: number): Skip | undefined {
  let index = -1;
  let last = -1;
  let before = -1;
  for (let child = tree.firstChild(container); child >= 0 && tree.offsets[child] < offset; child = tree.nextSibling(child)) {
    before = last;
    last = child;
    index++;
  }
  if (last < 0) return undefined;
  const lastEnd = tree.offsets[last] + tree.lengths[last];
  if (offset > lastEnd) {
    let comma = lastEnd;
    while (comma < text.length && isSpace(text.charCodeAt(comma))) comma++;
    if (text.charCodeAt(comma) === 0x2c /* , */ && comma < offset) return { from: comma + 1, items: index + 1, last };
  }
  // The offset is in or at the end of the last item: resume at its start, past the ones before it.
  return index > 0 ? { from: tree.offsets[last], items: index, last: before } : undefined;
}

/**
 * The text the scan starts with. getLocation enters an object's next item in the state a comma
 * leaves (a key is expected), which `{` also leaves. In an array its only state besides the index
 * is whether it is "at a property key", which the last object event before the resume point
 * decided: `{` sets it, a property's colon clears it (the comma between properties always comes
 * before another property's colon). Rows are in text order and each event sits at its row (an
 * object's bracket, a property's colon), so the last event is the last object or property row
 * before that point: `[{},` leaves it set, `[` cleared. `items`: the items the prefix holds.
 */
function prefixFor(tree: SyntaxTree, container: number, skip: Skip | undefined): { text: string; items: number } {
  if (tree.kinds[container] === NodeKind.Object) return { text: '{', items: 0 };
  // Past the skipped items, or from the container's own row (an array's bracket changes nothing).
  let row = skip ? tree.ends[skip.last] - 1 : container;
  while (row >= 0 && tree.kinds[row] !== NodeKind.Object && tree.kinds[row] !== NodeKind.Property) row--;
  return row >= 0 && tree.kinds[row] === NodeKind.Object ? { text: '[{},', items: 1 } : { text: '[', items: 0 };
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
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
