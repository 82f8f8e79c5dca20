import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeContext } from '../../test-utils/fakeContext';
import { applyItem, completeAt, itemOf } from './helpers';

test('an empty body offers every body key, required ones first', async () => {
  const { list, labels } = await completeAt('{|}');
  assert.deepEqual(labels.slice().sort(), [
    'app', 'batch', 'batch_by', 'batch_input', 'description', 'execution_settings', 'inputs', 'name', 'output_location', 'project', 'use_interruptible_instances',
  ]);
  const sorted = [...list.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);
  assert.deepEqual(sorted.slice(0, 2), ['project', 'app']);
  assert.match(itemOf(list, 'project').detail!, /required/);
  assert.match((itemOf(list, 'app').documentation as { value: string }).value, /revision/);
});

test('keys already in the object are not offered again', async () => {
  const { labels } = await completeAt('{"project": "a/b", |}');
  assert.ok(!labels.includes('project'));
  assert.ok(labels.includes('app'));
});

test('the key being typed is still offered, and its string is replaced with quotes and value', async () => {
  const { document, list } = await completeAt('{"pro|"}');
  assert.equal(applyItem(document, itemOf(list, 'project')), '{"project": ""}');
  assert.equal(itemOf(list, 'project').filterText, '"project"');
});

test('a key that already has a value is replaced alone', async () => {
  const { document, list } = await completeAt('{"pro|": "a/b"}');
  assert.equal(applyItem(document, itemOf(list, 'project')), '{"project": "a/b"}');
});

test('a key followed by another property gets a comma', async () => {
  const { document, list } = await completeAt('{\n  |\n  "app": "a/b/c"\n}');
  const text = applyItem(document, itemOf(list, 'execution_settings'));
  assert.deepEqual(JSON.parse(text), { execution_settings: {}, app: 'a/b/c' });
});

test('execution_settings offers its four keys with values of the right shape', async () => {
  const { document, list, labels } = await completeAt('{"execution_settings": {|}}');
  assert.deepEqual(labels.slice().sort(), ['instance_type', 'max_parallel_instances', 'use_elastic_disk', 'use_memoization']);
  assert.deepEqual(JSON.parse(applyItem(document, itemOf(list, 'max_parallel_instances'))), { execution_settings: { max_parallel_instances: 1 } });
  assert.deepEqual(JSON.parse(applyItem(document, itemOf(list, 'use_memoization'))), { execution_settings: { use_memoization: true } });
});

test('batch_by as a key inserts an object with its required type', async () => {
  const { document, list } = await completeAt('{"batch_input": "reads", |}');
  assert.deepEqual(JSON.parse(applyItem(document, itemOf(list, 'batch_by'))), { batch_input: 'reads', batch_by: { type: 'item' } });
});

test('batch_by.type offers item and criteria', async () => {
  const { labels } = await completeAt('{"batch_by": {"type": "|"}}');
  assert.deepEqual(labels, ['item', 'criteria']);
});

test('booleans are offered for boolean body keys', async () => {
  const { document, list, labels } = await completeAt('{"use_interruptible_instances": |}');
  assert.deepEqual(labels, ['true', 'false']);
  assert.deepEqual(JSON.parse(applyItem(document, itemOf(list, 'false'))), { use_interruptible_instances: false });
});

test('keys of a File object under inputs', async () => {
  const context = fakeContext({ app: { ref: 'File' } });
  const { labels } = await completeAt('{"inputs": {"ref": {"class": "File", |}}}', context);
  assert.ok(labels.includes('path') && labels.includes('name'));
  assert.ok(!labels.includes('class'));
});

test('the class of a File object completes to File', async () => {
  const context = fakeContext({ app: { reads: 'File[]' } });
  const { labels } = await completeAt('{"inputs": {"reads": [{"class": "|"}]}}', context);
  assert.deepEqual(labels, ['File']);
});

test('nothing is offered after the root value or under an unknown key', async () => {
  assert.deepEqual((await completeAt('{} |')).labels, []);
  assert.deepEqual((await completeAt('{"nope": {|}}')).labels, []);
});
