import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { explainFailure } from '../../../client/src/shared/failure';
import { SbgApiError, type SbgErrorKind } from '../../../platform/src/errors';

const error = (kind: SbgErrorKind, message = 'The platform said no.', status?: number) =>
  new SbgApiError(message, { kind, method: 'POST', path: '/tasks', status });

describe('what a failed create means', () => {
  test('answers that mean the platform did not act say nothing was created', () => {
    for (const [kind, status, expected] of [
      ['unauthorized', 401, 'auth'],
      ['forbidden', 403, 'forbidden'],
      ['notFound', 404, 'not-found'],
      ['rateLimited', 429, 'rate-limit'],
      ['maintenance', 503, 'maintenance'],
      ['badRequest', 400, 'invalid'],
    ] as const) {
      const failure = explainFailure(error(kind, 'x', status));
      assert.equal(failure.kind, expected, kind);
      assert.equal(failure.maybeCreated, false, kind);
    }
  });

  test('a refusal says to fix the file, a conflict (409) says nothing was changed instead', () => {
    assert.equal(explainFailure(error('badRequest', 'Refused: Missing inputs: reads. (400, code 7012).', 400)).message, 'Refused: Missing inputs: reads. (400, code 7012). Fix the file and try again.');
    const conflict = explainFailure(error('badRequest', 'Refused: Conflict. (409, code 90007). It conflicts with the current state of task t: refresh to see that state, then try again if it still applies.', 409));
    assert.equal(conflict.kind, 'invalid');
    assert.doesNotMatch(conflict.message, /Fix the file/);
    assert.match(conflict.message, /refresh to see that state, then try again if it still applies\. Nothing was changed\.$/);
  });

  test('no usable answer after sending: maybe created, never retried, look in the project for the task by name', () => {
    for (const kind of ['network', 'timeout', 'server', 'nonJson', 'tooLarge', 'cancelled'] as const) {
      const failure = explainFailure(error(kind, 'socket hang up'), { project: 'alice/rna-seq', name: 'salmon S01' });
      assert.equal(failure.maybeCreated, true, kind);
      assert.match(failure.message, /No answer said whether the task was created, and the request was not sent again: look in the task list of project alice\/rna-seq for a task named "salmon S01" before sending it again/, kind);
      assert.doesNotMatch(failure.message, /nothing was created|was not created/i, kind);
    }
  });

  test('a path that would leave the API was never sent', () => {
    const failure = explainFailure(error('unsafePath', 'Not sending GET /apps/../admin/keys'));
    assert.equal(failure.kind, 'invalid');
    assert.equal(failure.maybeCreated, false);
  });

  test('a connection that was never made sent nothing', () => {
    const failure = explainFailure(error('network', 'Could not reach Emulator (connect ECONNREFUSED 127.0.0.1:9)'));
    assert.equal(failure.kind, 'unreachable');
    assert.equal(failure.maybeCreated, false);
  });

  test('anything else (a refused URL) is shown as it is', () => {
    assert.deepEqual(explainFailure(new Error('Refusing to send the token over plain HTTP')), {
      kind: 'other',
      maybeCreated: false,
      message: 'Refusing to send the token over plain HTTP',
    });
  });
});
