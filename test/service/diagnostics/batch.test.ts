import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyWith, codesAt, diagnose, fileOf } from '../../test-utils/diagnose';
import { fakeContext } from '../../test-utils/fakeContext';

const app = fakeContext({ app: { reads: 'File[]', threads: 'int?', reference: 'File?' } });

test('batch_input and batch_by only together', () => {
  assert.deepEqual(codesAt(bodyWith({ reads: [fileOf(1)] }, { batch_input: 'reads' }), app), [['sbg.batch-pair', '"batch_input"']]);
  assert.deepEqual(codesAt(bodyWith({ reads: [fileOf(1)] }, { batch_by: { type: 'item' } }), app), [['sbg.batch-pair', '"batch_by"']]);
  assert.deepEqual(codesAt(bodyWith({ reads: [fileOf(1)] }, { batch_input: null, batch_by: null }), app), []);
});

test('batch_input names a port that takes files', () => {
  const check = (input: string) => diagnose(bodyWith({ reads: [fileOf(1)] }, { batch_input: input, batch_by: { type: 'ITEM' } }), app);
  assert.deepEqual(check('reads').map((f) => f.code), []);
  const misspelt = check('raeds');
  assert.deepEqual(misspelt.map((f) => [f.code, f.at]), [['sbg.batch-input', '"raeds"']]);
  assert.match(misspelt[0].message, /did you mean 'reads'\?/);
  const notFiles = check('threads');
  assert.match(notFiles[0].message, /'threads', which does not take files: batch on one that takes files: reads, reference/);
  assert.deepEqual(check('').map((f) => f.code), ['sbg.batch-input']);
});

test('batch_by: type item or criteria in either case, criteria given and metadata.-prefixed', () => {
  const check = (by: unknown) => codesAt(bodyWith({ reads: [fileOf(1)] }, { batch_input: 'reads', batch_by: by }), app);
  assert.deepEqual(check({ type: 'CRITERIA', criteria: ['metadata.sample_id', 'metadata.library_id'] }), []);
  assert.deepEqual(check({ type: 'items' }), [['sbg.enum-value', '"items"']]);
  assert.deepEqual(check({}).map(([code]) => code), ['sbg.missing-key']);
  assert.deepEqual(check({ type: 'criteria' }), [['sbg.batch-by', '"criteria"']]);
  assert.deepEqual(check({ type: 'criteria', criteria: [] }), [['sbg.batch-by', '[]']]);
  const unprefixed = diagnose(bodyWith({ reads: [fileOf(1)] }, { batch_input: 'reads', batch_by: { type: 'criteria', criteria: ['sample_id'] } }), app);
  assert.deepEqual(unprefixed.map((f) => [f.code, f.at]), [['sbg.batch-by', '"sample_id"']]);
  assert.match(unprefixed[0].message, /write "metadata.sample_id" instead of "sample_id"/);
});
