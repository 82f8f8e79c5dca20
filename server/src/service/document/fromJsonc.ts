/**
 * Copies the tree jsonc-parser recovered from broken text into a `SyntaxTree`, so every feature
 * reads one kind of tree whatever the text. Broken text is the uncommon, usually small case; the
 * copy keeps jsonc-parser's values (a string cut off by the end of the file has no closing quote
 * to slice off) and walks with an explicit stack.
 */
import type { Node } from 'jsonc-parser';
import { NodeKind, SyntaxTree } from './syntaxTree';

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
