/**
 * Which rows of a tree are the same subtree, at a new offset, as in a tree it was re-read from
 * (its `lineages`), and where each row was. Only the re-read container's rows and its ancestors
 * changed; every other row moved by the lineage's `shift` or stayed. Validation uses this to keep
 * the findings of the items an edit did not touch (diagnostics/reuse.ts).
 */
import type { SyntaxTree } from './syntaxTree';

export class RowMap {
  private constructor(
    private readonly tree: SyntaxTree,
    /** The first re-read row: the container of the edit, whose own row keeps its place. */
    private readonly container: number,
    /** The first row after the re-read rows, in `tree`. */
    private readonly newEnd: number,
    private readonly shift: number,
  ) {}

  /**
   * The map from `previous` to `tree`: `tree` is `previous` itself, or was re-read from it in one
   * or a few steps. Undefined otherwise (`tree` was parsed whole since): then nothing is known
   * to be the same.
   */
  static between(tree: SyntaxTree, previous: SyntaxTree): RowMap | undefined {
    if (tree === previous) return new RowMap(tree, tree.count, tree.count, 0);
    const lineage = tree.lineages.find((candidate) => candidate.from === previous.generation);
    return lineage && new RowMap(tree, lineage.container, lineage.newEnd, lineage.shift);
  }

  /** True when the map is an identity: nothing was re-read. */
  get unchanged(): boolean {
    return this.container === this.tree.count;
  }

  /** The re-read rows `[start, end)` of `tree` (empty when nothing was re-read). */
  get reread(): { start: number; end: number } {
    return { start: this.container, end: this.newEnd };
  }

  /** The row's row in the previous tree when its whole subtree is the same text; -1 when it was re-read or holds the edit. */
  previousRow(row: number): number {
    if (row >= this.newEnd) return row - this.shift;
    if (row >= this.container) return -1;
    return this.tree.ends[row] > this.container ? -1 : row; // an ancestor of the container grew around the edit
  }

  /**
   * Where the row was in the previous tree, whether or not its subtree changed: the same row for
   * the container and the rows before it (its ancestors among them), -1 for rows inside it.
   */
  previousPosition(row: number): number {
    if (row >= this.newEnd) return row - this.shift;
    return row <= this.container ? row : -1;
  }

  /** The inverse of `previousPosition`: where a row of the previous tree is now, -1 for a row inside the re-read container. */
  currentPosition(previousRow: number): number {
    if (previousRow <= this.container) return previousRow;
    const previousEnd = this.newEnd - this.shift;
    return previousRow >= previousEnd ? previousRow + this.shift : -1;
  }
}
