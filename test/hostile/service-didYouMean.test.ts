/**
 * Issue 9 §5: "did you mean" compared every candidate with every value by full edit distance:
 * 50 enum symbols of 8,000 characters against one 8,000-character value took 11.6 s, 40,000
 * symbols against 400 wrong values 20 s. The work is now bounded per lookup (length cut-off,
 * a cap on candidates, early exit, a cell budget) and per validation (one budget shared by every
 * lookup of a document: 400 lookups of 100,000 cells each took 1.6 s per edit); these tests count
 * the cells filled, not the time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CANDIDATES, MAX_CELLS, MAX_CELLS_PER_DOCUMENT, MAX_WORD_LENGTH, nearest, nearestCounted, suggestionBudget } from '../../server/src/service/diagnostics/nearest';
import { validate } from '../../server/src/service';
import { appModel } from '../test-utils/fakeContext';
import { documentOf } from '../test-utils/cursor';

const symbolsOf = (count: number, length: number) => Array.from({ length: count }, (_, i) => `${i}`.padEnd(length, 'abcdefgh'));

test('8,000-character symbols against an 8,000-character value: no table is filled, no suggestion', () => {
  const symbols = symbolsOf(50, 8000);
  const value = 'x'.repeat(8000);
  assert.deepEqual(nearestCounted(value, symbols), { suggestion: undefined, cells: 0 });
  // A short value is not compared with long symbols either.
  assert.deepEqual(nearestCounted('fast', symbols), { suggestion: undefined, cells: 0 });
});

test(`a lookup looks at ${MAX_CANDIDATES} candidates at most, however many there are`, () => {
  const cells = [1000, MAX_CANDIDATES, 10_000, 40_000].map((count) => nearestCounted('zzzz', symbolsOf(count, 4)).cells);
  assert.ok(cells[0] > 0 && cells[0] < cells[1], String(cells));
  assert.equal(cells[2], cells[1], `10,000 candidates cost what ${MAX_CANDIDATES} do: ${cells}`);
  assert.equal(cells[3], cells[1], `40,000 candidates cost what ${MAX_CANDIDATES} do: ${cells}`);
});

test(`a lookup fills at most ${MAX_CELLS} cells of the distance table`, () => {
  // The same letters in another order: no candidate is ruled out by its letters or its first rows.
  const value = 'hgfedcba'.repeat(MAX_WORD_LENGTH / 8);
  const cells = [100, 1000, 40_000].map((count) => nearestCounted(value, symbolsOf(count, MAX_WORD_LENGTH)).cells);
  assert.ok(cells.every((c) => c <= MAX_CELLS && c > MAX_CELLS - MAX_WORD_LENGTH), String(cells));
});

test('suggestions are unchanged where they help: a typo among short keys, case ignored', () => {
  assert.equal(nearest('use_elastic_disc', ['instance_type', 'use_memoization', 'use_elastic_disk']), 'use_elastic_disk');
  assert.equal(nearest('READS', ['reads', 'ref']), 'reads');
  assert.equal(nearest('zzzzzz', ['reads', 'ref']), undefined);
  // An exact match ends the search at once.
  assert.equal(nearestCounted('ref', ['ref', ...symbolsOf(1000, 3)]).suggestion, 'ref');
});

test('40,000 symbols against 400 wrong values: one enum-value diagnostic each, at most MAX_CELLS cells per value', () => {
  const symbols = Array.from({ length: 40_000 }, (_, i) => `sym${i}`);
  const model = appModel({ picks: `enum(${symbols.join('|')})[]` });
  const wrong = Array.from({ length: 400 }, (_, i) => `wrong-value-${i}`);
  const text = JSON.stringify({ project: 'me/proj', app: 'me/proj/wf', inputs: { picks: [...wrong, 'sym7'] } });
  const diagnostics = validate(documentOf(text, 'file:///enum.sbtask.json'), { app: { state: 'ready', model } });
  assert.equal(diagnostics.length, 400);
  assert.ok(diagnostics.every((d) => d.code === 'sbg.enum-value'));
  assert.equal(diagnostics[0].message, "'wrong-value-0' is not a value of item 1 of input 'picks': use one of 'sym0', 'sym1', 'sym2', 'sym3', 'sym4', 'sym5', 'sym6', 'sym7', ... (40000 in all).");
  assert.ok(nearestCounted('wrong-value-0', symbols).cells <= MAX_CELLS);
});

const longSymbols = Array.from({ length: 2000 }, (_, i) => `sym${i}_`.padEnd(MAX_WORD_LENGTH, 'abcdefgh'));
const longEnumModel = appModel({ reads: 'File[]?', picks: `enum(${longSymbols.join('|')})[]` });
const enumDocument = (values: string[], extra: Record<string, unknown> = {}) =>
  documentOf(JSON.stringify({ project: 'me/proj', app: 'me/proj/wf', inputs: { ...extra, picks: values } }), 'file:///enum.sbtask.json');

test('lookups share one budget: each spends what it filled, none once it is spent', () => {
  const budget = suggestionBudget(250_000);
  const value = 'hgfedcba'.repeat(MAX_WORD_LENGTH / 8);
  const spent = [1, 2, 3, 4].map(() => {
    const before = budget.cells;
    const { cells } = nearestCounted(value, longSymbols, budget);
    assert.equal(before - budget.cells, cells);
    return cells;
  });
  assert.deepEqual(spent, [MAX_CELLS, MAX_CELLS, 50_000, 0]);
  assert.equal(nearest('sym1_'.padEnd(MAX_WORD_LENGTH, 'abcdefgh').toUpperCase(), longSymbols, budget), undefined);
  assert.equal(nearest('sym1_'.padEnd(MAX_WORD_LENGTH, 'abcdefgh').toUpperCase(), longSymbols), longSymbols[1]);
});

test(`400 wrong 64-character values against 2,000 symbols of 64: one validation spends at most ${MAX_CELLS_PER_DOCUMENT} cells, the first values still get their suggestion`, () => {
  const wrong = Array.from({ length: 400 }, (_, i) => `zz${i}_`.padEnd(MAX_WORD_LENGTH, 'abcdefgh'));
  const budget = suggestionBudget();
  const diagnostics = validate(enumDocument(wrong), { app: { state: 'ready', model: longEnumModel } }, undefined, budget);
  assert.equal(diagnostics.length, 400);
  assert.ok(diagnostics.every((d) => d.code === 'sbg.enum-value'));
  const spent = MAX_CELLS_PER_DOCUMENT - budget.cells;
  assert.ok(budget.cells >= 0 && spent > MAX_CELLS_PER_DOCUMENT - MAX_CELLS, `spent ${spent} cells`);
  // A lookup fills at most MAX_CELLS, so the budget pays for at least this many; the rest get none.
  const suggested = diagnostics.filter((d) => (d.data as { suggestion?: string } | undefined)?.suggestion).length;
  assert.ok(suggested >= MAX_CELLS_PER_DOCUMENT / MAX_CELLS && suggested < 100, `${suggested} suggestions`);
  assert.equal(diagnostics[0].message, `'${wrong[0]}' is not a value of item 1 of input 'picks': did you mean '${longSymbols[0]}'?`);
  assert.ok(diagnostics.slice(0, suggested).every((d) => /: did you mean 'sym\d+_abcdefgh/.test(String(d.message))));
  // Past the budget the message lists the choices, as it does when nothing is near.
  const last = diagnostics[399];
  assert.equal(last.message, `'${wrong[399]}' is not a value of item 400 of input 'picks': use one of ${longSymbols.slice(0, 8).map((s) => `'${s}'`).join(', ')}, ... (2000 in all).`);
  assert.equal((last.data as { suggestion?: string }).suggestion, undefined);
});

test('an ordinary misspelling still gets its suggestion, also ahead of hundreds of hostile values', () => {
  const typo = 'sym12_'.padEnd(MAX_WORD_LENGTH, 'abcdefgh').replace('_abc', '_abd');
  const hostile = Array.from({ length: 400 }, (_, i) => `zz${i}_`.padEnd(MAX_WORD_LENGTH, 'abcdefgh'));
  const context = { app: { state: 'ready' as const, model: longEnumModel } };
  const diagnostics = validate(enumDocument([typo, ...hostile], { raeds: [] }), context);
  assert.deepEqual(
    diagnostics.slice(0, 2).map((d) => [d.code, d.message]),
    [
      ['sbg.unknown-input', "The app has no input 'raeds': did you mean 'reads'?"],
      ['sbg.enum-value', `'${typo}' is not a value of item 1 of input 'picks': did you mean '${longSymbols[12]}'?`],
    ],
  );
  // A document of a few typos spends a sliver of the budget.
  const budget = suggestionBudget();
  const small = validate(enumDocument([typo, 'sym3_'.padEnd(MAX_WORD_LENGTH, 'abcdefgh').toUpperCase()], { raeds: [] }), context, undefined, budget);
  assert.deepEqual(
    small.map((d) => (d.data as { suggestion?: string }).suggestion),
    ['reads', longSymbols[12], longSymbols[3]],
  );
  assert.ok(MAX_CELLS_PER_DOCUMENT - budget.cells < 3 * MAX_CELLS, `spent ${MAX_CELLS_PER_DOCUMENT - budget.cells}`);
});
