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
  const keyRows: number[] = [];
  for (let object = 0; object < tree.count && !reporter.full; object++) {
    if (tree.kinds[object] !== NodeKind.Object) continue;
    keyRows.length = 0;
    for (let property = tree.firstChild(object); property >= 0; property = tree.nextSibling(property)) {
      const keyRow = tree.firstChild(property);
      if (keyRow >= 0 && tree.type(keyRow) === 'string') keyRows.push(keyRow);
    }
    if (keyRows.length < 2) continue;
    // Keys are compared in the text: a batch body has 10,000 small objects, checked on every edit.
    const seen = keyRows.length > SMALL_OBJECT ? new Map<string, number>() : undefined;
    for (let i = 0; i < keyRows.length; i++) {
      let firstIndex = -1;
      if (seen) {
        const key = tree.value(keyRows[i]) as string;
        firstIndex = seen.get(key) ?? -1;
        if (firstIndex < 0) seen.set(key, i);
      } else {
        for (let j = 0; j < i && firstIndex < 0; j++) if (tree.sameString(keyRows[j], keyRows[i])) firstIndex = j;
      }
      if (firstIndex < 0) continue;
      const key = tree.value(keyRows[i]) as string;
      const firstLine = document.textDocument.positionAt(tree.offsets[keyRows[firstIndex]]).line + 1;
      reporter.report(
        tree.view(keyRows[i]),
        'sbg.duplicate-key',
        `'${key}' is written twice in this object (first on line ${firstLine}): the platform reads one of them, not necessarily the first, which is the one checked and sent. Remove one.`,
        { id: key },
      );
    }
  }
}
