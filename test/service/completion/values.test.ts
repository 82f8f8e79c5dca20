import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeCompletionData, fakeContext } from '../../test-utils/fakeContext';
import type { CompletionData } from '../../../server/src/service/providers';
import { applyItem, completeAt, itemOf } from './helpers';

const data = fakeCompletionData({
  projects: [
    { id: 'rfranklin/rna', name: 'RNA demo' },
    { id: 'rfranklin/dna', name: 'DNA' },
  ],
  apps: { 'rfranklin/rna': [{ id: 'rfranklin/rna/salmon', name: 'Salmon', revision: 2 }] },
  metadataKeys: { 'rfranklin/rna': ['sample_id', 'condition'] },
});

test('project ids come from the project list', async () => {
  const { document, list, labels } = await completeAt('{"project": "rf|"}', {}, data);
  assert.deepEqual(labels, ['rfranklin/rna', 'rfranklin/dna']);
  assert.equal(itemOf(list, 'rfranklin/rna').detail, 'RNA demo');
  assert.deepEqual(JSON.parse(applyItem(document, itemOf(list, 'rfranklin/dna'))), { project: 'rfranklin/dna' });
});

test('app ids of the body\'s project, as latest and as every revision, newest first', async () => {
  const { list, labels } = await completeAt('{"project": "rfranklin/rna", "app": "|"}', {}, data);
  assert.deepEqual(labels, ['rfranklin/rna/salmon', 'rfranklin/rna/salmon/2', 'rfranklin/rna/salmon/1', 'rfranklin/rna/salmon/0']);
  assert.match(itemOf(list, 'rfranklin/rna/salmon/2').detail!, /latest/);
  const order = [...list.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);
  assert.deepEqual(order, labels);
});

test('app ids use the owner/project typed in the app when the body has no project', async () => {
  const { labels } = await completeAt('{"app": "rfranklin/rna/|"}', {}, data);
  assert.equal(labels[0], 'rfranklin/rna/salmon');
  assert.ok(data.calls.includes('listApps rfranklin/rna'));
});

test('enum symbols and booleans of a port', async () => {
  const context = fakeContext({ app: { mode: 'enum(fast|slow|4)', dedupe: 'boolean?' } });
  assert.deepEqual((await completeAt('{"inputs": {"mode": "|"}}', context)).labels, ['fast', 'slow', '4']);
  const { document, list, labels } = await completeAt('{"inputs": {"dedupe": |}}', context);
  assert.deepEqual(labels, ['true', 'false']);
  assert.deepEqual(JSON.parse(applyItem(document, itemOf(list, 'true'))), { inputs: { dedupe: true } });
});

test('enum symbols inside an array port', async () => {
  const context = fakeContext({ app: { modes: 'enum(a|b)[]' } });
  assert.deepEqual((await completeAt('{"inputs": {"modes": ["a", |]}}', context)).labels, ['a', 'b']);
});

test('a port\'s default and suggested value are offered', async () => {
  const context = fakeContext({ app: { threads: { type: 'int = 4', suggestedValue: 8 } } });
  const { labels } = await completeAt('{"inputs": {"threads": |}}', context);
  assert.deepEqual(labels.slice().sort(), ['4', '8']);
});

test('instance types: the built-in list with disk suffix snippets and AUTO', async () => {
  const { document, list, labels } = await completeAt('{"execution_settings": {"instance_type": "|"}}');
  assert.ok(labels.includes('AUTO') && labels.includes('c5.2xlarge') && labels.includes('n1-standard-16'));
  assert.deepEqual(JSON.parse(applyItem(document, itemOf(list, 'c5.2xlarge;ebs-gp2;<GB>'))), {
    execution_settings: { instance_type: 'c5.2xlarge;ebs-gp2;1024' },
  });
  assert.ok(labels.includes('n1-standard-16;pd-ssd;<GB>'));
});

test('batch_input offers the ports that take files, the app default preselected', async () => {
  const context = fakeContext({ app: { reads: 'File[]', ref: 'File', dir: 'Directory?', n: 'int' } });
  const { labels } = await completeAt('{"batch_input": "|"}', context);
  assert.deepEqual(labels, ['reads', 'ref', 'dir']);
});

test('batch_by offers the standard groupings as whole objects', async () => {
  const { document, list, labels } = await completeAt('{"batch_input": "reads", "batch_by": |}');
  assert.ok(labels.includes('Batch by File') && labels.includes('Batch by Sample'));
  assert.deepEqual(JSON.parse(applyItem(document, itemOf(list, 'Batch by Library'))).batch_by, {
    type: 'criteria',
    criteria: ['metadata.sample_id', 'metadata.library_id'],
  });
});

test('batch criteria: standard metadata fields and the project\'s own keys, minus those already listed', async () => {
  const { list, labels } = await completeAt('{"project": "rfranklin/rna", "batch_by": {"type": "criteria", "criteria": ["metadata.sample_id", "|"]}}', {}, data);
  assert.ok(!labels.includes('metadata.sample_id'));
  assert.ok(labels.includes('metadata.library_id'));
  assert.equal(itemOf(list, 'metadata.condition').detail, "metadata on the project's files");
});

test('a failing provider gives no items for its part and no exception', async () => {
  const failing: CompletionData = {
    listProjects: async () => {
      throw new Error('network down');
    },
    listMetadataKeys: async () => {
      throw new Error('network down');
    },
  };
  assert.deepEqual((await completeAt('{"project": "|"}', {}, failing)).labels, []);
  const { labels } = await completeAt('{"project": "a/b", "batch_by": {"criteria": [|]}}', {}, failing);
  assert.ok(labels.includes('metadata.sample_id'), 'the standard fields are still offered');
});

test('an aborted request gives an empty list', async () => {
  const controller = new AbortController();
  const slow: CompletionData = {
    listProjects: () => {
      controller.abort();
      return Promise.resolve([{ id: 'a/b', name: 'b' }]);
    },
  };
  const { list } = await completeAt('{"project": "|"}', {}, slow, controller.signal);
  assert.deepEqual(list.items, []);
});
