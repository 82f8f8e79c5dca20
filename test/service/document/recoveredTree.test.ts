/**
 * recoveredTree.ts builds the tree of broken text from jsonc-parser's visitor; until then the
 * service copied jsonc-parser's `parseTree` result into rows (fromJsonc.ts, kept here as the
 * reference). Seeded fuzz: thousands of random broken texts (edits of generated bodies and of the
 * corpus's bodies and apps, truncations, stray quotes, commas and brackets, unclosed strings,
 * deep nesting, comments and bad escapes) must give equal rows, values and syntax errors both ways.
 * `RECOVERED_TREE_CASES` sets the number of cases (3,000 by default); `RECOVERED_TREE_SEED` replays a run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTree, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { recoveredTree } from '../../../server/src/service/document/recoveredTree';
import type { SyntaxTree } from '../../../server/src/service/document/syntaxTree';
import { BROKEN_TEXT_OPTIONS, parseTaskDocument } from '../../../server/src/service/document/taskDocument';
import { batchApp, batchBodyText, generateBody, pick, seededRandom, type Random } from '../generatedBodies';
import { locateCorpus } from '../../corpus/corpusLocation';
import { treeFromJsonc } from './fromJsonc';

const cases = Number(process.env.RECOVERED_TREE_CASES ?? 3000);
const seed = Number(process.env.RECOVERED_TREE_SEED ?? 20261207);

/** Every row as [kind, offset, length, parent, end, colon], and the values, so a difference shows where it is. */
function rowsOf(tree: SyntaxTree) {
  const rows: number[][] = [];
  for (let row = 0; row < tree.count; row++) {
    rows.push([tree.kinds[row], tree.offsets[row], tree.lengths[row], tree.parents[row], tree.ends[row], tree.colons[row]]);
  }
  return { count: tree.count, rows, values: tree.values?.slice(0, tree.count) };
}

/** Both ways of reading `text`: the reference (parseTree, then the copy) and the visitor. */
function bothWays(text: string) {
  const referenceErrors: ParseError[] = [];
  const reference = rowsOf(treeFromJsonc(text, parseTree(text, referenceErrors, BROKEN_TEXT_OPTIONS)));
  const errors: ParseError[] = [];
  const built = rowsOf(recoveredTree(text, errors, BROKEN_TEXT_OPTIONS));
  return { reference, referenceErrors, built, errors };
}

function assertSame(text: string, note: string) {
  const { reference, referenceErrors, built, errors } = bothWays(text);
  const shown = text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text;
  assert.deepStrictEqual(built, reference, `${note}\n${JSON.stringify(shown)}`);
  assert.deepStrictEqual(errors, referenceErrors, `${note}\n${JSON.stringify(shown)}`);
  return errors.length;
}

function corpusTexts(): string[] {
  const { dir, present } = locateCorpus();
  if (!present) return [];
  const texts: string[] = [];
  for (const folder of ['tasks', 'apps']) {
    for (const name of fs.readdirSync(path.join(dir, folder))) {
      if (name.endsWith('.json') && name !== 'INDEX.json') texts.push(fs.readFileSync(path.join(dir, folder, name), 'utf8'));
    }
  }
  return texts;
}

const strays = ['"', ',', ':', '{', '}', '[', ']', ',,', '"k"', '"k":', '"k": ', '{"a"', '[1', '"open', '\\', '\\u12', '\\x', '1.', '-', '01', '1e', 'tru', 'nul', '/*', '//', '/* c */', '\u0001', '\n', ' ', 'x', '"\\"'];

/** One random edit: a truncation, a stray token inserted, characters deleted, a span repeated, or a comma dropped. */
function edit(text: string, random: Random): string {
  const at = Math.floor(random() * (text.length + 1));
  switch (Math.floor(random() * 6)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + pick(random, strays) + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 12));
    case 3:
      return text.slice(0, at) + text.slice(Math.floor(random() * text.length), Math.floor(random() * text.length)) + text.slice(at);
    case 4: {
      const comma = text.indexOf(',', at);
      return comma < 0 ? text.slice(0, at) : text.slice(0, comma) + text.slice(comma + 1);
    }
    default: {
      // A string left open: its closing quote removed.
      const quote = text.indexOf('"', at);
      return quote < 0 ? `${text}"` : text.slice(0, quote) + text.slice(quote + 1);
    }
  }
}

/** Brackets and braces nested `depth` deep around scraps, some left open. */
function deepText(depth: number, random: Random): string {
  let open = '';
  const closers: string[] = [];
  for (let i = 0; i < depth; i++) {
    if (random() < 0.5) {
      open += random() < 0.8 ? '{"k": ' : '{"k" ';
      closers.push('}');
    } else {
      open += random() < 0.9 ? '[' : '[1 ';
      closers.push(']');
    }
  }
  const cut = Math.floor(random() * (closers.length + 1));
  return open + pick(random, ['1', '"s', '', 'null,', '"v"']) + closers.reverse().slice(0, cut).join('');
}

test('the visitor builds the rows, values and errors the parseTree copy gave, on random broken texts', () => {
  const random = seededRandom(seed);
  const app = batchApp();
  const corpus = corpusTexts();
  let broken = 0;
  for (let n = 0; n < cases; n++) {
    const source = random();
    let text: string;
    if (source < 0.1) text = deepText(1 + Math.floor(random() * 2000), random);
    else if (source < 0.45 && corpus.length) text = pick(random, corpus);
    else if (source < 0.55) text = batchBodyText(1 + Math.floor(random() * 5));
    else text = JSON.stringify(generateBody(app, random), null, random() < 0.5 ? 2 : undefined);
    const edits = 1 + Math.floor(random() * 4);
    for (let e = 0; e < edits; e++) text = edit(text, random);
    if (assertSame(text, `case ${n} (seed ${seed})`) > 0) broken++;
  }
  // The cases are mostly broken text, the case this code is for (an edit can leave valid JSON).
  assert.ok(broken > cases * 0.8, `${broken} of ${cases} cases were broken`);
});

test('the visitor and the parseTree copy agree on the edge cases of recovery', () => {
  const texts = [
    '',
    '   ',
    '{',
    '[',
    '"',
    '"open',
    '{"a"',
    '{"a":',
    '{"a": }',
    '{"a" 1}',
    '{"a": 1 "b": 2}',
    '{"a": 1,, "b": 2}',
    '{, "a": 1}',
    '{"a": [1, 2}',
    '{"a": {"b": [}]}',
    '[1 2 3',
    '[,1]',
    '[1,]',
    '{"a": 1,}',
    '{} {}',
    '1 2',
    '{"a": 01, "b": 1., "c": -}',
    '{"a": "\\x", "b": "\\u12", "c": "\u0001"}',
    '{"a": tru, "b": nul}',
    '{"a": 1 /* comment */}',
    '// comment\n{"a": 1}',
    '{"a": "unclosed\n, "b": 2}',
    '{"a": {"b": {"c": ',
    '{"class": "File" "path": "x"}',
    '{12: 1, "b": 2}',
    '{"a": 1}}]',
    '{"a":: 1}',
    '{"a": [1, {"b" 2}, 3] "c": true}',
  ];
  for (const text of texts) assertSame(text, 'edge case');
});

test('a 1.3 MB batch body with a comma missing in every file object reads the same both ways', () => {
  const text = batchBodyText(10_000).replace(/"class": "File",/g, '"class": "File"');
  const errors = assertSame(text, '1.3 MB broken body');
  assert.equal(errors, 10_001); // one CommaExpected per File object (10,000 reads and the reference)
});

test('100,000-deep text: the visitor overflows as parseTree did, and the document says it is nested too deeply', () => {
  const text = `{"inputs": ${'['.repeat(100_000)}`;
  assert.throws(() => recoveredTree(text, [], BROKEN_TEXT_OPTIONS), RangeError);
  const document = parseTaskDocument(TextDocument.create('file:///deep.sbtask.json', 'json', 1, text));
  assert.equal(document.root, undefined);
  assert.equal(document.tree.count, 0);
  assert.deepEqual(document.tree.values, []);
  assert.equal(document.syntaxErrors.length, 1);
  assert.match(document.syntaxErrors[0].message, /\. \(The document is nested too deeply to check the rest\.\)$/);
});
