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
  assert.equal(itemOf(list, 'S1_R1.fastq').detail, 'FASTQ · 1.5 MB · 5e1f0c2b6a3c2f0012345678', 'the type the name matched, then the size');
});

test('a Directory value offers folders only', async () => {
  const { labels } = await completeAt('{"project": "rfranklin/rna", "inputs": {"index_dir": "|"}}', context, data);
  assert.deepEqual(labels, ['index']);
});

test('inside "path" of a File object the id is inserted, and "name" beside it when the object has none', async () => {
  const { document, list } = await completeAt('{"project": "rfranklin/rna", "inputs": {"ref": {"class": "File", "path": "|"}}}', context, data);
  assert.deepEqual(JSON.parse(applyItem(document, itemOf(list, 'genome.fa'))).inputs.ref, { class: 'File', path: '5e1f0c2b6a3c2f001234567a', name: 'genome.fa' });
  const named = await completeAt('{"project": "rfranklin/rna", "inputs": {"ref": {"class": "File", "path": "|", "name": "mine"}}}', context, data);
  assert.deepEqual(JSON.parse(applyItem(named.document, itemOf(named.list, 'genome.fa'))).inputs.ref, { class: 'File', path: '5e1f0c2b6a3c2f001234567a', name: 'mine' });
});

const fasta = fakeContext({ app: { genome_fasta: { type: 'File', fileTypes: ['FA', 'FASTA'] }, bams: { type: 'File[]', fileTypes: ['BAM'] } } });
const spread = fakeCompletionData({
  projects: [{ id: 'rfranklin/rna', name: 'RNA' }, { id: 'rfranklin/old', name: 'Old' }],
  files: {
    'rfranklin/rna': [
      { id: '5e1f0c2b6a3c2f0000000001', name: 'S1.bam', size: 10, type: 'file' },
      { id: '5e1f0c2b6a3c2f0000000002', name: 'local.fasta', size: 2048, type: 'file' },
    ],
    'admin/sbg-public-data': [
      { id: '5e1f0c2b6a3c2f0000000003', name: 'GRCh38.primary_assembly.fa', size: 3_100_000_000, type: 'file' },
      { id: '5e1f0c2b6a3c2f0000000004', name: 'dbsnp.vcf.gz', size: 10, type: 'file' },
    ],
    'rfranklin/old': [{ id: '5e1f0c2b6a3c2f0000000005', name: 'GRCh37.fa', size: 3_000_000_000, type: 'file' }],
  },
});

test('a FASTA port offers FASTA files only: the task project first, then the public reference files, with type, size and project', async () => {
  const { list } = await completeAt('{"project": "rfranklin/rna", "inputs": {"genome_fasta": {"class": "File", "path": "|"}}}', fasta, spread);
  const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.deepEqual(sorted.map((i) => [i.label, i.detail]), [
    ['local.fasta', 'FASTA · 2.0 KB · 5e1f0c2b6a3c2f0000000002'],
    ['GRCh38.primary_assembly.fa', 'FA · 2.9 GB · admin/sbg-public-data (public reference files) · 5e1f0c2b6a3c2f0000000003'],
  ]);
  assert.ok(!spread.calls.includes('listProjects'), 'other projects only once a name is typed');
});

test('a typed name also searches the user\'s other projects', async () => {
  const { labels } = await completeAt('{"project": "rfranklin/rna", "inputs": {"genome_fasta": "GRCh|"}}', fasta, spread);
  assert.deepEqual(labels, ['GRCh38.primary_assembly.fa', 'GRCh37.fa']);
  assert.ok(spread.calls.includes('listFiles rfranklin/old GRCh'));
});

test('when nothing fits, one item says so and changes nothing', async () => {
  const { document, list } = await completeAt('{"project": "rfranklin/rna", "inputs": {"bams": [{"class": "File", "path": "x|"}]}}', fasta, spread);
  assert.deepEqual(list.items.map((i) => i.label), ['no BAM files named like "x" in rfranklin/rna, the public reference files or your other projects']);
  assert.equal(applyItem(document, list.items[0]), document.getText());
  const empty = await completeAt('{"project": "rfranklin/old", "inputs": {"bams": [{"class": "File", "path": "|"}]}}', fasta, spread);
  assert.deepEqual(empty.list.items.map((i) => i.label), ['no BAM files in rfranklin/old or the public reference files; type a name to search all projects']);
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
