/**
 * Issue 9 item 11: a server that answers without end. The platform client reads at most
 * MAX_RESPONSE_BYTES (64 MiB) of one answer, then cuts the connection and fails with a clear
 * error; the hostile server on 127.0.0.1 counts what it managed to send (it writes only as fast as
 * the client reads), so the test proves the client stopped reading.
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { SbgClient } from '../../platform/src/client';
import { SbgApiError } from '../../platform/src/errors';
import { MAX_RESPONSE_BYTES } from '../../platform/src/http';
import { startHostileServer, type HostileServer } from './hostileServer';

const MiB = 1024 * 1024;
/** The server stops by itself here, so a client that never stops cannot run the machine out of memory. */
const SERVER_GIVES_UP_AT = 1024 * MiB;
/** What socket buffers between the two ends may hold beyond what the client read. */
const BUFFER_SLACK = 32 * MiB;

/** Streams `[` + zeros (a JSON array that never ends) as fast as the client reads it, counting the bytes. */
function streamForever(server: HostileServer, headers: Record<string, string> = {}) {
  return (_request: unknown, response: ServerResponse) => {
    response.writeHead(200, { 'Content-Type': 'application/json', ...headers });
    const chunk = Buffer.alloc(MiB, '0,');
    let stopped = false;
    response.on('close', () => (stopped = true));
    const pump = () => {
      while (!stopped && server.bytesSent < SERVER_GIVES_UP_AT) {
        server.bytesSent += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', pump);
      }
      if (!stopped) response.end();
    };
    response.write('[');
    pump();
  };
}

describe('the platform client stops reading an answer past its size limit', () => {
  let server: HostileServer;
  let client: SbgClient;

  before(async () => {
    server = await startHostileServer();
    client = new SbgClient({ baseUrl: server.apiBase, token: 'hostile-size-token-0123456789', environmentName: 'the hostile server', timeoutMs: 60_000 });
  });
  after(() => server.close());

  it('is 64 MiB, far above any real answer', () => {
    assert.equal(MAX_RESPONSE_BYTES, 64 * MiB);
  });

  it('an endless answer: a clear error after 64 MiB, and the server could send little more than that', async () => {
    server.bytesSent = 0;
    server.handle(streamForever(server));
    const error = await client.getApp('alice/rna-seq/bam-stats').then(() => undefined, (caught: unknown) => caught);
    assert.ok(error instanceof SbgApiError, String(error));
    assert.equal(error.kind, 'tooLarge');
    assert.equal(
      error.message,
      'the hostile server answered GET /apps/alice/rna-seq/bam-stats with more than 64 MB, more than any answer of the platform\'s API holds; ' +
        "the client stopped reading it: check that the API URL is the platform's.",
    );
    assert.ok(server.bytesSent >= MAX_RESPONSE_BYTES, `sent ${server.bytesSent}`);
    assert.ok(server.bytesSent <= MAX_RESPONSE_BYTES + BUFFER_SLACK, `the server sent ${server.bytesSent} bytes: the client kept reading`);
    assert.equal(server.requests.length, 1, 'a too-large answer is not asked for again');
  });

  it('a Content-Length above the limit fails before the body is read', async () => {
    server.bytesSent = 0;
    const before = server.requests.length;
    server.handle(streamForever(server, { 'Content-Length': String(2 * 1024 * MiB) }));
    const error = await client.getUser().then(() => undefined, (caught: unknown) => caught);
    assert.ok(error instanceof SbgApiError && error.kind === 'tooLarge', String(error));
    assert.ok(server.bytesSent <= BUFFER_SLACK, `the server sent ${server.bytesSent} bytes`);
    assert.equal(server.requests.length - before, 1);
  });

  it('a create whose answer is too large says the platform may have acted', async () => {
    server.handle(streamForever(server));
    const small = new SbgClient({ baseUrl: server.apiBase, token: 'hostile-size-token-0123456789', environmentName: 'the hostile server', maxResponseBytes: 4 * MiB });
    const error = await small.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats' }).then(() => undefined, (caught: unknown) => caught);
    assert.ok(error instanceof SbgApiError && error.kind === 'tooLarge', String(error));
    assert.match(error.message, /with more than 4 MB.*The request reached it, so it may have acted on it: check before sending it again\.$/);
  });

  it('the limit is exact: an answer of the limit is read, one byte more is not', async () => {
    const limit = 1024;
    const small = new SbgClient({ baseUrl: server.apiBase, token: 'hostile-size-token-0123456789', environmentName: 'the hostile server', maxResponseBytes: limit });
    const answer = (size: number) => (_request: unknown, response: ServerResponse) => {
      const text = `{"username":"${'a'.repeat(size - 15)}"}`;
      assert.equal(Buffer.byteLength(text), size);
      response.writeHead(200, { 'Content-Type': 'application/json' }); // no Content-Length: only counting can tell
      response.end(text);
    };
    server.handle(answer(limit));
    assert.equal((await small.getUser()).username.length, limit - 15);
    server.handle(answer(limit + 1));
    const error = await small.getUser().then(() => undefined, (caught: unknown) => caught);
    assert.ok(error instanceof SbgApiError && error.kind === 'tooLarge', String(error));
  });
});
