import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyWith, codesAt, diagnose, fileId, fileOf } from '../../test-utils/diagnose';
import { fakeContext } from '../../test-utils/fakeContext';

const app = fakeContext({
  app: {
    reads: 'File[]',
    reference: 'File',
    threads: 'int?',
    fraction: 'float?',
    mode: 'enum(SAM|BAM|6)?',
    ref_dir: 'Directory?',
    settings: 'record{level: int, label: string?}?',
    either: 'File|Directory?',
    names: 'string[]?',
  },
});

test('a complete, well-typed body has no diagnostics (an int is a fine float)', () => {
  const text = bodyWith({ reads: [fileOf(1), fileOf(2)], reference: fileOf(3), threads: 8, fraction: 1, mode: '6', settings: { level: 2 }, either: { class: 'Directory', path: fileId(4) }, names: ['a'] });
  assert.deepEqual(codesAt(text, app), []);
});

test('an unknown input names the nearest port', () => {
  const findings = diagnose(bodyWith({ reads: [], reference: fileOf(3), thread: 4, '#mode': 'SAM', zzzzzz: 1 }), app);
  assert.deepEqual(findings.map((f) => [f.code, f.at, f.severity]), [
    ['sbg.unknown-input', '"thread"', 'error'],
    ['sbg.unknown-input', '"#mode"', 'error'],
    ['sbg.unknown-input', '"zzzzzz"', 'error'],
  ]);
  assert.match(findings[0].message, /The app has no input 'thread': did you mean 'threads'\?/);
  assert.match(findings[1].message, /did you mean 'mode'\?/);
  assert.match(findings[2].message, /its inputs are 'reads', 'reference'/);
});

test('missing required inputs, null counting as missing', () => {
  const findings = diagnose(bodyWith({ reads: null }), app);
  assert.deepEqual(findings.map((f) => [f.code, f.at]), [
    ['sbg.missing-required-input', 'null'],
    ['sbg.missing-required-input', '"inputs"'],
  ]);
  assert.match(findings[1].message, /Missing required input 'reference' \(File\): add it under "inputs"/);
  const noInputs = diagnose('{"project": "me/proj", "app": "me/proj/wf"}', app);
  assert.deepEqual(noInputs.map((f) => [f.code, f.at]), [['sbg.missing-required-input', '"app"'], ['sbg.missing-required-input', '"app"']]);
});

test('wrong types and cardinality: File vs File[] vs scalar, quoted numbers, numbers for enums', () => {
  const findings = diagnose(bodyWith({ reads: fileOf(1), reference: [fileOf(2)], threads: 1.5, fraction: '0.5', mode: 6, names: 'a' }), app);
  assert.deepEqual(findings.map((f) => [f.code, f.at]), [
    ['sbg.input-type', JSON.stringify(fileOf(1), null, 2).replace(/\n/g, '\n    ')],
    ['sbg.input-type', JSON.stringify([fileOf(2)], null, 2).replace(/\n/g, '\n    ')],
    ['sbg.input-type', '1.5'],
    ['sbg.input-type', '"0.5"'],
    ['sbg.input-type', '6'],
    ['sbg.input-type', '"a"'],
  ]);
  const messages = findings.map((f) => f.message);
  assert.match(messages[0], /Input 'reads' takes a list of Files, not a single value: wrap it in \[ \]/);
  assert.match(messages[1], /Input 'reference' takes a File, not an array/);
  assert.match(messages[2], /takes an integer \(int\), not a fractional number \(1.5\)/);
  assert.match(messages[3], /write 0.5 without quotes/);
  assert.match(messages[4], /write "6" in quotes/);
});

test('enum values must be symbols', () => {
  const findings = diagnose(bodyWith({ reads: [], reference: fileOf(1), mode: 'BAN' }), app);
  assert.deepEqual(findings.map((f) => [f.code, f.at]), [['sbg.enum-value', '"BAN"']]);
  assert.match(findings[0].message, /'BAN' is not a value of input 'mode': did you mean 'BAM'\?/);
});

test('File and Directory objects need class and path, and path is a file id', () => {
  const text = bodyWith({
    reads: [{ path: fileId(1) }, { class: 'File' }, { class: 'File', location: 'x.bam' }, { class: 'file', path: fileId(2) }, { class: 'File', path: 'sample.bam' }],
    reference: { class: 'Directory', path: fileId(3) },
    ref_dir: 'folder',
  });
  assert.deepEqual(codesAt(text, app).map(([code, at]) => [code, at.split('\n')[0]]), [
    ['sbg.file-object', '{'],
    ['sbg.file-object', '{'],
    ['sbg.file-object', '"location"'],
    ['sbg.file-object', '"file"'],
    ['sbg.malformed-id', '"sample.bam"'],
    ['sbg.input-type', '"Directory"'],
    ['sbg.input-type', '"folder"'],
  ]);
});

test('record fields: unknown, missing, wrongly typed', () => {
  const text = bodyWith({ reads: [], reference: fileOf(1), settings: { levle: 1, label: 2 } });
  const findings = diagnose(text, app);
  assert.deepEqual(findings.map((f) => [f.code, f.at.split('\n')[0]]), [
    ['sbg.record-field', '"levle"'],
    ['sbg.input-type', '2'],
    ['sbg.record-field', '{'],
  ]);
  assert.match(findings[0].message, /did you mean 'level'\?/);
  assert.match(findings[2].message, /missing the required field 'level'/);
});

test('a list of Files on a single-File port is right when that port is the batch input', () => {
  const body = (batch: boolean) =>
    bodyWith({ reads: [], reference: [fileOf(1), fileOf(2)] }, batch ? { batch_input: 'reference', batch_by: { type: 'item' } } : {});
  assert.deepEqual(codesAt(body(true), app), []);
  assert.deepEqual(codesAt(body(false), app).map(([code]) => code), ['sbg.input-type']);
});

test('live data: a missing file is an error, an unknown one nothing', () => {
  const context = fakeContext({ app: { reads: 'File[]' }, files: { [fileId(1)]: { name: 'a.bam' }, [fileId(2)]: null } });
  const findings = diagnose(bodyWith({ reads: [fileOf(1), fileOf(2), fileOf(3)] }), context);
  assert.deepEqual(findings.map((f) => [f.code, f.at, f.severity]), [['sbg.file-not-found', `"${fileId(2)}"`, 'error']]);
  const withoutApp = fakeContext({ files: { [fileId(2)]: null } });
  assert.deepEqual(codesAt(bodyWith({ anything: { nested: [fileOf(2), { class: 'File', path: 'x' }] } }), withoutApp), [
    ['sbg.file-not-found', `"${fileId(2)}"`],
    ['sbg.malformed-id', '"x"'],
  ]);
});

test('live data: many missing files of one input are the first 20 marked and their count on the input, so other problems still show', () => {
  const missing = (count: number, from = 100) => Object.fromEntries(Array.from({ length: count }, (_, i) => [fileId(from + i), null]));
  const reads = (count: number, from = 100) => Array.from({ length: count }, (_, i) => fileOf(from + i));
  const context = fakeContext({ app: { reads: 'File[]', genome: 'File', threads: 'int' }, files: { ...missing(3000), ...missing(2, 9000) } });
  const findings = diagnose(bodyWith({ reads: reads(3000), genome: fileOf(9000), threads: 'eight' }), context);
  const codes = findings.map((f) => f.code);
  assert.equal(codes.filter((code) => code === 'sbg.file-not-found').length, 20 + 1 + 1, 'twenty items, the count on reads, the genome');
  const summary = findings.find((f) => f.at === '"reads"')!;
  assert.equal(summary.code, 'sbg.file-not-found');
  assert.equal(summary.severity, 'error');
  assert.equal(summary.message, "3,000 file ids of input 'reads' name nothing this token can read on the platform (the first 20 are marked). " +
    'When this many are missing, the ids usually come from another environment or account than the one signed in, or their project is not shared with you.');
  assert.deepEqual(summary.diagnostic.data, { id: 'reads' });
  assert.ok(findings.some((f) => f.at === `"${fileId(9000)}"`), 'the genome, another input, is marked on its own');
  assert.ok(codes.includes('sbg.input-type'), 'the problem after the list is not crowded out');
  assert.ok(!codes.includes('sbg.too-many-problems'));

  // Twenty exactly: each marked, no count. Without the app the same rule holds per input.
  assert.deepEqual(codesAt(bodyWith({ reads: reads(20) }), fakeContext({ app: { reads: 'File[]' }, files: missing(20) })).length, 20);
  const withoutApp = diagnose(bodyWith({ reads: reads(25) }), fakeContext({ files: missing(25) }));
  assert.equal(withoutApp.length, 21);
  assert.match(withoutApp.find((f) => f.at === '"reads"')!.message, /^25 file ids of input 'reads'/);
});

test('live data: the app unavailable is one information on app, not found an error, pending nothing', () => {
  const text = bodyWith({ whatever: 1 });
  const unavailable = diagnose(text, fakeContext({ app: { state: 'unavailable', reason: 'the platform did not answer' } }));
  assert.deepEqual(unavailable.map((f) => [f.code, f.at, f.severity]), [['sbg.app-unavailable', '"me/proj/wf/3"', 'information']]);
  assert.match(unavailable[0].message, /Inputs were not checked: .* could not be fetched \(the platform did not answer\)/);
  const notFound = diagnose(text, fakeContext({ app: { state: 'not-found', reason: 'no such revision' } }));
  assert.deepEqual(notFound.map((f) => [f.code, f.severity]), [['sbg.app-not-found', 'error']]);
  assert.deepEqual(codesAt(text, fakeContext({ app: { state: 'pending' } })), []);
  const project = diagnose(text, fakeContext({ projects: { 'me/proj': false } }));
  assert.deepEqual(project.map((f) => [f.code, f.at]), [['sbg.project-not-found', '"me/proj"']]);
});

test('an empty "path" (a placeholder left by a quick fix) says to put the file id there', () => {
  const findings = diagnose(bodyWith({ reads: [], reference: { class: 'File', path: '' } }), app);
  assert.deepEqual(findings.map((f) => [f.code, f.at]), [['sbg.malformed-id', '""']]);
  assert.match(findings[0].message, /"path" of input 'reference' is empty: put the file's id here/);
});
