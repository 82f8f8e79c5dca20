/**
 * The same file twice in one list input: the app would read it twice (and a batch would make two
 * children of it). Reported on the second and later items, at most MAX_REPORTS a list; no app is
 * needed. A batch input holds thousands of File objects and this runs on every edit, so the items
 * are read on the tree's rows without a node view each (as references.ts does), and their ids are
 * hashed and compared in the text instead of cut out one by one (FirstItems). After an edit that
 * leaves every file id of a list as it was, the last validation's repeats are kept (reuse.ts).
 */
import { NodeKind, type SyntaxTree } from '../document/syntaxTree';
import { valueOf, type Node } from '../document/taskDocument';
import type { Reporter } from './report';
import type { RepeatedFile, Reuse } from './reuse';

const MAX_REPORTS = 50;

export function checkDuplicateFiles(root: Node, reporter: Reporter, reuse?: Reuse): void {
  const inputs = valueOf(root, 'inputs');
  if (inputs?.type !== 'object') return;
  for (const property of inputs.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || value?.type !== 'array') continue;
    const { tree, row } = value;
    const repeats = keptRepeats(tree, row, reuse) ?? repeatedFiles(tree, row);
    reuse?.keepRepeatedFiles(row, repeats);
    for (const { item, firstIndex } of repeats) {
      reporter.report(tree.view(item), 'sbg.duplicate-file', `This file is already item ${firstIndex + 1} of '${key.value}': remove the repeat, or the app reads the file twice.`, { id: String(key.value) });
    }
  }
}

/** The items of the list at `row` that repeat an earlier item's file (the first MAX_REPORTS). */
function repeatedFiles(tree: SyntaxTree, row: number): RepeatedFile[] {
  const seen = new FirstItems(tree, itemCount(tree, row));
  const repeats: RepeatedFile[] = [];
  let index = 0;
  for (let item = tree.firstChild(row); item >= 0 && repeats.length < MAX_REPORTS; item = tree.nextSibling(item), index++) {
    if (tree.kinds[item] !== NodeKind.Object) continue;
    const path = tree.propertyValue(tree.property(item, 'path'));
    if (path < 0 || tree.type(path) !== 'string' || isEmpty(tree, path)) continue;
    const firstIndex = seen.firstOrAdd(path, index);
    if (firstIndex >= 0) repeats.push({ item, firstIndex });
  }
  return repeats;
}

/**
 * The last validation's repeats, where the items are now, when the list's files are the same:
 * the list was not touched, or the edit stayed inside one item and left its file id as it was
 * (typing in a file's name). Undefined otherwise: the list is read again.
 */
function keptRepeats(tree: SyntaxTree, list: number, reuse: Reuse | undefined): RepeatedFile[] | undefined {
  const rows = reuse?.rows;
  const previous = reuse?.previousTree;
  const kept = reuse?.repeatedFiles(list);
  if (!rows || !previous || !kept) return undefined;
  if (rows.previousRow(list) < 0) {
    const { start, end } = rows.reread;
    if (start <= list) return undefined; // the list itself was re-read: items came, went or moved
    let item = start;
    while (tree.parents[item] !== list) item = tree.parents[item];
    if (end > tree.ends[item]) return undefined; // edits in more than one item
    if (fileIdOf(tree, item) !== fileIdOf(previous, item)) return undefined; // rows up to the re-read one keep their place
  }
  const repeats: RepeatedFile[] = [];
  for (const repeat of kept) {
    const item = rows.currentPosition(repeat.item);
    if (item < 0) return undefined;
    repeats.push({ item, firstIndex: repeat.firstIndex });
  }
  return repeats;
}

/** The file id an item is compared by, as `repeatedFiles` reads it; undefined when it has none. */
function fileIdOf(tree: SyntaxTree, item: number): string | undefined {
  if (tree.kinds[item] !== NodeKind.Object) return undefined;
  const path = tree.propertyValue(tree.property(item, 'path'));
  if (path < 0 || tree.type(path) !== 'string' || isEmpty(tree, path)) return undefined;
  return String(tree.value(path));
}

/**
 * The first item of each id: an open-addressing table of the ids' rows, keyed by a hash of the
 * text between the quotes and checked with `sameString`. An escaped id (or any id of a tree read
 * from broken text) is hashed from its decoded value, so it meets the same id written plainly.
 */
class FirstItems {
  private readonly rows: Int32Array; // path row + 1; 0 is an empty slot
  private readonly indexes: Int32Array;
  private readonly mask: number;

  constructor(private readonly tree: SyntaxTree, count: number) {
    let size = 16;
    while (size < count * 2) size *= 2;
    this.rows = new Int32Array(size);
    this.indexes = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The index of the first item with this row's id, or -1 when it is the first (then recorded). */
  firstOrAdd(row: number, index: number): number {
    const tree = this.tree;
    let hash: number;
    if (tree.values === undefined && tree.kinds[row] === NodeKind.String) {
      hash = hashOf(tree.text, tree.offsets[row] + 1, tree.offsets[row] + tree.lengths[row] - 1);
    } else {
      const id = String(tree.value(row));
      hash = hashOf(id, 0, id.length);
    }
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const taken = this.rows[slot];
      if (taken === 0) {
        this.rows[slot] = row + 1;
        this.indexes[slot] = index;
        return -1;
      }
      if (tree.sameString(taken - 1, row)) return this.indexes[slot];
    }
  }
}

/** FNV-1a over text[start, end). */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function itemCount(tree: SyntaxTree, row: number): number {
  let count = 0;
  for (let item = tree.firstChild(row); item >= 0; item = tree.nextSibling(item)) count++;
  return count;
}

function isEmpty(tree: SyntaxTree, row: number): boolean {
  return tree.values === undefined && tree.kinds[row] === NodeKind.String ? tree.lengths[row] <= 2 : tree.value(row) === '';
}
