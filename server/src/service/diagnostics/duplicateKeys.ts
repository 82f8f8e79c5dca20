/**
 * Keys written twice in one object, anywhere in the body. The platform reads one of them, not
 * necessarily the first, which is the one every check reads and the one `checkedBody` sends:
 * an error, so that what was checked is what runs (issue 9 §8). One pass over the tree's rows;
 * after an edit, only over the rows it re-read, the other objects' pairs kept from the last
 * validation (reuse.ts).
 */
import { NodeKind, type SyntaxTree } from '../document/syntaxTree';
import type { TaskDocument } from '../document/taskDocument';
import { MAX_DIAGNOSTICS, type Reporter } from './report';
import type { KeyPair, Reuse } from './reuse';

/** Objects with more properties than this use a Set; smaller ones compare their few keys pairwise. */
const SMALL_OBJECT = 8;

/**
 * Past this many pairs the rest could not be reported anyway (one more than the cap, so the
 * reporter still notes that some were left out): the scan stops and keeps nothing.
 */
const MAX_PAIRS = MAX_DIAGNOSTICS + 1;

export function checkDuplicateKeys(document: TaskDocument, reporter: Reporter, reuse?: Reuse): void {
  const { tree } = document;
  const pairs = keptPairs(tree, reuse) ?? duplicateKeyPairs(tree, 0, tree.count, []);
  if (pairs.length < MAX_PAIRS) reuse?.keepDuplicateKeys(pairs);
  for (const pair of pairs) {
    if (reporter.full) return;
    const key = tree.value(pair.key) as string;
    const firstLine = document.textDocument.positionAt(tree.offsets[pair.first]).line + 1;
    reporter.report(
      tree.view(pair.key),
      'sbg.duplicate-key',
      `'${key}' is written twice in this object (first on line ${firstLine}): the platform reads one of them, not necessarily the first, which is the one checked and sent. Remove one.`,
      { id: key },
    );
  }
}

/**
 * The last validation's pairs where they are now, with the re-read rows scanned again, in the
 * order a whole scan finds them (by object); undefined when nothing was kept for this tree.
 */
function keptPairs(tree: SyntaxTree, reuse: Reuse | undefined): KeyPair[] | undefined {
  const rows = reuse?.rows;
  const kept = reuse?.duplicateKeys();
  if (!rows || !kept) return undefined;
  const { start, end } = rows.reread;
  const before: KeyPair[] = [];
  const after: KeyPair[] = [];
  for (const pair of kept) {
    // The keys of an object the edit re-read are inside it: those pairs are found again by the scan.
    const key = rows.currentPosition(pair.key);
    const first = rows.currentPosition(pair.first);
    if (key < 0 || first < 0) continue;
    const object = rows.currentPosition(pair.object);
    (object < start ? before : after).push({ object, key, first });
  }
  const pairs = duplicateKeyPairs(tree, start, end, before);
  for (const pair of after) pairs.push(pair);
  return pairs;
}

/** Appends the repeated keys of the objects at rows [from, to) to `pairs`, stopping at MAX_PAIRS. */
function duplicateKeyPairs(tree: SyntaxTree, from: number, to: number, pairs: KeyPair[]): KeyPair[] {
  const keyRows: number[] = [];
  for (let object = from; object < to && pairs.length < MAX_PAIRS; object++) {
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
      if (firstIndex >= 0) pairs.push({ object, key: keyRows[i], first: keyRows[firstIndex] });
    }
  }
  return pairs;
}
