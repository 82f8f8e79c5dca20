import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referencedIds } from '../../../server/src/service/document/references';
import { taskDocumentOf } from '../../../server/src/service/document/taskDocument';
import { documentOf } from '../../test-utils/cursor';
import { fileId, fileOf } from '../../test-utils/diagnose';

test('referencedIds: project, app with revision, every well-formed file id once', () => {
  const text = JSON.stringify({
    project: 'me/proj',
    app: 'me/proj/wf/7',
    inputs: { reads: [fileOf(1), fileOf(2), fileOf(1)], rec: { f: { class: 'Directory', path: fileId(3) } }, bad: { class: 'File', path: 'x.bam' }, n: 4 },
  });
  assert.deepEqual(referencedIds(documentOf(text, 'file:///refs1')), {
    project: 'me/proj',
    app: { id: 'me/proj/wf', revision: 7 },
    fileIds: [fileId(1), fileId(2), fileId(3)],
  });
});

test('referencedIds leaves out malformed ids and survives broken text', () => {
  assert.deepEqual(referencedIds(documentOf('{"project": "nope", "app": "me/proj/wf", "inputs": {', 'file:///refs2')), { app: { id: 'me/proj/wf' }, fileIds: [] });
  assert.deepEqual(referencedIds(documentOf('[1, 2]', 'file:///refs3')), { fileIds: [] });
});

test('the parsed document is kept per uri and version', () => {
  const first = documentOf('{"a": 1}', 'file:///memo', 1);
  assert.equal(taskDocumentOf(first), taskDocumentOf(first));
  const next = documentOf('{"a": 2}', 'file:///memo', 2);
  assert.notEqual(taskDocumentOf(next), taskDocumentOf(first));
  assert.equal(taskDocumentOf(next).root?.children?.[0].children?.[1].value, 2);
});
