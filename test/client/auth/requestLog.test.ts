import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatRequest, redact } from '../../../client/src/auth/requestLog';

describe('the request log line', () => {
  test('method, path, status, duration and rate limit left', () => {
    assert.equal(
      formatRequest({ method: 'POST', path: '/tasks?action=run', status: 201, durationMs: 41.6, rateLimitRemaining: 997, requestId: 'r-1' }),
      'POST /tasks?action=run 201 42 ms rate limit left 997 request r-1',
    );
    assert.equal(formatRequest({ method: 'GET', path: '/user', durationMs: 3, error: 'socket hang up' }), 'GET /user no answer 3 ms error: socket hang up');
  });

  test('a token that slipped into a line is replaced', () => {
    const token = '0123456789abcdef0123456789abcdef';
    assert.equal(redact(`GET /x?t=${token} 200`, [token, undefined]), 'GET /x?t=<token> 200');
  });
});
