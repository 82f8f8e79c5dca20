/**
 * Unions (issue 12 §1): a value is valid when any member accepts it; records are told apart by
 * their fields and enum-valued discriminator fields; when no member accepts the value, the
 * diagnostics are those of the closest member.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyWith, diagnose } from '../../test-utils/diagnose';
import { fakeContext } from '../../test-utils/fakeContext';

const map1 = 'record{algo: enum(map1), seedLength: int?, maxSeqLength: int?}';
const map2 = 'record{algo: enum(map2), maxSeedHits: int?, seedFraction: float?}';
const map3 = 'record{algo: enum(map3), hitFrequency: int?}';
const app = fakeContext({
  app: {
    algos: `(${map1}|${map2}|${map3})[]?`,
    shapes: '(record{radius: float}|record{width: float, height: float})[]?',
    threshold: 'int|enum(auto)|record{low: int, high: int}|int[]?',
    codes: 'enum(a|b)|enum(c|d)?',
    lists: 'File[]|string[]?',
  },
});

const findings = (inputs: Record<string, unknown>) => diagnose(bodyWith(inputs), app).map((f) => [f.code, f.message]);

test('every record member accepts its own values, whatever its place in the union', () => {
  assert.deepEqual(findings({ algos: [{ algo: 'map1', seedLength: 20 }, { algo: 'map2', maxSeedHits: 8, seedFraction: 0.5 }, { algo: 'map3' }] }), []);
});

test('records without a discriminator are told apart by their fields', () => {
  assert.deepEqual(findings({ shapes: [{ radius: 1 }, { width: 2, height: 3.5 }] }), []);
});

test('a value no member accepts is reported against the closest: the discriminator first', () => {
  // Against map1 this has one problem (algo) and against map2 two (the fields), but algo says map2.
  assert.deepEqual(findings({ algos: [{ algo: 'map2', seedLength: 3, maxSeqLength: 4 }] }), [
    ['sbg.record-field', "Item 1 of input 'algos' has no field 'seedLength': its fields are 'algo', 'maxSeedHits' or 'seedFraction'."],
    ['sbg.record-field', "Item 1 of input 'algos' has no field 'maxSeqLength': its fields are 'algo', 'maxSeedHits' or 'seedFraction'."],
  ]);
  assert.deepEqual(findings({ algos: [{ algo: 'map2', maxSeedHit: 8 }] }), [
    ['sbg.record-field', "Item 1 of input 'algos' has no field 'maxSeedHit': did you mean 'maxSeedHits'?"],
  ]);
  assert.deepEqual(findings({ algos: [{ algo: 'map4', hitFrequency: 2 }] }), [
    ['sbg.enum-value', "'map4' is not a value of field 'algo' of item 1 of input 'algos': did you mean 'map3'?"],
  ]);
  assert.deepEqual(findings({ shapes: [{ width: 2 }] }), [['sbg.record-field', "Item 1 of input 'shapes' is missing the required field 'height': add it."]]);
});

test('unions mixing records with enums, arrays and primitives', () => {
  for (const accepted of [3, 'auto', { low: 1, high: 2 }, [1, 2]]) {
    assert.deepEqual(findings({ threshold: accepted }), [], JSON.stringify(accepted));
  }
  assert.deepEqual(findings({ threshold: 'aut' }), [['sbg.enum-value', "'aut' is not a value of input 'threshold': did you mean 'auto'?"]]);
  assert.deepEqual(findings({ threshold: { low: 1 } }), [['sbg.record-field', "Input 'threshold' is missing the required field 'high': add it."]]);
  assert.deepEqual(findings({ threshold: [1, true] }).map(([code]) => code), ['sbg.input-type']);
  assert.deepEqual(findings({ threshold: true }).map(([code]) => code), ['sbg.input-type']);
});

test('a union of two enums takes the symbols of both; a union of lists takes either list', () => {
  assert.deepEqual(findings({ codes: 'd' }), []);
  assert.deepEqual(findings({ codes: 'zzz' }), [['sbg.enum-value', "'zzz' is not a value of input 'codes': use one of 'a' or 'b'."]]);
  assert.deepEqual(findings({ lists: ['x', 'y'] }), []);
});
