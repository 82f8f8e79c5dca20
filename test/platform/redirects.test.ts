/**
 * The token goes only to the configured origin. Two small loopback servers stand in for a
 * platform that redirects and for the other host it points at; the other host records
 * whatever reaches it, so the test can show that nothing did.
 */
import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { RequestLogEntry, SbgClient } from '../../platform/src/client';
import { systemClock } from '../../platform/src/clock';
import { SbgApiError } from '../../platform/src/errors';
import { HttpCore } from '../../platform/src/http';
import { rejectionOf } from './rejection';

const TOKEN = '0123456789abcdef0123456789abcdef';

interface Seen {
  method: string;
  url: string;
  token?: string;
}

function serve(handler: (request: http.IncomingMessage, response: http.ServerResponse) => void) {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', token: request.headers['x-sbg-auth-token'] as string | undefined });
    handler(request, response);
  });
  return {
    seen,
    server,
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function json(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

describe('redirects and links', () => {
  const elsewhere = serve((_request, response) => json(response, 200, { username: 'mallory' }));
  let elsewhereOrigin = '';
  let platformOrigin = '';
  const platform = serve((request, response) => {
    switch (request.url) {
      case '/v2/user':
        return json(response, 200, { username: 'alice' });
      case '/v2/moved-here':
        response.writeHead(307, { Location: '/v2/user' });
        return response.end();
      case '/v2/moved-away':
        response.writeHead(302, { Location: `${elsewhereOrigin}/v2/user` });
        return response.end();
      case '/v2/downgrade':
        response.writeHead(301, { Location: `https://127.0.0.1:1/v2/user` });
        return response.end();
      case '/v2/echo':
        // A misbehaving server or proxy that repeats the token back.
        return json(response, 400, { status: 400, code: 90000, message: `bad header ${request.headers['x-sbg-auth-token']}` });
      case '/v2/tasks?limit=100':
        return json(response, 200, { items: [{ id: 'a' }], links: [{ rel: 'next', href: `${elsewhereOrigin}/v2/tasks?offset=1` }] });
      default:
        return json(response, 404, { status: 404, code: 90003, message: 'Not found' });
    }
  });

  before(async () => {
    elsewhereOrigin = await elsewhere.listen();
    platformOrigin = await platform.listen();
  });
  after(async () => {
    await platform.close();
    await elsewhere.close();
  });

  function client(): SbgClient {
    return new SbgClient({ baseUrl: `${platformOrigin}/v2`, token: TOKEN, environmentName: 'the test platform' });
  }

  /** GETs a path of the fake platform through the request core, as an endpoint would. */
  async function get(path: string, log: RequestLogEntry[] = []): Promise<unknown> {
    const core = new HttpCore({
      baseUrl: `${platformOrigin}/v2`, token: TOKEN, environmentName: 'the test platform', clock: systemClock,
      timeoutMs: 5_000, maxWaitMs: 0, onRequest: (entry) => log.push(entry),
    });
    return (await core.request({ method: 'GET', path, idempotent: true })).body;
  }

  it('follows a redirect on the same origin, sending the token again', async () => {
    platform.seen.length = 0;
    assert.deepEqual(await get('/moved-here'), { username: 'alice' });
    assert.deepEqual(platform.seen, [
      { method: 'GET', url: '/v2/moved-here', token: TOKEN },
      { method: 'GET', url: '/v2/user', token: TOKEN },
    ]);
  });

  it('does not follow a redirect to another host, so the token never reaches it', async () => {
    const log: RequestLogEntry[] = [];
    const error = await rejectionOf(get('/moved-away', log));
    assert.ok(error instanceof SbgApiError);
    assert.equal(error.kind, 'unsafeRedirect');
    assert.equal(error.status, 302);
    assert.equal(error.message,
      `the test platform pointed GET /moved-away to ${elsewhereOrigin}, another host; the client does not send the token there, ` +
      `so it stays with ${platformOrigin}: check the API URL.`);
    assert.deepEqual(elsewhere.seen, []);
    assert.ok(!JSON.stringify(log).includes(TOKEN) && !error.message.includes(TOKEN));
  });

  it('does not follow a redirect to another scheme or port of the same host', async () => {
    const error = await rejectionOf(get('/downgrade'));
    assert.ok(error instanceof SbgApiError && error.kind === 'unsafeRedirect');
  });

  it('does not follow a next-page link to another host', async () => {
    const seen: string[] = [];
    const error = await rejectionOf((async () => {
      for await (const task of client().allTasks()) seen.push(task.id);
    })());
    assert.deepEqual(seen, ['a']);
    assert.ok(error instanceof SbgApiError && error.kind === 'unsafeRedirect');
    assert.deepEqual(elsewhere.seen, []);
  });

  it('removes the token from an error even when the server repeats it back', async () => {
    const log: RequestLogEntry[] = [];
    const error = await rejectionOf(get('/echo', log));
    assert.ok(error instanceof SbgApiError && error.kind === 'badRequest');
    assert.equal(error.platformMessage, 'bad header <token>');
    assert.equal(error.message, 'the test platform refused GET /echo: bad header <token> (400, code 90000).');
    assert.ok(!JSON.stringify(log).includes(TOKEN));
  });
});
