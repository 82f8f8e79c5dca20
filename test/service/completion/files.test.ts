import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeCompletionData, fakeContext } from '../../test-utils/fakeContext';
import { applyItem, completeAt, itemOf } from './helpers';

const context = fakeContext({
  app: {
    reads: { type: 'File[]', fileTypes: ['FASTQ', 'FQ.GZ'] },
    ref: 'File',
    index_dir: 'Directory?',
  },
});
const data = fakeCompletionData({
  files: {
    'rfranklin/rna': [
      { id: '5e1f0c2b6a3c2f0012345678', name: 'S1_R1.fastq', size: 1_572_864, type: 'file' },
      { id: '5e1f0c2b6a3c2f0012345679', name: 'S1_R2.fq.gz', size: 900, type: 'file' },
      { id: '5e1f0c2b6a3c2f001234567a', name: 'genome.fa', size: 3_000_000_000, type: 'file' },
      { id: '5e1f0c2b6a3c2f001234567b', name: 'index', type: 'folder' },
    ],
  },
});

test('a File value offers the project\'s files by name, inserting a File object with the id', async () => {
  const { document, list, labels } = await completeAt('{"project": "rfranklin/rna", "inputs": {"ref": "gen|"}}', context, data);
  assert.deepEqual(labels, ['genome.fa']);
  assert.ok(data.calls.includes('listFiles rfranklin/rna gen'), 'the typed text filters the lookup');
  const item = itemOf(list, 'genome.fa');
  assert.equal(item.detail, '2.8 GB · 5e1f0c2b6a3c2f001234567a');
  assert.deepEqual(JSON.parse(applyItem(document, item)).inputs.ref, { class: 'File', path: '5e1f0c2b6a3c2f001234567a', name: 'genome.fa' });
  assert.equal(list.isIncomplete, true);
});

test('files are filtered by the port\'s file types', async () => {
  const { list, labels } = await completeAt('{"project": "rfranklin/rna", "inputs": {"reads": [|]}}', context, data);
  assert.deepEqual(labels.filter((l) => !l.startsWith('File')), ['S1_R1.fastq', 'S1_R2.fq.gz']);
  assert.equal(itemOf(list, 'S1_R1.fastq').detail, '1.5 MB · 5e1f0c2b6a3c2f0012345678');
});

test('a Directory value offers folders only', async () => {
  const { labels } = await completeAt('{"project": "rfranklin/rna", "inputs": {"index_dir": "|"}}', context, data);
  assert.deepEqual(labels, ['index']);
});

test('inside "path" of a File object the id alone is inserted', async () => {
  const { document, list } = await completeAt('{"project": "rfranklin/rna", "inputs": {"ref": {"class": "File", "path": "|"}}}', context, data);
  assert.deepEqual(JSON.parse(applyItem(document, itemOf(list, 'genome.fa'))).inputs.ref, { class: 'File', path: '5e1f0c2b6a3c2f001234567a' });
});

test('outside a string a File port also offers an empty File object', async () => {
  const { document, list } = await completeAt('{"inputs": {"ref": |}}', context, data);
  assert.deepEqual(JSON.parse(applyItem(document, itemOf(list, 'File'))).inputs.ref, { class: 'File', path: '' });
});

test('without a project there is no file lookup', async () => {
  const local = fakeCompletionData({});
  await completeAt('{"inputs": {"ref": "|"}}', context, local);
  assert.deepEqual(local.calls, []);
});
