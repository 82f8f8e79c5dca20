import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyWith, codesAt, diagnose, fileId, fileOf } from '../../test-utils/diagnose';
import { appModel, fakeContext } from '../../test-utils/fakeContext';

const defaultBatching = appModel({ reads: 'File[]', genome: 'File?' }, { batchInput: 'reads', batchBy: { type: 'criteria', criteria: ['metadata.sample_id'] } });
const plainApp = appModel({ reads: 'File[]', genome: 'File?' });

test("the app's default batching is an information on app, saying how to run one task", () => {
  const [finding] = diagnose(bodyWith({ reads: [fileOf(1)] }), fakeContext({ app: defaultBatching }));
  assert.equal(finding.code, 'sbg.default-batch');
  assert.equal(finding.severity, 'information');
  assert.equal(finding.at, '"me/proj/wf/3"');
  assert.equal(finding.message, `Runs as a batch: by metadata.sample_id over 'reads' (the app's default). Add "batch": false to run it as one task.`);
  assert.deepEqual(codesAt(bodyWith({ reads: [fileOf(1)] }, { batch: false }), fakeContext({ app: defaultBatching })), []);
  assert.deepEqual(codesAt(bodyWith({ reads: [fileOf(1)] }, { batch_input: null, batch_by: null }), fakeContext({ app: defaultBatching })), []);
  assert.deepEqual(codesAt(bodyWith({ reads: [fileOf(1)] }), fakeContext({ app: plainApp })), []);
  assert.deepEqual(codesAt(bodyWith({ reads: [fileOf(1)] }, { batch_input: 'reads', batch_by: { type: 'item' } }), fakeContext({ app: defaultBatching })), [], 'an explicit batch says it itself');
  assert.deepEqual(codesAt(bodyWith({ reads: [fileOf(1)] }), fakeContext({ app: defaultBatching }), { severities: { batch: 'off' } }), []);
});

test('the same file twice in a list input is a warning on the second item', () => {
  const findings = diagnose(bodyWith({ reads: [fileOf(1), fileOf(2), fileOf(1)] }), fakeContext({ app: plainApp }));
  assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['sbg.duplicate-file', 'warning']]);
  assert.equal(findings[0].diagnostic.range.start.line, 13, 'the third item, not the first');
  assert.match(findings[0].message, /already item 1 of 'reads'/);
  assert.deepEqual(codesAt(bodyWith({ reads: [fileOf(1), fileOf(2)] }), fakeContext({ app: plainApp })), []);
  const repeated = diagnose(bodyWith({ reads: new Array(500).fill(fileOf(7)) }), fakeContext({ app: plainApp }));
  assert.equal(repeated.length, 50, 'at most 50 repeats reported a list');
});

test('repeated files among thousands are found wherever they are, also when one is written with an escape', () => {
  const reads = Array.from({ length: 3000 }, (_, i) => fileOf(i));
  assert.deepEqual(codesAt(bodyWith({ reads }), fakeContext({ app: plainApp })), [], 'no two of 3,000 distinct ids are taken for one');
  const text = bodyWith({ reads: [...reads, fileOf(1234), fileOf(2999)] }).replace(`"path": "${fileId(0)}"`, `"path": "\\u00${fileId(0).charCodeAt(0).toString(16)}${fileId(0).slice(1)}"`);
  const escapedRepeat = text.replace(/("reads": \[)/, `$1{"class": "File", "path": "${fileId(0)}"}, `);
  const findings = diagnose(escapedRepeat, fakeContext({ app: plainApp }));
  assert.deepEqual(findings.map((f) => f.message), [
    "This file is already item 1 of 'reads': remove the repeat, or the app reads the file twice.",
    "This file is already item 1236 of 'reads': remove the repeat, or the app reads the file twice.",
    "This file is already item 3001 of 'reads': remove the repeat, or the app reads the file twice.",
  ]);
});

const pairs = {
  [fileId(1)]: { name: 'S1_L001_R1.fastq.gz', metadata: { sample_id: 'S1' } },
  [fileId(2)]: { name: 'S1_L001_R2.fastq.gz', metadata: { sample_id: 'S1' } },
};

test('batching by item over paired reads warns that pairs are split, naming a pair', () => {
  const body = bodyWith({ reads: [fileOf(1), fileOf(2)] }, { batch_input: 'reads', batch_by: { type: 'item' } });
  const [finding] = diagnose(body, fakeContext({ app: plainApp, files: pairs }));
  assert.equal(finding.code, 'sbg.split-pairs');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.at, /^\{\s+"type": "item"\s+\}$/);
  assert.match(finding.message, /S1_L001_R1.fastq.gz and S1_L001_R2.fastq.gz would run in different child tasks; batch by metadata.sample_id/);
  assert.deepEqual(finding.diagnostic.data, { id: 'reads', suggestion: 'metadata.sample_id' });
  const namesOnly = diagnose(bodyWith({ reads: [{ ...fileOf(1), name: 'a_1.fq' }, { ...fileOf(2), name: 'a_2.fq' }] }, { batch_input: 'reads', batch_by: { type: 'item' } }), fakeContext({ app: plainApp }));
  assert.deepEqual(namesOnly.map((f) => [f.code, f.diagnostic.data]), [['sbg.split-pairs', { id: 'reads' }]], 'names from the file objects; no sample fix without metadata');
});

test('a file of a criteria batch that lacks the criterion gets a warning on its item', () => {
  const files = { [fileId(1)]: { name: 'a.fq', metadata: { sample_id: 'S1' } }, [fileId(2)]: { name: 'b.fq', metadata: { library_id: 'L' } }, [fileId(3)]: null };
  const findings = diagnose(bodyWith({ reads: [fileOf(1), fileOf(2), fileOf(3)] }), fakeContext({ app: defaultBatching, files }));
  assert.deepEqual(findings.map((f) => f.code), ['sbg.file-not-found', 'sbg.default-batch', 'sbg.batch-metadata']);
  assert.match(findings[2].at, /"path": "0+2"/);
  assert.match(findings[2].message, /^b.fq has no metadata.sample_id in its metadata: the batch groups it with the other files that lack it \(child "\(none\)"\)/);
});
