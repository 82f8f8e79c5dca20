import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appIdWithoutRevision, hasProject, readTaskFile, withProject } from '../../../client/src/create/taskFile';

describe('reading a task file', () => {
  test('an object is the body, as written', () => {
    const reading = readTaskFile('{"project": "a/b", "app": "a/b/c", "inputs": {"x": 1}}');
    assert.deepEqual(reading, { ok: true, body: { project: 'a/b', app: 'a/b/c', inputs: { x: 1 } } });
  });

  test('a syntax error names its line and column and says to fix it', () => {
    const reading = readTaskFile('{\n  "project": "a/b",\n  "app" "a/b/c"\n}');
    assert.equal(reading.ok, false);
    assert.match(!reading.ok ? reading.message : '', /colon expected at line 3, column 9\)\. Fix the syntax first\./);
  });

  test('comments and trailing commas are refused: the platform takes plain JSON', () => {
    assert.equal(readTaskFile('{"project": "a/b", // me\n}').ok, false);
    assert.equal(readTaskFile('{"project": "a/b",}').ok, false);
  });

  test('an empty file, an array or a string is not a task body', () => {
    for (const text of ['', '[]', '"x"', 'null']) {
      const reading = readTaskFile(text);
      assert.equal(reading.ok, false, text);
    }
    assert.match((readTaskFile('[]') as { message: string }).message, /one JSON object/);
  });

  test('a project picked later overrides a blank one', () => {
    assert.equal(hasProject({ project: '  ' }), false);
    assert.equal(hasProject(withProject({ project: '' }, 'alice/rna-seq')), true);
  });

  test('an app id loses its revision; one the service cannot read is kept as written', () => {
    assert.equal(appIdWithoutRevision('alice/rna-seq/star-align/12'), 'alice/rna-seq/star-align');
    assert.equal(appIdWithoutRevision('alice/rna-seq/star-align'), 'alice/rna-seq/star-align');
    assert.equal(appIdWithoutRevision('star align'), 'star align');
  });
});
