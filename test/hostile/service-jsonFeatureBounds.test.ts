/**
 * Issue 9 §6: formatting text nested 20,000 deep ran the server out of memory, 5,000 deep took
 * over a minute; the outline and selection ranges overflowed the stack at 4,000. Formatting,
 * outline, folding and selection ranges now check the document first (one pass, no recursion)
 * and, past MAX_FEATURE_NESTING levels or MAX_FEATURE_SIZE characters, answer with nothing and
 * give the wiring one reason to log.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSymbols, foldingRanges, format, jsonFeaturesSkipped, selectionRanges, validate, complete, hover } from '../../server/src/service';
import { MAX_FEATURE_NESTING, MAX_FEATURE_SIZE, nestingDepth } from '../../server/src/service/json/jsonFeatures';
import { documentOf } from '../test-utils/cursor';

const options = { tabSize: 2, insertSpaces: true };
const nested = (depth: number) => `{"project": "me/proj", "app": "me/proj/wf", "inputs": {"x": ${'['.repeat(depth - 2)}1${']'.repeat(depth - 2)}}}`;

/** Runs the four features, collecting what they tell the wiring. */
function runFeatures(text: string, uri: string) {
  const document = documentOf(text, uri);
  const reasons: string[] = [];
  const onSkipped = (reason: string) => reasons.push(reason);
  const middle = document.positionAt(text.length >> 1);
  return {
    reasons,
    edits: format(document, undefined, options, { onSkipped }).length,
    symbols: documentSymbols(document, { onSkipped }).length,
    folds: foldingRanges(document, { onSkipped }).length,
    selections: selectionRanges(document, [middle], { onSkipped }).length,
    skipped: jsonFeaturesSkipped(document),
  };
}

test('20,000 deep (40 KB): every feature answers with nothing and says why, once each', () => {
  const uri = 'file:///deep.sbtask.json';
  const result = runFeatures(nested(20_000), uri);
  const reason = `${uri}: formatting, outline, folding and selection ranges are off: the document is nested more than ${MAX_FEATURE_NESTING} levels deep.`;
  assert.deepEqual(result, { reasons: [reason, reason, reason, reason], edits: 0, symbols: 0, folds: 0, selections: 0, skipped: reason });
});

test(`${MAX_FEATURE_NESTING} deep still formats, folds and outlines`, () => {
  const result = runFeatures(nested(MAX_FEATURE_NESTING).replace(/\[/g, '[\n').replace(/\]/g, '\n]'), 'file:///edge.sbtask.json');
  assert.deepEqual(result.reasons, []);
  assert.equal(result.skipped, undefined);
  assert.ok(result.edits > MAX_FEATURE_NESTING, `edits: ${result.edits}`);
  assert.equal(result.symbols, 3);
  assert.equal(result.folds, MAX_FEATURE_NESTING - 2);
  assert.equal(result.selections, 1);
});

test(`more than ${MAX_FEATURE_SIZE} characters: nothing, with the size in the reason`, () => {
  const text = JSON.stringify({ project: 'me/proj', app: 'me/proj/wf', name: 'x'.repeat(MAX_FEATURE_SIZE) });
  const uri = 'file:///huge.sbtask.json';
  const result = runFeatures(text, uri);
  assert.equal(result.skipped, `${uri}: formatting, outline, folding and selection ranges are off: the document has ${text.length} characters, more than ${MAX_FEATURE_SIZE}.`);
  assert.deepEqual([result.edits, result.symbols, result.folds, result.selections, result.reasons.length], [0, 0, 0, 0, 4]);
});

test('nesting is counted outside strings, and an unclosed string ends at its line', () => {
  assert.equal(nestingDepth('{"a": "[[[[{{{{", "b": [[1]]}'), 3);
  assert.equal(nestingDepth('{"a": "\\"[[[", "b": {}}'), 2);
  assert.equal(nestingDepth('{"a": "open\n[[[1]]]}'), 4);
  assert.equal(nestingDepth('['.repeat(1_000_000), 10), 11);
});

test('diagnostics, completion and hover on text nested 100,000 deep answer as on any broken or deep text', async () => {
  const text = nested(100_000);
  const document = documentOf(text, 'file:///deeper.sbtask.json');
  const diagnostics = validate(document, {});
  assert.deepEqual(diagnostics.map((d) => d.code), []);
  const position = document.positionAt(text.length >> 1);
  assert.deepEqual((await complete(document, position, {}, {})).items, []);
  assert.equal(hover(document, position, {}), null);
  const broken = documentOf(text.slice(0, -3), 'file:///deeper-broken.sbtask.json');
  const brokenDiagnostics = validate(broken, {});
  assert.deepEqual(brokenDiagnostics.map((d) => d.code), ['sbg.syntax']);
  assert.match(String(brokenDiagnostics[0].message), /nested too deeply to check the rest/);
});
