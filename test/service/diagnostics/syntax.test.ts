import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codesAt, diagnose } from '../../test-utils/diagnose';
import { fakeContext } from '../../test-utils/fakeContext';

test('a syntax error is reported and the rest is still checked', () => {
  const findings = codesAt('{"project": "me/proj", "app": "me/proj/wf" "nmae": 1}');
  assert.deepEqual(findings[0], ['sbg.syntax', '"nmae"']);
  assert.ok(findings.some(([code, at]) => code === 'sbg.unknown-key' && at === '"nmae"'), JSON.stringify(findings));
});

test('comments and trailing commas are syntax errors: the platform reads plain JSON', () => {
  const findings = diagnose('{"project": "me/proj", // mine\n "app": "me/proj/wf",}');
  assert.deepEqual(findings.map((f) => [f.code, f.at]), [['sbg.syntax', '// mine'], ['sbg.syntax', '}'], ['sbg.syntax', '}']]);
  assert.match(findings[0].message, /Comments are not allowed/);
  assert.match(findings[1].message, /Property name expected/);
});

test('an empty file gets one clear error', () => {
  const [finding, ...rest] = diagnose('  \n');
  assert.equal(rest.length, 0);
  assert.equal(finding.code, 'sbg.syntax');
  assert.match(finding.message, /The file is empty/);
});

test('a top-level array is not a task body', () => {
  const findings = diagnose('[{"project": "me/proj"}]');
  assert.deepEqual(findings.map((f) => [f.code, f.at]), [['sbg.body-type', '[{"project": "me/proj"}]']]);
  assert.match(findings[0].message, /A task body is a JSON object, not an array/);
});

test('10,000 levels of nesting give diagnostics, not a stack overflow', () => {
  const deep = '{"project": "me/proj", "app": "me/proj/wf", "inputs": {"x": ' + '['.repeat(10000) + ']'.repeat(10000) + '}}';
  assert.deepEqual(codesAt(deep, fakeContext({ app: { x: 'int' } })), [['sbg.input-type', '['.repeat(10000) + ']'.repeat(10000)]]);
  const broken = '['.repeat(10000);
  const findings = diagnose(broken);
  assert.equal(findings[0].code, 'sbg.syntax');
  assert.match(findings[0].message, /nested too deeply/);
});

test('text decoded from invalid UTF-8 (replacement characters, lone surrogates) gets diagnostics', () => {
  const text = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]).toString('utf8'); // {"\xff\xfe":1}
  assert.deepEqual(codesAt(text).map(([code]) => code), ['sbg.unknown-key', 'sbg.missing-key', 'sbg.missing-key']);
  assert.deepEqual(codesAt('\ud800{').slice(0, 2), [['sbg.syntax', '\ud800'], ['sbg.syntax', '']]);
});

test('escaped strings are read as JSON reads them', () => {
  assert.deepEqual(codesAt('{"project": "me\\/proj", "app": "me/proj/wf\\u0020x"}'), [['sbg.malformed-id', '"me/proj/wf\\u0020x"']]);
});

test('mid-typing: an unclosed string hides what recovery would misread after it, and no input is called missing', () => {
  const context = fakeContext({ app: { reads: 'File[]', index: 'File' } });
  const text = '{"project": "me/proj", "app": "me/proj/wf",\n "inputs": {\n  "thr\n  "index": {"class": "File", "path": "5e1f0c2b6a3c2f0012345678"},\n  "reads": []\n }\n}';
  const findings = diagnose(text, context);
  assert.ok(findings.length > 0 && findings.every((f) => f.code === 'sbg.syntax'), JSON.stringify(findings.map((f) => [f.code, f.at])));
  assert.match(findings[0].message, /add the closing "/);
});

test('a missing comma keeps the checks after it, but absences wait until the text parses', () => {
  const context = fakeContext({ app: { reads: 'File[]', index: 'File' } });
  const findings = codesAt('{"project": "me/proj", "app": "me/proj/wf" "inputs": {"redas": []}}', context);
  assert.deepEqual(findings.map(([code]) => code), ['sbg.syntax', 'sbg.unknown-input']);
});
