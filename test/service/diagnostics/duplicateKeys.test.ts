/**
 * Repeated keys are compared in the text (SyntaxTree.sameString) rather than as strings cut out
 * per key: equal spellings, escaped spellings of the same key, and look-alikes of the same length.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../../test-utils/diagnose';

test('a key repeated through an escape is a repeat; keys of the same length that differ are not', () => {
  const text = '{"project": "me/proj", "app": "me/proj/wf", "inputs": {"ab": 1, "ba": 2, "\\u0061b": 3, "xy": {"c": 1, "d": 2, "c": 3}}}';
  assert.deepEqual(diagnose(text).map((f) => [f.code, f.at, f.diagnostic.data]), [
    ['sbg.duplicate-key', '"\\u0061b"', { id: 'ab' }],
    ['sbg.duplicate-key', '"c"', { id: 'c' }],
  ]);
});
