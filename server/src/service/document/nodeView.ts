/**
 * One node of a `SyntaxTree` seen as jsonc-parser's `Node` (type, value, offset, length,
 * colonOffset, parent, children), so every feature reads the tree as it would read
 * `parseTree`'s result. Fields are read from the rows on demand; children and values are kept
 * once read. `tree` and `row` let a hot loop read the rows directly.
 */
import type { Node } from 'jsonc-parser';
import { NodeKind, type NodeType, type SyntaxTree } from './syntaxTree';

const unread: unique symbol = Symbol('unread');

export class NodeView implements Node {
  private childViews: NodeView[] | undefined = undefined;
  private decoded: unknown = unread;

  constructor(
    readonly tree: SyntaxTree,
    readonly row: number,
  ) {}

  get type(): NodeType {
    return this.tree.type(this.row);
  }

  get offset(): number {
    return this.tree.offsets[this.row];
  }

  get length(): number {
    return this.tree.lengths[this.row];
  }

  get colonOffset(): number | undefined {
    const colon = this.tree.colons[this.row]; // counted from the property's offset
    return colon < 0 ? undefined : this.tree.offsets[this.row] + colon;
  }

  get parent(): NodeView | undefined {
    const parent = this.tree.parents[this.row];
    return parent < 0 ? undefined : this.tree.view(parent);
  }

  /** As jsonc-parser: an array for objects, arrays and properties; undefined for scalars. */
  get children(): NodeView[] | undefined {
    if (this.childViews) return this.childViews;
    const tree = this.tree;
    const kind = tree.kinds[this.row];
    if (kind !== NodeKind.Object && kind !== NodeKind.Array && kind !== NodeKind.Property) return undefined;
    const children: NodeView[] = [];
    for (let child = tree.firstChild(this.row); child >= 0; child = tree.ends[child] < tree.ends[this.row] ? tree.ends[child] : -1) {
      children.push(tree.view(child));
    }
    return (this.childViews = children);
  }

  /** `any` as in jsonc-parser's `Node`, which every feature is written against. */
  get value(): any {
    if (this.decoded === unread) this.decoded = this.tree.value(this.row);
    return this.decoded;
  }
}
