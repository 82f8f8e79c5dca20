/**
 * The same file twice in one list input: the app would read it twice (and a batch would make two
 * children of it). Reported on the second and later items, at most MAX_REPORTS a list; no app is
 * needed. A batch input holds thousands of File objects, so the items are read on the tree's rows
 * without a node view each (as references.ts does).
 */
import { NodeKind } from '../document/syntaxTree';
import { valueOf, type Node } from '../document/taskDocument';
import type { Reporter } from './report';

const MAX_REPORTS = 50;

export function checkDuplicateFiles(root: Node, reporter: Reporter): void {
  const inputs = valueOf(root, 'inputs');
  if (inputs?.type !== 'object') return;
  for (const property of inputs.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || value?.type !== 'array') continue;
    const { tree, row } = value;
    const seen = new Map<string, number>();
    let reported = 0;
    let index = 0;
    for (let item = tree.firstChild(row); item >= 0 && reported < MAX_REPORTS; item = tree.nextSibling(item), index++) {
      if (tree.kinds[item] !== NodeKind.Object) continue;
      const path = tree.propertyValue(tree.property(item, 'path'));
      const id = path >= 0 ? tree.value(path) : undefined;
      if (typeof id !== 'string' || !id) continue;
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, index);
        continue;
      }
      reported++;
      reporter.report(tree.view(item), 'sbg.duplicate-file', `This file is already item ${first + 1} of '${key.value}': remove the repeat, or the app reads the file twice.`, { id: String(key.value) });
    }
  }
}
