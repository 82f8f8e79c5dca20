import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appModel, fakeContext, parseType } from './fakeContext';
import { withCursor, withSelection } from './cursor';

test('parseType reads the canonical notation', () => {
  assert.deepEqual(parseType('File[]'), { kind: 'array', items: { kind: 'File' } });
  assert.deepEqual(parseType('(File|null)[]'), { kind: 'array', items: { kind: 'File' }, itemsNullable: true });
  assert.deepEqual(parseType('enum(a|6)'), { kind: 'enum', symbols: ['a', '6'] });
  assert.deepEqual(parseType('File|Directory'), { kind: 'union', members: [{ kind: 'File' }, { kind: 'Directory' }] });
  assert.deepEqual(parseType('record{f: File, g: int?}'), {
    kind: 'record',
    fields: [
      { id: 'f', type: { kind: 'File' }, required: true },
      { id: 'g', type: { kind: 'int' }, required: false },
    ],
  });
  assert.throws(() => parseType('Fiel'), /unknown type "Fiel"/);
});

test('appModel: a trailing ? or a default makes a port optional', () => {
  const model = appModel({ reads: 'File[]', threads: 'int?', mode: 'enum(a|b) = "a"' });
  assert.deepEqual(
    model.inputs.map((p) => [p.id, p.required, p.default]),
    [['reads', true, undefined], ['threads', false, undefined], ['mode', false, 'a']],
  );
});

test('fakeContext answers known ids and leaves others unknown', () => {
  const context = fakeContext({ files: { aaa: { name: 'a.bam' }, bbb: null }, projects: { 'me/p': true } });
  assert.equal(context.fileInfo?.('aaa')?.name, 'a.bam');
  assert.equal(context.fileInfo?.('bbb'), null);
  assert.equal(context.fileInfo?.('ccc'), undefined);
  assert.equal(context.projectExists?.('me/p'), true);
  assert.equal(context.projectExists?.('me/q'), undefined);
});

test('withCursor and withSelection turn bars into positions', () => {
  const { document, position } = withCursor('{\n  "app": "|"\n}');
  assert.equal(document.getText(), '{\n  "app": ""\n}');
  assert.deepEqual(position, { line: 1, character: 10 });
  const selected = withSelection('{"a": |1|, "b": "x\\|y"}');
  assert.equal(selected.document.getText(selected.range), '1');
  assert.equal(selected.document.getText().includes('x|y'), true);
});
