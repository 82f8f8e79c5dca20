import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeContext } from '../../test-utils/fakeContext';
import { applyItem, completeAt, itemOf } from './helpers';

const app = fakeContext({
  app: {
    reads: { type: 'File[]', label: 'Reads', description: 'FASTQ reads.', fileTypes: ['FASTQ', 'FQ.GZ'] },
    reference: 'File',
    threads: 'int?',
    mode: 'enum(fast|slow)',
    opts: 'record{k: int, name: string?}?',
  },
});

test('port ids of the app are offered under inputs, with type and description', async () => {
  const { list, labels } = await completeAt('{"inputs": {|}}', app);
  for (const id of ['reads', 'reference', 'threads', 'mode', 'opts']) assert.ok(labels.includes(id), id);
  const reads = itemOf(list, 'reads');
  assert.equal(reads.detail, 'File[] (required)');
  assert.match((reads.documentation as { value: string }).value, /\*\*Reads\*\*[\s\S]*File types: FASTQ, FQ\.GZ[\s\S]*FASTQ reads\./);
  assert.equal(itemOf(list, 'threads').detail, 'int');
});

test('a port id inserts a value of its type', async () => {
  const { document, list } = await completeAt('{"inputs": {|}}', app);
  assert.deepEqual(JSON.parse(applyItem(document, itemOf(list, 'reads'))).inputs, { reads: [{ class: 'File', path: '' }] });
  assert.deepEqual(JSON.parse(applyItem(document, itemOf(list, 'mode'))).inputs, { mode: 'fast' });
  assert.deepEqual(JSON.parse(applyItem(document, itemOf(list, 'opts'))).inputs, { opts: { k: 0, name: '' } });
  assert.deepEqual(JSON.parse(applyItem(document, itemOf(list, 'threads'))).inputs, { threads: 0 });
});

test('ports already given are not offered again', async () => {
  const { labels } = await completeAt('{"inputs": {"threads": 2, "|"}}', app);
  assert.ok(!labels.includes('threads'));
  assert.ok(labels.includes('reads'));
});

test('one item adds every missing required input, each with its shape, on its own line', async () => {
  const { document, list } = await completeAt('{\n  "inputs": {\n    "mode": "slow",\n    |\n  }\n}', app);
  const item = itemOf(list, 'all missing required inputs');
  assert.equal(item.detail, 'reads, reference');
  const text = applyItem(document, item);
  assert.deepEqual(JSON.parse(text).inputs, { mode: 'slow', reads: [{ class: 'File', path: '' }], reference: { class: 'File', path: '' } });
  assert.match(text, /\n {4}"reads": .*,\n {4}"reference"/);
  // Distinct tab stops, so Tab walks from one value to the next.
  assert.match(item.textEdit!.newText, /\$\{1\}[\s\S]*\$\{2\}/);
});

test('no all-required item when every required input is given', async () => {
  const { labels } = await completeAt('{"inputs": {"reads": [], "reference": {}, "mode": "fast", |}}', app);
  assert.ok(!labels.includes('all missing required inputs'));
  assert.deepEqual(labels.slice().sort(), ['opts', 'threads']);
});

test('the value of inputs can be an object with the required inputs', async () => {
  const { document, list } = await completeAt('{\n  "inputs": |\n}', app);
  const text = applyItem(document, itemOf(list, '{ required inputs }'));
  assert.deepEqual(Object.keys(JSON.parse(text).inputs), ['reads', 'reference', 'mode']);
});

test('without the app (pending, unavailable) there are no port ids, and no exception', async () => {
  assert.deepEqual((await completeAt('{"inputs": {|}}', fakeContext({ app: { state: 'pending' } }))).labels, []);
  assert.deepEqual((await completeAt('{"inputs": {|}}', fakeContext({ app: { state: 'unavailable', reason: 'offline' } }))).labels, []);
});
