import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { explainFailure } from '../../client/src/create/failure';
import { SbgApiError, type SbgErrorKind } from '../../platform/src/errors';

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

  test('no usable answer after sending: maybe created, never retried, check the tree', () => {
    for (const kind of ['network', 'timeout', 'server', 'nonJson', 'cancelled'] as const) {
      const failure = explainFailure(error(kind, 'socket hang up'));
      assert.equal(failure.maybeCreated, true, kind);
      assert.match(failure.message, /not sent again: check the task tree/, kind);
    }
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
