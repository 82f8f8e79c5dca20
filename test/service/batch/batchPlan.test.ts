import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchPreview, batchSummary, renderBatchPreview } from '../../../server/src/service/batch/batchPreview';
import { readPairs } from '../../../server/src/service/batch/readPairs';
import { appModel, fakeContext } from '../../test-utils/fakeContext';
import { bodyWith, fileId, fileOf } from '../../test-utils/diagnose';
import { documentOf } from '../../test-utils/cursor';
import type { FileInfo } from '../../../server/src/service/providers';

const model = appModel({ reads: 'File[]', genome: 'File' }, { batchInput: 'reads', batchBy: { type: 'CRITERIA', criteria: ['metadata.sample_id'] } });
const files: Record<string, Partial<FileInfo>> = {
  [fileId(1)]: { name: 'S1_R1.fq', metadata: { sample_id: 'S1' } },
  [fileId(2)]: { name: 'S1_R2.fq', metadata: { sample_id: 'S1' } },
  [fileId(3)]: { name: 'S2_R1.fq', metadata: { sample_id: 'S2' } },
  [fileId(4)]: { name: 'x_R1.fq', metadata: {} },
  [fileId(5)]: { name: 'y_R1.fq' },
};
const reads = [1, 2, 3, 4, 5].map(fileOf);
const preview = (text: string, context = fakeContext({ app: model, files })) => batchPreview(documentOf(text), context);

test("the app's default batching groups by its criteria; files lacking one go together under (none)", () => {
  const result = preview(bodyWith({ reads }))!;
  assert.equal(result.source, 'app-default');
  assert.equal(result.input, 'reads');
  assert.deepEqual(result.children.map((c) => [c.value, c.files.map((f) => f.name)]), [
    ['S1', ['S1_R1.fq', 'S1_R2.fq']],
    ['S2', ['S2_R1.fq']],
    ['(none)', ['x_R1.fq', 'y_R1.fq']],
  ]);
  assert.deepEqual(result.children[2].fields, { 'metadata.sample_id': '' });
  assert.deepEqual(result.lacking.map((f) => [f.name, f.criteria]), [['x_R1.fq', ['metadata.sample_id']], ['y_R1.fq', ['metadata.sample_id']]]);
  assert.equal(batchSummary(result), 'Batch: 3 children by sample_id · 2 files lack sample_id');
  assert.match(result.assumption, /one child whose group value is "\(none\)"/);
});

test('the body decides over the app default; "batch": false or both null means no batch', () => {
  const byItem = preview(bodyWith({ reads }, { batch_input: 'reads', batch_by: { type: 'ITEM' } }))!;
  assert.equal(byItem.source, 'body');
  assert.deepEqual(byItem.children.map((c) => c.value), ['S1_R1.fq', 'S1_R2.fq', 'S2_R1.fq', 'x_R1.fq', 'y_R1.fq']);
  assert.equal(batchSummary(byItem), 'Batch: 5 children by file');
  const two = preview(bodyWith({ reads }, { batch_input: 'reads', batch_by: { type: 'criteria', criteria: ['metadata.sample_id', 'metadata.library_id'] } }))!;
  assert.deepEqual(two.children.map((c) => c.value), ['S1, (none)', 'S2, (none)', '(none), (none)']);
  assert.equal(preview(bodyWith({ reads }, { batch: false })), undefined);
  assert.equal(preview(bodyWith({ reads }, { batch_input: null, batch_by: null })), undefined);
  assert.equal(preview(bodyWith({ reads }, { batch_input: 'reads' })), undefined, 'half a batch is an error, not a preview');
});

test('files not known yet are counted as not read, and the lens says metadata is not read when none is', () => {
  const partly = preview(bodyWith({ reads: [fileOf(1), fileOf(9)] }))!;
  assert.deepEqual(partly.unknown, [{ id: fileId(9), name: fileId(9) }]);
  assert.equal(batchSummary(partly), 'Batch: 2 children by sample_id · 1 file not read');
  const none = preview(bodyWith({ reads }), fakeContext({ app: model }))!;
  assert.equal(batchSummary(none), 'Batch by sample_id: 5 files, metadata not read yet');
});

test('the rendered preview lists every child with its files and says what it assumes', () => {
  const text = renderBatchPreview(preview(bodyWith({ reads }))!, 'align.sbtask.json');
  assert.match(text, /^# Batch preview: align.sbtask.json/);
  assert.match(text, /\*\*Batch: 3 children by sample_id · 2 files lack sample_id\*\*/);
  assert.match(text, /the app's default/);
  assert.match(text, /Assumption: Files that lack a criterion/);
  assert.match(text, /1\. \*\*S1\*\* \(2 files\): S1_R1.fq, S1_R2.fq/);
  assert.match(text, /- x_R1.fq `0+4`: no metadata.sample_id/);
});

test('read pairs: _R1/_R2, _1/_2 and lane chunks pair by stem; unmatched names do not', () => {
  assert.deepEqual(readPairs(['S01_L001_R1.fastq.gz', 'S01_L001_R2.fastq.gz', 'S02_L001_R1.fastq.gz']), [[0, 1]]);
  assert.deepEqual(readPairs(['a_1.fq', 'b_2.fq', 'b_1.fq']), [[2, 1]]);
  assert.deepEqual(readPairs(['S1_R1_001.fastq.gz', 'S1_R2_001.fastq.gz', 'S1_R2_002.fastq.gz']), [[0, 1]]);
  assert.deepEqual(readPairs(['S1_R1.fastq.gz', 'S1_R2.fq']), [], 'different extensions are not mates');
  assert.deepEqual(readPairs(['sample1.bam', 'sample2.bam']), []);
});
