import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkedDocuments } from '../../server/src/documentSync';
import { noteEdit, takeEditSpan } from '../../server/src/service/document/editSpans';
import { parseTaskDocument, taskDocumentOf } from '../../server/src/service/document/taskDocument';
import type { SyntaxTree } from '../../server/src/service/document/syntaxTree';
import { batchBodyText, pick, seededRandom } from '../service/generatedBodies';

function rows(tree: SyntaxTree) {
  const out: number[][] = [];
  for (let row = 0; row < tree.count; row++) {
    out.push([tree.kinds[row], tree.offsets[row], tree.lengths[row], tree.parents[row], tree.ends[row], tree.colons[row]]);
  }
  return out;
}

const fragments = ['x', '1', '"', '{}', '[]', '"k": 2, ', ', 3', ' ', '\n', 'é', ''];

/** A random change as an editor sends it: a range (sometimes reversed or past the line's end) and text. */
function randomChange(document: TextDocument, random: () => number): TextDocumentContentChangeEvent {
  const text = document.getText();
  const from = Math.floor(random() * (text.length + 1));
  const to = Math.min(text.length, from + Math.floor(random() * 4));
  const start = document.positionAt(from);
  let end = document.positionAt(to);
  if (random() < 0.05) end = { line: end.line, character: end.character + 500 }; // clamped to the line's end
  const range = random() < 0.1 ? { start: end, end: start } : { start, end };
  return { range, text: pick(random, fragments) };
}

test('a document changed through the server\'s sync keeps the tree a full parse gives, with the edit spans it notes', () => {
  const random = seededRandom(5);
  const uri = 'file:///sync/edits.sbtask.json';
  const valid = batchBodyText(30);
  let document = checkedDocuments.create(uri, 'sbg-task', 1, valid);
  taskDocumentOf(document);
  let version = 1;
  let reopened = 0;
  for (let step = 0; step < 1500; step++) {
    const choice = random();
    if (choice < 0.02) {
      // Closed and opened again with other text at a version the cache may hold: nothing stale is used.
      document = checkedDocuments.create(uri, 'sbg-task', version, batchBodyText(2 + (step % 5)));
      reopened++;
    } else if (choice < 0.05) {
      document = checkedDocuments.update(document, [{ text: valid }], ++version);
    } else if (choice < 0.1) {
      document = checkedDocuments.update(document, [randomChange(document, random), randomChange(document, random)], ++version);
    } else {
      document = checkedDocuments.update(document, [randomChange(document, random)], ++version);
    }
    // Not every version is read: the spans of several edits join.
    if (random() < 0.6) {
      const incremental = taskDocumentOf(document);
      const full = parseTaskDocument(document);
      assert.deepEqual(rows(incremental.tree), rows(full.tree), `step ${step}, version ${version}: ${document.getText().slice(0, 200)}`);
      assert.deepEqual(incremental.syntaxErrors, full.syntaxErrors);
    }
    if (step % 40 === 0) document = checkedDocuments.update(document, [{ text: valid }], ++version);
  }
  assert.ok(reopened > 10);
});

test('the sync notes where a change landed, and edits not yet read join into one span', () => {
  const uri = 'file:///sync/span.sbtask.json';
  const document = checkedDocuments.create(uri, 'sbg-task', 1, '{\n  "a": "bc",\n  "d": 1\n}');
  const first = document.getText();
  checkedDocuments.update(document, [{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 10 } }, text: 'XY' }], 2);
  assert.equal(document.getText(), '{\n  "a": "bXY",\n  "d": 1\n}');
  checkedDocuments.update(document, [{ range: { start: { line: 2, character: 8 }, end: { line: 2, character: 8 } }, text: '0' }], 3);
  assert.equal(document.getText(), '{\n  "a": "bXY",\n  "d": 10\n}');
  // "c" was at offset 11; the last 2 characters ("\n}") were never touched.
  assert.deepEqual(takeEditSpan(uri, first, document.getText()), { prefix: 11, suffix: 2 });
  assert.equal(takeEditSpan(uri, first, document.getText()), undefined, 'a span is taken once');
  // A whole-text change and several changes at once note nothing: the texts are compared instead.
  const before = document.getText();
  checkedDocuments.update(document, [{ text: '{}' }], 4);
  assert.equal(takeEditSpan(uri, before, '{}'), undefined);
});

test('a span is used only between the texts it was noted for', () => {
  const uri = 'file:///sync/mismatch.sbtask.json';
  noteEdit(uri, '{"a": 1}', '{"a": 12}', 7, 1);
  assert.equal(takeEditSpan(uri, '{"a": 2}', '{"a": 12}'), undefined, 'another text before');
  assert.equal(takeEditSpan(uri, '{"a": 1}', '{"a": 13}'), undefined, 'another text after');
  assert.deepEqual(takeEditSpan(uri, '{"a": 1}', '{"a": 12}'), { prefix: 7, suffix: 1 });
  noteEdit(uri, '{"a": 1}', '{"a": 12}', 7, 5); // claims more than the texts hold
  assert.equal(takeEditSpan(uri, '{"a": 1}', '{"a": 12}'), undefined);
});
