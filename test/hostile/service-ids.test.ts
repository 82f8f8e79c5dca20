/**
 * Issue 9 §1, the language service's half: ids whose parts are not names (`.`, `..`, empty,
 * `?`, `#`, `%`, `\`) would climb out of the API base or change the URL once the wiring puts them
 * in a request path. They are `sbg.malformed-id`, and `referencedIds` leaves them out, so the
 * wiring never fetches them. (The platform client's own path check is tested with the platform.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../test-utils/diagnose';
import { documentOf } from '../test-utils/cursor';
import { referencedIds } from '../../server/src/service';

test('a project "./." and an app "../admin/keys" are malformed ids naming the "." and ".." parts, and nothing is fetched for them', () => {
  const text = JSON.stringify({ project: './.', app: '../admin/keys' });
  const findings = diagnose(text);
  assert.deepEqual(
    findings.map((f) => [f.code, f.at, f.severity]),
    [
      ['sbg.malformed-id', '"./."', 'error'],
      ['sbg.malformed-id', '"../admin/keys"', 'error'],
    ],
  );
  assert.equal(findings[0].message, `'project' must be a project id written owner/project (such as rfranklin/my-project), not "./." ("." is not a name).`);
  assert.equal(
    findings[1].message,
    `'app' must be an app id written owner/project/app or owner/project/app/revision (revision a number), not "../admin/keys" (".." is not a name).`,
  );
  assert.deepEqual(referencedIds(documentOf(text)), { fileIds: [] });
});

const unusable: [string, string, string][] = [
  // [project, app, what the app's message says]
  ['me/proj', 'me/proj/..', '".." is not a name'],
  ['me/proj', 'me/./wf', '"." is not a name'],
  ['me/proj', 'me//wf', 'it has an empty part: two slashes in a row, or one at either end'],
  ['me/proj', '/me/proj/wf', 'it has an empty part: two slashes in a row, or one at either end'],
  ['me/proj', 'me/proj/wf/', 'it has an empty part: two slashes in a row, or one at either end'],
  ['me/proj', 'me/proj/wf?fields=raw', '"?" cannot be part of a name'],
  ['me/proj', 'me/proj/wf#x', '"#" cannot be part of a name'],
  ['me/proj', 'me/proj/%2e%2e', '"%" cannot be part of a name'],
  ['me/proj', 'me\\proj/wf/x', '"\\" cannot be part of a name'],
];

for (const [project, app, why] of unusable) {
  test(`app "${app}" is a malformed id (${why}) and is not fetched`, () => {
    const text = JSON.stringify({ project, app });
    const findings = diagnose(text);
    assert.deepEqual(findings.map((f) => [f.code, f.at]), [['sbg.malformed-id', JSON.stringify(app)]]);
    assert.ok(findings[0].message.endsWith(`(${why}).`), findings[0].message);
    assert.deepEqual(referencedIds(documentOf(text)), { project, fileIds: [] });
  });
}

for (const project of ['..', 'me/..', './proj', 'me//', 'me/proj?x']) {
  test(`project "${project}" is a malformed id and is not fetched`, () => {
    const text = JSON.stringify({ project, app: 'me/proj/wf/2' });
    assert.deepEqual(diagnose(text).map((f) => [f.code, f.at]), [['sbg.malformed-id', JSON.stringify(project)]]);
    assert.deepEqual(referencedIds(documentOf(text)), { app: { id: 'me/proj/wf', revision: 2 }, fileIds: [] });
  });
}

test('names with dots inside them are still names: "me.team/proj.v2" and "me/proj/app.1.0/3"', () => {
  const text = JSON.stringify({ project: 'me.team/proj.v2', app: 'me.team/proj.v2/app.1.0/3' });
  assert.deepEqual(diagnose(text), []);
  assert.deepEqual(referencedIds(documentOf(text)), { project: 'me.team/proj.v2', app: { id: 'me.team/proj.v2/app.1.0', revision: 3 }, fileIds: [] });
});

test('a file "path" of ".." is a malformed id and is not among the ids to fetch', () => {
  const text = JSON.stringify({ project: 'me/proj', app: 'me/proj/wf', inputs: { reads: { class: 'File', path: '../../admin' } } });
  assert.deepEqual(diagnose(text).map((f) => [f.code, f.at]), [['sbg.malformed-id', '"../../admin"']]);
  assert.deepEqual(referencedIds(documentOf(text)).fileIds, []);
});
