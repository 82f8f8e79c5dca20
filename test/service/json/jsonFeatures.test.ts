import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSymbols, foldingRanges, format, selectionRanges } from '../../../server/src/service/json/jsonFeatures';

function doc(text: string): TextDocument {
  return TextDocument.create('file:///t.sbtask.json', 'sbg-task', 1, text);
}

const body = [
  '{',
  '  "project": "rfranklin/demo",',
  '  "app": "rfranklin/demo/salmon/3",',
  '  "inputs": {',
  '    "reads": [',
  '      {"class": "File", "path": "5e1f0c2b6a3c2f0012345678"}',
  '    ],',
  '    "threads": 8',
  '  }',
  '}',
].join('\n');

test('format rewrites a one-line body with the requested indentation', () => {
  const document = doc('{"project":"a/b","inputs":{"n":1}}');
  const edits = format(document, undefined, { tabSize: 2, insertSpaces: true });
  assert.equal(TextDocument.applyEdits(document, edits), '{\n  "project": "a/b",\n  "inputs": {\n    "n": 1\n  }\n}');
});

test('format of a range leaves text outside the range alone', () => {
  const text = '{"project":"a/b",\n"inputs":{"n":1,"m":2}}';
  const document = doc(text);
  const start = text.indexOf('{"n"');
  const range = { start: document.positionAt(start), end: document.positionAt(text.length - 1) };
  const formatted = TextDocument.applyEdits(document, format(document, range, { tabSize: 2, insertSpaces: true }));
  assert.ok(formatted.startsWith('{"project":"a/b",'), formatted);
  assert.match(formatted, /"n": 1,\n\s*"m": 2/);
});

test('formatting is idempotent: formatted text gives no edits', () => {
  const options = { tabSize: 2, insertSpaces: true };
  const once = TextDocument.applyEdits(doc(body), format(doc(body), undefined, options));
  assert.notEqual(once, body, 'the inline File object is expanded');
  assert.deepEqual(format(doc(once), undefined, options), []);
});

test('documentSymbols nests inputs under "inputs"', () => {
  const symbols = documentSymbols(doc(body));
  assert.deepEqual(symbols.map((s) => s.name), ['project', 'app', 'inputs']);
  const inputs = symbols[2];
  assert.deepEqual(inputs.children?.map((s) => s.name), ['reads', 'threads']);
  assert.equal(inputs.range.start.line, 3);
  assert.equal(inputs.range.end.line, 8);
});

test('documentSymbols honours the result limit', () => {
  const inputs = Array.from({ length: 50 }, (_, i) => `"p${i}": ${i}`).join(',');
  const symbols = documentSymbols(doc(`{"inputs": {${inputs}}}`), { resultLimit: 10 });
  const count = (list: typeof symbols): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
  assert.ok(count(symbols) <= 10, `got ${count(symbols)}`);
});

test('foldingRanges fold the body, inputs and the array, keeping the closing line visible', () => {
  const ranges = foldingRanges(doc(body)).map((r) => [r.startLine, r.endLine]);
  ranges.sort((a, b) => a[0] - b[0]);
  assert.deepEqual(ranges, [[0, 8], [3, 7], [4, 5]]);
});

test('selectionRanges grow from a value to its property, object and document', () => {
  const document = doc(body);
  const offset = body.indexOf('8\n');
  const [range] = selectionRanges(document, [document.positionAt(offset)]);
  const chain: string[] = [];
  for (let r: typeof range | undefined = range; r; r = r.parent) {
    chain.push(document.getText(r.range));
  }
  assert.equal(chain[0], '8');
  assert.equal(chain[1], '"threads": 8');
  assert.ok(chain[chain.length - 1] === body, 'the outermost range is the whole document');
});

test('every feature answers on malformed text', () => {
  const document = doc('{"inputs": {"a": [1, {"b": ');
  assert.ok(Array.isArray(format(document, undefined, { tabSize: 2, insertSpaces: true })));
  assert.deepEqual(documentSymbols(document).map((s) => s.name), ['inputs']);
  assert.ok(foldingRanges(document).every((r) => r.startLine <= r.endLine));
  const [range] = selectionRanges(document, [document.positionAt(document.getText().length)]);
  assert.ok(range.range.end.character <= document.getText().length);
});

test('a new version of the same document is parsed again', () => {
  const document = doc('{"a": 1}');
  assert.deepEqual(documentSymbols(document).map((s) => s.name), ['a']);
  TextDocument.update(document, [{ text: '{"b": 1}' }], 2);
  assert.deepEqual(documentSymbols(document).map((s) => s.name), ['b']);
});
