/**
 * The parsed JSON of a task file as a compact tree: one row per node in flat typed arrays, in
 * document order, so a node's subtree is the rows from it up to (not including) `ends[row]`.
 * A batch body with ten thousand File objects has about a hundred thousand nodes: as JS objects
 * the garbage collector spent more time on them than the parse itself; as rows they are a few
 * megabytes it never walks. Strings and numbers are decoded from the text only when read.
 * Features see the rows through `NodeView`s (nodeView.ts), made only for the nodes they visit;
 * the checks that visit every item of a long list read the rows directly.
 */
import { NodeView } from './nodeView';

export const enum NodeKind {
  Object,
  Array,
  Property,
  String,
  /** A string with a backslash escape: decoded with JSON.parse, not a plain slice. */
  EscapedString,
  Number,
  True,
  False,
  Null,
}

export type NodeType = 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';

const typeNames: readonly NodeType[] = ['object', 'array', 'property', 'string', 'string', 'number', 'boolean', 'boolean', 'null'];

/** The six columns in one buffer: one allocation per tree, not six (a 13 KB body is parsed in tens of microseconds). */
function columns(capacity: number, buffer = new ArrayBuffer(capacity * 21)): [Uint8Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array] {
  const column = (i: number) => new Int32Array(buffer, i * 4 * capacity, capacity);
  return [new Uint8Array(buffer, 20 * capacity, capacity), column(0), column(1), column(2), column(3), column(4)];
}

/**
 * How a tree was made from an earlier tree by re-reading part of it (incremental.ts): the rows
 * `[container, newEnd)` were read again (they were `[container, newEnd - shift)` before), the rows
 * after them moved by `shift`, and the container's ancestors changed their extent. Every other
 * subtree is the same text as before, at another offset. Validation reads this to keep what it
 * found in the subtrees an edit did not touch (diagnostics/reuse.ts).
 */
export interface TreeLineage {
  /** The `generation` of the earlier tree. */
  readonly from: number;
  readonly container: number;
  readonly newEnd: number;
  readonly shift: number;
}

/** How many earlier trees a tree keeps a lineage to (the last versions, validated or not). */
const MAX_LINEAGES = 8;

/**
 * The lineages of a tree re-read from `previous` by `step`: the step, then each of the previous
 * tree's lineages joined with it. Joined, the re-read rows are the span from the first row either
 * re-read to the last: rows in between that neither touched count as re-read, which is only
 * ever more work, never a stale finding.
 */
export function lineagesAfter(previous: SyntaxTree, step: TreeLineage): TreeLineage[] {
  const lineages = [step];
  for (const older of previous.lineages) {
    if (lineages.length === MAX_LINEAGES) break;
    const stepOldEnd = step.newEnd - step.shift;
    // Where the older re-read span ends, in the new tree's rows.
    const olderEnd = older.newEnd <= step.container ? older.newEnd : older.newEnd >= stepOldEnd ? older.newEnd + step.shift : step.newEnd;
    lineages.push({
      from: older.from,
      container: Math.min(older.container, step.container),
      newEnd: Math.max(olderEnd, step.newEnd),
      shift: older.shift + step.shift,
    });
  }
  return lineages;
}

let generations = 0;

export class SyntaxTree {
  /** Tells trees apart without holding them: a lineage names its parent tree by this. */
  readonly generation = ++generations;
  /** To the trees this one was re-read from, the latest first; none for a tree parsed whole. */
  lineages: readonly TreeLineage[] = [];
  count = 0;
  kinds: Uint8Array;
  offsets: Int32Array;
  lengths: Int32Array;
  /** The parent's row, -1 for the root. */
  parents: Int32Array;
  /** The first row after this node's subtree. */
  ends: Int32Array;
  /**
   * Where a property's colon is, counted from the property's offset (so it holds when an edit
   * before the property moves it); -1 when there is none (broken text) or the node is not a property.
   */
  colons: Int32Array;
  /**
   * Values jsonc-parser gave for a tree read from broken text (a string cut off by the end of the
   * file has no closing quote to slice off), by row; undefined for trees read from valid JSON.
   */
  values: unknown[] | undefined;
  /** The views made so far (few: hot loops read rows). */
  private readonly views = new Map<number, NodeView>();

  constructor(
    readonly text: string,
    capacity = 16,
  ) {
    [this.kinds, this.offsets, this.lengths, this.parents, this.ends, this.colons] = columns(capacity);
  }

  /**
   * A tree of the same nodes for `text`, a new version in which only offsets and lengths moved, and
   * colons when `withColons` (the caller writes them): those columns are copied in one buffer, and
   * the others are this tree's own arrays, shared, since no tree changes once it is built. For a
   * 1.3 MB body a character typed into a value copies 0.8 MB instead of 2.1 MB, and new memory is
   * the cost here: the copy's pages are fresh, and faulting them in is most of its time.
   */
  sameShapeFor(text: string, withColons: boolean): SyntaxTree {
    const copy = new SyntaxTree(text, 0);
    const capacity = this.kinds.length;
    const buffer = new ArrayBuffer(capacity * (withColons ? 12 : 8));
    const column = (i: number, from: Int32Array) => {
      const to = new Int32Array(buffer, i * 4 * capacity, capacity);
      to.set(from);
      return to;
    };
    [copy.offsets, copy.lengths] = [column(0, this.offsets), column(1, this.lengths)];
    copy.colons = withColons ? column(2, this.colons) : this.colons;
    [copy.kinds, copy.parents, copy.ends] = [this.kinds, this.parents, this.ends];
    copy.count = this.count;
    return copy;
  }

  /** Appends a node; a container or property is finished later by `close`. */
  add(kind: NodeKind, offset: number, length: number, parent: number): number {
    const row = this.count;
    if (row === this.kinds.length) this.grow(row * 2);
    this.kinds[row] = kind;
    this.offsets[row] = offset;
    this.lengths[row] = length;
    this.parents[row] = parent;
    this.ends[row] = row + 1;
    this.colons[row] = -1;
    this.count = row + 1;
    return row;
  }

  /** Ends a container or property at `endOffset`, after its last child was added. */
  close(row: number, endOffset: number): void {
    this.lengths[row] = endOffset - this.offsets[row];
    this.ends[row] = this.count;
  }

  /** Moves the rows into columns of `capacity` rows (more, or fewer to give memory back). */
  grow(capacity: number): void {
    const old = [this.kinds, this.offsets, this.lengths, this.parents, this.ends, this.colons] as const;
    const grown = columns(capacity);
    const rows = Math.min(this.count, capacity);
    for (let i = 0; i < grown.length; i++) (grown[i] as Int32Array).set((old[i] as Int32Array).subarray(0, rows));
    [this.kinds, this.offsets, this.lengths, this.parents, this.ends, this.colons] = grown;
  }

  type(row: number): NodeType {
    return typeNames[this.kinds[row]];
  }

  /** The first child's row, or -1. */
  firstChild(row: number): number {
    return this.ends[row] > row + 1 ? row + 1 : -1;
  }

  /** The next sibling's row, or -1. */
  nextSibling(row: number): number {
    const next = this.ends[row];
    const parent = this.parents[row];
    return parent >= 0 && next < this.ends[parent] ? next : -1;
  }

  /** A property's value row (its second child), or -1. */
  propertyValue(row: number): number {
    const key = this.firstChild(row);
    return key < 0 ? -1 : this.nextSibling(key);
  }

  /** Whether a string node holds exactly `key`, read without decoding it in the common case. */
  isString(row: number, key: string): boolean {
    const kind = this.kinds[row];
    if (kind === NodeKind.String && this.values === undefined) {
      return this.lengths[row] === key.length + 2 && this.text.startsWith(key, this.offsets[row] + 1);
    }
    return (kind === NodeKind.String || kind === NodeKind.EscapedString) && this.value(row) === key;
  }

  /** Whether a string node's text between its quotes is `test`'s kind of text; escaped strings are decoded first. */
  stringMatches(row: number, test: (text: string, start: number, end: number) => boolean): boolean {
    const kind = this.kinds[row];
    if (kind === NodeKind.String && this.values === undefined) return test(this.text, this.offsets[row] + 1, this.offsets[row] + this.lengths[row] - 1);
    if (kind !== NodeKind.String && kind !== NodeKind.EscapedString) return false;
    const value = this.value(row);
    return typeof value === 'string' && test(value, 0, value.length);
  }

  /**
   * Whether two string nodes hold the same string, compared in the text without cutting either
   * out (hot loops compare thousands of keys and ids on every edit); escaped strings are decoded.
   */
  sameString(a: number, b: number): boolean {
    if (this.kinds[a] === NodeKind.String && this.kinds[b] === NodeKind.String && this.values === undefined) {
      const length = this.lengths[a];
      if (length !== this.lengths[b]) return false;
      const text = this.text;
      for (let i = 1, x = this.offsets[a] + 1, y = this.offsets[b] + 1; i < length - 1; i++, x++, y++) {
        if (text.charCodeAt(x) !== text.charCodeAt(y)) return false;
      }
      return true;
    }
    return this.value(a) === this.value(b);
  }

  /** The row of the property `key` of an object, or -1. */
  property(object: number, key: string): number {
    if (this.kinds[object] !== NodeKind.Object) return -1;
    for (let property = this.firstChild(object); property >= 0; property = this.nextSibling(property)) {
      const keyRow = this.firstChild(property);
      if (keyRow >= 0 && this.isString(keyRow, key)) return property;
    }
    return -1;
  }

  /** The JS value of a scalar node (undefined for objects, arrays and properties). */
  value(row: number): unknown {
    if (this.values) return this.values[row];
    const offset = this.offsets[row];
    switch (this.kinds[row] as NodeKind) {
      case NodeKind.String:
        return this.text.slice(offset + 1, offset + this.lengths[row] - 1);
      case NodeKind.EscapedString:
        return JSON.parse(this.text.slice(offset, offset + this.lengths[row]));
      case NodeKind.Number:
        return Number(this.text.slice(offset, offset + this.lengths[row]));
      case NodeKind.True:
        return true;
      case NodeKind.False:
        return false;
      case NodeKind.Null:
        return null;
      default:
        return undefined;
    }
  }

  /** The one view of a row, so views compare with `===` as nodes did. */
  view(row: number): NodeView {
    let view = this.views.get(row);
    if (!view) {
      view = new NodeView(this, row);
      this.views.set(row, view);
    }
    return view;
  }

  /** The root's view, undefined for a tree without nodes. */
  root(): NodeView | undefined {
    return this.count > 0 ? this.view(0) : undefined;
  }
}
