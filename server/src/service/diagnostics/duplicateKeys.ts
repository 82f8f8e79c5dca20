/**
 * Keys written twice in one object, anywhere in the body. The platform reads one of them, not
 * necessarily the first, which is the one every check reads and the one `checkedBody` sends:
 * an error, so that what was checked is what runs (issue 9 §8). One pass over the tree's rows.
 */
import { NodeKind } from '../document/syntaxTree';
import type { TaskDocument } from '../document/taskDocument';
import type { Reporter } from './report';

/** Objects with more properties than this use a Set; smaller ones compare their few keys pairwise. */
const SMALL_OBJECT = 8;

export function checkDuplicateKeys(document: TaskDocument, reporter: Reporter): void {
  const { tree } = document;
  const keys: string[] = [];
  const keyRows: number[] = [];
  for (let object = 0; object < tree.count && !reporter.full; object++) {
    if (tree.kinds[object] !== NodeKind.Object) continue;
    keys.length = 0;
    keyRows.length = 0;
    for (let property = tree.firstChild(object); property >= 0; property = tree.nextSibling(property)) {
      const keyRow = tree.firstChild(property);
      if (keyRow < 0 || tree.type(keyRow) !== 'string') continue;
      keys.push(tree.value(keyRow) as string);
      keyRows.push(keyRow);
    }
    if (keys.length < 2) continue;
    const seen = keys.length > SMALL_OBJECT ? new Map<string, number>() : undefined;
    for (let i = 0; i < keys.length; i++) {
      let firstIndex = -1;
      if (seen) {
        firstIndex = seen.get(keys[i]) ?? -1;
        if (firstIndex < 0) seen.set(keys[i], i);
      } else {
        firstIndex = keys.indexOf(keys[i]);
        if (firstIndex === i) firstIndex = -1;
      }
      if (firstIndex < 0) continue;
      const firstLine = document.textDocument.positionAt(tree.offsets[keyRows[firstIndex]]).line + 1;
      reporter.report(
        tree.view(keyRows[i]),
        'sbg.duplicate-key',
        `'${keys[i]}' is written twice in this object (first on line ${firstLine}): the platform reads one of them, not necessarily the first, which is the one checked and sent. Remove one.`,
        { id: keys[i] },
      );
    }
  }
}
