import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { customApiUrlProblem, customEnvironment } from '../../../client/src/auth/customUrl';

describe('the Custom API URL box', () => {
  test('plain HTTP to another machine is refused with a message that says what to use instead', () => {
    assert.equal(
      customApiUrlProblem('http://sbg.example.org/v2'),
      'Refusing to send the token over plain HTTP to sbg.example.org: use an https:// API URL (plain http is allowed only for 127.0.0.1, ::1 and localhost).',
    );
  });

  test('https anywhere and plain HTTP to this machine are accepted', () => {
    for (const url of ['https://api.example.org/v2', 'http://127.0.0.1:8080/v2', 'http://localhost:3000', 'http://[::1]:9/v2']) {
      assert.equal(customApiUrlProblem(url), undefined, url);
    }
  });

  test('empty, unparsable, other schemes and user:password@ are each explained', () => {
    assert.match(customApiUrlProblem('  ')!, /^Type the API base URL/);
    assert.match(customApiUrlProblem('api.example.org')!, /is not a valid API URL: write it like https:\/\/api\.sbgenomics\.com\/v2/);
    assert.match(customApiUrlProblem('ftp://api.example.org/v2')!, /must start with https:\/\//);
    assert.match(customApiUrlProblem('https://me:secret@api.example.org/v2')!, /must not contain a user name or password/);
  });

  test('the environment of an accepted URL: /v2 added to a bare host, a known deployment recognised', () => {
    assert.equal(customEnvironment('http://127.0.0.1:8080/').apiBase, 'http://127.0.0.1:8080/v2');
    assert.equal(customEnvironment('http://127.0.0.1:8080/').id, 'custom');
    assert.equal(customEnvironment('https://cgc-api.sbgenomics.com').id, 'cgc');
  });
});
