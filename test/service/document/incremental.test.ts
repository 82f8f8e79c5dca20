import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { reparse } from '../../../server/src/service/document/incremental';
import { strictParse } from '../../../server/src/service/document/strictParse';
import type { SyntaxTree } from '../../../server/src/service/document/syntaxTree';
import { taskDocumentOf, parseTaskDocument } from '../../../server/src/service/document/taskDocument';
import { batchApp, batchBodyText, generateBody, pick, seededRandom } from '../generatedBodies';

/** Every row of two trees, as plain arrays, so a difference shows where it is. */
function rows(tree: SyntaxTree) {
  const out: number[][] = [];
  for (let row = 0; row < tree.count; row++) {
    out.push([row, tree.kinds[row], tree.offsets[row], tree.lengths[row], tree.parents[row], tree.ends[row], tree.colons[row]]);
  }
  return out;
}

function fullTree(text: string): SyntaxTree {
  const result = strictParse(text);
  assert.ok('tree' in result, 'the edited text is valid JSON');
  return result.tree;
}

const fragments = ['x', '1', '"', '{}', '[]', '"k": 2, ', ', 3', '[1, {"a": null}]', ' ', '\\n', 'é'];

/** A random edit: insert a fragment, delete a few characters, or replace one. */
function edit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const choice = random();
  if (choice < 0.4) return text.slice(0, at) + pick(random, fragments) + text.slice(at);
  if (choice < 0.7) return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 4));
  return text.slice(0, at) + pick(random, fragments) + text.slice(at + 1);
}

test('reparse gives the same rows as parsing the edited text in full, whenever the edit leaves valid JSON', () => {
  const random = seededRandom(7);
  let reparsed = 0;
  for (let round = 0; round < 300; round++) {
    const text = round % 3 === 0 ? batchBodyText(3) : JSON.stringify(generateBody(batchApp(), random), null, round % 2 ? 2 : undefined);
    const previous = fullTree(text);
    const edited = edit(text, random);
    const tree = reparse(previous, edited);
    const full = strictParse(edited);
    if (!('tree' in full)) {
      assert.equal(tree, undefined, `reparse accepted broken text: ${edited}`);
      continue;
    }
    if (!tree) continue; // the edit touched a bracket of every container: parsed in full instead
    reparsed++;
    assert.deepEqual(rows(tree), rows(full.tree), `after editing into: ${edited}`);
    assert.deepEqual(tree.root()!.children!.map((p) => p.children![0].value), full.tree.root()!.children?.map((p) => p.children![0].value));
    // The previous tree is a different object, left as it was.
    assert.deepEqual(rows(previous), rows(fullTree(text)));
  }
  assert.ok(reparsed > 50, `only ${reparsed} edits were re-read incrementally`);
});

test('a typed character inside a string of a large body re-reads only its object', () => {
  const text = batchBodyText(200);
  const at = text.indexOf('sample_00100') + 1;
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  const tree = reparse(fullTree(text), edited)!;
  assert.ok(tree, 'reparsed');
  assert.deepEqual(rows(tree), rows(fullTree(edited)));
});

test('a document edited version by version keeps the tree a full parse gives, through broken and valid text', () => {
  const random = seededRandom(11);
  const document = TextDocument.create('file:///incremental', 'sbg-task', 1, batchBodyText(20));
  for (let version = 2; version < 200; version++) {
    const text = document.getText();
    const edited = edit(text, random);
    TextDocument.update(document, [{ text: edited }], version);
    const incremental = taskDocumentOf(document);
    const full = parseTaskDocument(document);
    assert.deepEqual(rows(incremental.tree), rows(full.tree), `version ${version}: ${edited}`);
    assert.deepEqual(incremental.syntaxErrors, full.syntaxErrors);
    // Going back to valid text now and then, so later edits start from a tree of valid JSON again.
    if (version % 10 === 0) TextDocument.update(document, [{ text: batchBodyText(20) }], ++version);
  }
});

test('reparse told where the text changed (exactly, or a wider span) gives the rows of a full parse', () => {
  const random = seededRandom(23);
  let reparsed = 0;
  for (let round = 0; round < 400; round++) {
    const text = round % 3 === 0 ? batchBodyText(3) : JSON.stringify(generateBody(batchApp(), random), null, round % 2 ? 2 : undefined);
    const at = Math.floor(random() * (text.length + 1));
    const removed = Math.min(text.length - at, Math.floor(random() * 3));
    const inserted = random() < 0.3 ? '' : pick(random, fragments);
    const edited = text.slice(0, at) + inserted + text.slice(at + removed);
    // What the editor reports, sometimes widened: a span that claims less is unchanged is still right.
    const widen = round % 2 ? 0 : Math.floor(random() * 5);
    const span = { prefix: Math.max(0, at - widen), suffix: Math.max(0, text.length - at - removed - widen) };
    const tree = reparse(fullTree(text), edited, span);
    const full = strictParse(edited);
    if (!('tree' in full)) {
      assert.equal(tree, undefined, `reparse accepted broken text: ${edited}`);
      continue;
    }
    if (!tree) continue;
    reparsed++;
    assert.deepEqual(rows(tree), rows(full.tree), `after editing into: ${edited}`);
  }
  assert.ok(reparsed > 100, `only ${reparsed} edits were re-read incrementally`);
});

test('a character typed into a large body keeps every row but the re-read ones and the offsets after them', () => {
  const text = batchBodyText(200);
  const previous = fullTree(text);
  let tree = previous;
  let current = text;
  // Several versions in a row: the later ones copy a tree that was itself spliced.
  for (const n of ['00150', '00020', '00199', '00001']) {
    const at = current.indexOf(`sample_${n}`) + 1;
    const edited = current.slice(0, at) + 'x' + current.slice(at);
    tree = reparse(tree, edited, { prefix: at, suffix: current.length - at })!;
    assert.ok(tree, 'reparsed');
    assert.deepEqual(rows(tree), rows(fullTree(edited)), `after typing into sample_${n}`);
    current = edited;
  }
  assert.deepEqual(rows(previous), rows(fullTree(text)), 'the first tree is left as it was');
});

test('a typed character shares the previous tree\'s kinds, parents and ends (and colons, unless a key changed); an edit that changes a kind or the nesting with as many rows does not', () => {
  const versions = [
    '{"a": [[1], 2], "b": "text", "c": {"d": [true, null]}}',
    '{"a": [[1], 2], "b": "texts", "c": {"d": [true, null]}}', // same nodes: shared, colons too
    '{"a": [[12], 2], "b": "texts", "c": {"d": [true, null]}}', // same nodes again, from a tree that shares
    '{"a": [[12], 2], "bb": "texts", "c": {"d": [true, null]}}', // same nodes, but a key grew: its colon moved
    '{"a": [[12, 2]], "bb": "texts", "c": {"d": [true, null]}}', // as many rows, 2 moved into the inner list
    '{"a": [[12, 2]], "bb": "texts", "c": {"d": [true, 3]}}', // as many rows, null became a number
    '{"a": [[12, 2]], "bb": "te\\\\xts", "c": {"d": [true, 3]}}', // as many rows, the string now has an escape
  ];
  const shares: [shape: boolean, colons: boolean][] = [[true, true], [true, true], [true, false], [false, false], [false, false], [false, false]];
  const first = fullTree(versions[0]);
  first.grow(first.count); // as a large body's tree is: no spare rows (a small one keeps a few)
  const trees = [first];
  for (let v = 1; v < versions.length; v++) {
    const previous = trees[v - 1];
    const tree = reparse(previous, versions[v])!;
    assert.ok(tree, `version ${v} reparsed`);
    assert.deepEqual(rows(tree), rows(fullTree(versions[v])), `version ${v}: ${versions[v]}`);
    assert.equal(tree.count, previous.count, `version ${v} keeps the row count`);
    const shape = tree.kinds === previous.kinds && tree.parents === previous.parents && tree.ends === previous.ends;
    assert.deepEqual([shape, tree.colons === previous.colons], shares[v - 1], `version ${v} shares the columns that did not change`);
    assert.notEqual(tree.offsets, previous.offsets);
    // The colon of "c" as features read it: an offset into this version's text.
    const c = tree.root()!.children![2];
    assert.equal(versions[v][c.colonOffset!], ':');
    assert.equal(c.colonOffset, versions[v].indexOf('"c":') + 3);
    trees.push(tree);
  }
  // Every tree still reads as its own text parsed in full: sharing changed none of them.
  trees.forEach((tree, v) => assert.deepEqual(rows(tree), rows(fullTree(versions[v])), `version ${v} afterwards`));
});

/** The innermost container around [from, to) found the long way: from the root down, child by child. */
function innermostByWalking(tree: SyntaxTree, from: number, to: number): number {
  const contains = (row: number) => (tree.type(row) === 'object' || tree.type(row) === 'array') && tree.offsets[row] < from && tree.offsets[row] + tree.lengths[row] > to;
  if (!contains(0)) return -1;
  let container = 0;
  for (let inner = 0; inner >= 0;) {
    container = inner;
    inner = -1;
    for (let child = tree.firstChild(container); child >= 0 && inner < 0; child = tree.nextSibling(child)) {
      const value = tree.type(child) === 'property' ? tree.propertyValue(child) : child;
      if (value >= 0 && contains(value)) inner = value;
    }
  }
  return container;
}

test('the re-read container is the innermost one around the edit (found by bisection over the rows)', () => {
  const random = seededRandom(31);
  let checked = 0;
  for (let round = 0; round < 300; round++) {
    const text = round % 3 === 0 ? batchBodyText(40) : JSON.stringify(generateBody(batchApp(), random), null, round % 2 ? 2 : undefined);
    const at = Math.floor(random() * (text.length + 1));
    const removed = Math.min(text.length - at, Math.floor(random() * 3));
    const edited = text.slice(0, at) + pick(random, fragments) + text.slice(at + removed);
    const previous = fullTree(text);
    const tree = reparse(previous, edited, { prefix: at, suffix: text.length - at - removed });
    if (!tree) continue;
    checked++;
    assert.equal(tree.lineages[0].container, innermostByWalking(previous, at, at + removed), `editing at ${at} into: ${edited}`);
  }
  assert.ok(checked > 100, `only ${checked} edits were re-read incrementally`);
});
