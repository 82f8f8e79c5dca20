/**
 * The tree of a new version of a document from the tree of the version before: an edit (usually
 * one typed character) changes one span of the text, so only the innermost object or array around
 * that span is read again, and the rows after it move by the edit's length. A 1.3 MB batch body is
 * then re-read in well under a millisecond instead of a whole parse per keystroke. The previous
 * tree is left as it was (the new one is a copy), so a request still holding it reads it safely.
 */
import { strictParseSpan } from './strictParse';
import { lineagesAfter, NodeKind, SyntaxTree } from './syntaxTree';
import type { EditSpan } from './editSpans';

/**
 * The new tree, or undefined when the edit is not inside one container of valid JSON (parse it all).
 * `edit`, when the caller knows where the text changed (editSpans.ts), spares comparing the texts.
 */
export function reparse(previous: SyntaxTree, text: string, edit?: EditSpan): SyntaxTree | undefined {
  if (previous.values !== undefined || previous.count === 0) return undefined; // only trees of valid JSON
  const old = previous.text;
  const prefix = edit ? edit.prefix : commonPrefix(old, text);
  const suffix = edit ? edit.suffix : commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const changedEnd = old.length - suffix; // the edit replaced old[prefix, changedEnd)
  const container = innermostContainer(previous, prefix, changedEnd);
  if (container < 0) return undefined;
  const delta = text.length - old.length;
  const start = previous.offsets[container];
  const span = strictParseSpan(text, start, start + previous.lengths[container] + delta);
  if (!('tree' in span)) return undefined;
  return splice(previous, container, span.tree, delta, text);
}

/** Compares in blocks first: comparing two substrings is far quicker than a loop over char codes. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  const block = 4096;
  let i = 0;
  while (i + block <= max && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  const block = 4096;
  let i = 0;
  while (i + block <= max && a.slice(a.length - i - block, a.length - i) === b.slice(b.length - i - block, b.length - i)) i += block;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * The innermost object or array whose brackets are both outside the changed span [from, to):
 * its own text changed, but not where it begins or ends. -1 when even the root does not qualify.
 * Rows are in text order, so the last row that starts before `from` lies inside that container:
 * it is found by bisection, and the container among its ancestors, instead of stepping through
 * every item before the edit (up to 10,000 files in a batch body's list).
 */
function innermostContainer(tree: SyntaxTree, from: number, to: number): number {
  const contains = (row: number) => {
    const kind = tree.kinds[row];
    return (kind === NodeKind.Object || kind === NodeKind.Array) && tree.offsets[row] < from && tree.offsets[row] + tree.lengths[row] > to;
  };
  if (!contains(0)) return -1;
  const offsets = tree.offsets;
  let low = 0; // offsets[low] < from, as the root's
  let high = tree.count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle] < from) low = middle;
    else high = middle - 1;
  }
  let container = low;
  while (!contains(container)) container = tree.parents[container]; // ends at the root at the latest
  return container;
}

/** A copy of `previous` with the subtree at `container` replaced by `part`'s rows, offsets after it moved by `delta`. */
function splice(previous: SyntaxTree, container: number, part: SyntaxTree, delta: number, text: string): SyntaxTree {
  const oldEnd = previous.ends[container];
  const shift = part.count - (oldEnd - container); // rows gained (or lost, when negative)
  const afterOld = oldEnd;
  const afterNew = oldEnd + shift;
  // A character typed into a string or number keeps the nodes: then the tree shares the kinds,
  // parents and ends of the previous one (and the colons, counted from their property, unless a
  // key changed), and only offsets and lengths are copied and written again where they changed
  // (the re-read rows, the ancestors, the offsets after).
  const sameRows = shift === 0 && previous.kinds.length === previous.count && sameNodes(previous, container, part);
  const sameColons = sameRows && sameColonsAt(previous, container, part);
  const tree = sameRows ? previous.sameShapeFor(text, !sameColons) : new SyntaxTree(text, previous.count + shift);
  tree.count = previous.count + shift;
  tree.lineages = lineagesAfter(previous, { from: previous.generation, container, newEnd: container + part.count, shift });
  if (!sameRows) {
    // Rows before the container are unchanged, except its ancestors, which grow around the edit.
    tree.kinds.set(previous.kinds.subarray(0, container));
    tree.offsets.set(previous.offsets.subarray(0, container));
    tree.lengths.set(previous.lengths.subarray(0, container));
    tree.parents.set(previous.parents.subarray(0, container));
    tree.ends.set(previous.ends.subarray(0, container));
    tree.colons.set(previous.colons.subarray(0, container));
  }
  for (let ancestor = previous.parents[container]; ancestor >= 0; ancestor = previous.parents[ancestor]) {
    tree.lengths[ancestor] += delta;
    if (!sameRows) tree.ends[ancestor] += shift;
  }
  // The re-read container: its rows already have offsets into the new text.
  tree.offsets.set(part.offsets.subarray(0, part.count), container);
  tree.lengths.set(part.lengths.subarray(0, part.count), container);
  if (!sameColons) tree.colons.set(part.colons.subarray(0, part.count), container);
  if (!sameRows) {
    tree.kinds.set(part.kinds.subarray(0, part.count), container);
    for (let row = 0; row < part.count; row++) {
      tree.parents[container + row] = row === 0 ? previous.parents[container] : part.parents[row] + container;
      tree.ends[container + row] = part.ends[row] + container;
    }
  }
  // Rows after it: later in the text by `delta`, later in the rows by `shift` (typed arrays in
  // locals: the loop runs over every following row, ~100k in a large batch body).
  const offsets = tree.offsets, parents = tree.parents, ends = tree.ends, count = tree.count;
  if (sameRows) {
    for (let row = afterNew; row < count; row++) offsets[row] += delta;
    return tree;
  }
  tree.kinds.set(previous.kinds.subarray(afterOld, previous.count), afterNew);
  offsets.set(previous.offsets.subarray(afterOld, previous.count), afterNew);
  tree.lengths.set(previous.lengths.subarray(afterOld, previous.count), afterNew);
  parents.set(previous.parents.subarray(afterOld, previous.count), afterNew);
  ends.set(previous.ends.subarray(afterOld, previous.count), afterNew);
  tree.colons.set(previous.colons.subarray(afterOld, previous.count), afterNew);
  for (let row = afterNew; row < count; row++) {
    offsets[row] += delta;
    if (parents[row] >= afterOld) parents[row] += shift;
    ends[row] += shift;
  }
  return tree;
}

/** Whether the re-read container's rows (`part`) have the kinds and nesting its rows had in `previous`. */
function sameNodes(previous: SyntaxTree, container: number, part: SyntaxTree): boolean {
  for (let row = 0; row < part.count; row++) {
    const at = container + row;
    if (part.kinds[row] !== previous.kinds[at] || part.ends[row] + container !== previous.ends[at]) return false;
    if (row > 0 && part.parents[row] + container !== previous.parents[at]) return false;
  }
  return true;
}

/** Whether the re-read rows' colons (counted from their property) are those of the same rows in `previous`: no key changed length. */
function sameColonsAt(previous: SyntaxTree, container: number, part: SyntaxTree): boolean {
  for (let row = 0; row < part.count; row++) {
    if (part.colons[row] !== previous.colons[container + row]) return false;
  }
  return true;
}
