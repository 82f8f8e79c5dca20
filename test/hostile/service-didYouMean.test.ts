/**
 * Issue 9 §5: "did you mean" compared every candidate with every value by full edit distance:
 * 50 enum symbols of 8,000 characters against one 8,000-character value took 11.6 s, 40,000
 * symbols against 400 wrong values 20 s. The work is now bounded per lookup (length cut-off,
 * a cap on candidates, early exit, a cell budget); these tests count the cells filled.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CANDIDATES, MAX_CELLS, MAX_WORD_LENGTH, nearest, nearestCounted } from '../../server/src/service/diagnostics/nearest';
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
  const value = 'sample_zz_'.padEnd(MAX_WORD_LENGTH, 'q');
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
