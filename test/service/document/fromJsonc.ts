/**
 * The reference for recoveredTree.ts: copies the tree jsonc-parser's `parseTree` recovered from
 * broken text into a `SyntaxTree`. The service did this until recoveredTree.ts built the same rows
 * straight from jsonc-parser's visitor (a 50 MB broken body made millions of `Node` objects here);
 * recoveredTree.test.ts checks the two give equal rows. Keeps jsonc-parser's values and walks
 * with an explicit stack.
 */
import type { Node } from 'jsonc-parser';
import { NodeKind, SyntaxTree } from '../../../server/src/service/document/syntaxTree';

export function treeFromJsonc(text: string, root: Node | undefined): SyntaxTree {
  const tree = new SyntaxTree(text);
  const values: unknown[] = [];
  tree.values = values;
  if (!root) return tree;
  // Document order: a node, then its children's subtrees first to last.
  const pending: { node: Node; parent: number }[] = [{ node: root, parent: -1 }];
  while (pending.length) {
    const { node, parent } = pending.pop()!;
    const row = tree.add(kindOf(node), node.offset, node.length, parent);
    tree.colons[row] = node.colonOffset === undefined ? -1 : node.colonOffset - node.offset;
    values[row] = node.value;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) pending.push({ node: children[i], parent: row });
  }
  // Children come after their parents, so walking back carries each subtree's end up to its parent.
  for (let row = tree.count - 1; row > 0; row--) {
    const parent = tree.parents[row];
    if (tree.ends[row] > tree.ends[parent]) tree.ends[parent] = tree.ends[row];
  }
  return tree;
}

function kindOf(node: Node): NodeKind {
  switch (node.type) {
    case 'object':
      return NodeKind.Object;
    case 'array':
      return NodeKind.Array;
    case 'property':
      return NodeKind.Property;
    case 'string':
      return NodeKind.String;
    case 'number':
      return NodeKind.Number;
    case 'boolean':
      return node.value ? NodeKind.True : NodeKind.False;
    case 'null':
      return NodeKind.Null;
  }
}
