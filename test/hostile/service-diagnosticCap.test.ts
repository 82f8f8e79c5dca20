/**
 * Issue 9 §7: 500 KB of `[,,,,…]` gave 500,002 diagnostics in one 83 MB message. A document gets
 * at most MAX_DIAGNOSTICS, then one final `sbg.too-many-problems` note where the first left-out
 * problem was found; the checks stop looking once the list is full.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { validate } from '../../server/src/service';
import { MAX_DIAGNOSTICS } from '../../server/src/service/diagnostics/report';
import { appModel } from '../test-utils/fakeContext';
import { documentOf } from '../test-utils/cursor';

const note = `This file has more than ${MAX_DIAGNOSTICS} problems: only the first ${MAX_DIAGNOSTICS} are listed. Fix them and the rest will show.`;

test('500 KB of [,,,,…]: the first 1000 syntax errors and one note, not half a million', () => {
  const text = `[${','.repeat(500_000)}]`;
  const diagnostics = validate(documentOf(text, 'file:///commas.sbtask.json'), {});
  assert.equal(MAX_DIAGNOSTICS, 1000);
  assert.equal(diagnostics.length, MAX_DIAGNOSTICS + 1);
  assert.ok(diagnostics.slice(0, -1).every((d) => d.code === 'sbg.syntax' && d.message === 'Value expected'));
  const last = diagnostics[diagnostics.length - 1];
  assert.deepEqual(
    { code: last.code, severity: last.severity, message: last.message, start: last.range.start },
    { code: 'sbg.too-many-problems', severity: DiagnosticSeverity.Information, message: note, start: { line: 0, character: 1001 } },
  );
  assert.ok(JSON.stringify(diagnostics).length < 300_000);
});

test('exactly 1000 problems get no note; 1001 get the note', () => {
  const body = (wrong: number) => JSON.stringify({ project: 'me/proj', app: 'me/proj/wf', inputs: { n: Array.from({ length: wrong }, () => 'x') } });
  const ctx = { app: { state: 'ready' as const, model: appModel({ n: 'int[]' }) } };
  const exact = validate(documentOf(body(1000), 'file:///exact.sbtask.json'), ctx);
  assert.equal(exact.length, 1000);
  assert.ok(exact.every((d) => d.code === 'sbg.input-type'));
  const over = validate(documentOf(body(1001), 'file:///over.sbtask.json'), ctx);
  assert.deepEqual(over.map((d) => d.code).slice(-2), ['sbg.input-type', 'sbg.too-many-problems']);
  assert.equal(over.length, 1001);
});

test('the number of diagnostics stays the same from 2,000 to 200,000 wrong items (batch-sized bodies)', () => {
  const ctx = { app: { state: 'ready' as const, model: appModel({ reads: 'File[]' }) } };
  const counts = [2_000, 20_000, 200_000].map((n) => {
    const items = Array.from({ length: n }, () => ({ class: 'File', path: 'not-an-id' }));
    const text = JSON.stringify({ project: 'me/proj', app: 'me/proj/wf', inputs: { reads: items } });
    return validate(documentOf(text, `file:///reads-${n}.sbtask.json`), ctx).length;
  });
  assert.deepEqual(counts, [MAX_DIAGNOSTICS + 1, MAX_DIAGNOSTICS + 1, MAX_DIAGNOSTICS + 1]);
});

test('the note is shown whatever the severity setting of a family', () => {
  const text = `[${','.repeat(3000)}]`;
  const diagnostics = validate(documentOf(text, 'file:///commas2.sbtask.json'), {}, { severities: { syntax: 'hint' } });
  assert.equal(diagnostics.length, MAX_DIAGNOSTICS + 1);
  assert.equal(diagnostics[0].severity, DiagnosticSeverity.Hint);
  assert.equal(diagnostics[MAX_DIAGNOSTICS].severity, DiagnosticSeverity.Information);
});
