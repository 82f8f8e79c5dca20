/**
 * Issue 9 item 1 (platform side): ids that would walk out of the API path. The platform client
 * refuses to build a request whose path leaves the API base, whatever called it; proven on a
 * hostile server on 127.0.0.1 that records every request it gets, for the client itself, for
 * `sbg-task lint` and for the language server over stdio, with a task file naming
 * `"project": "./."` and `"app": "../admin/keys"`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { SbgClient } from '../../platform/src/client';
import { SbgApiError } from '../../platform/src/errors';
import { runCli } from '../cli/runCli';
import { isolatedEnv, TestClient } from '../server/lspClient';
import { json, startHostileServer, type HostileServer } from './hostileServer';

const TOKEN = 'hostile-paths-token-0123456789';
const HOSTILE_TASK = JSON.stringify({ project: './.', app: '../admin/keys', inputs: { reads: { class: 'File', path: '..' } } });

/** Every request path the server saw that is not under /v2/. */
function outsideApi(server: HostileServer): string[] {
  return server.requests.map((request) => request.url).filter((url) => !url.startsWith('/v2/') || /(^|\/)\.\.?(\/|$|\?)|%2e/i.test(url.split('?')[0]));
}

describe('the platform client never sends a request outside the API base', () => {
  let server: HostileServer;
  let client: SbgClient;

  before(async () => {
    server = await startHostileServer();
    client = new SbgClient({ baseUrl: server.apiBase, token: TOKEN, environmentName: 'the hostile server', timeoutMs: 5_000 });
  });
  after(() => server.close());

  const refused = async (call: () => Promise<unknown>, id: RegExp) => {
    const before = server.requests.length;
    const error = await call().then(() => undefined, (caught: unknown) => caught);
    assert.ok(error instanceof SbgApiError, `expected a refusal, got ${String(error)}`);
    assert.equal(error.kind, 'unsafePath');
    assert.equal(error.sendState, 'unsent');
    assert.match(error.message, id);
    assert.match(error.message, /has an empty, "\." or "\.\." part .*: fix the id\. Nothing was sent\.$/);
    assert.ok(!error.message.includes(TOKEN));
    assert.equal(server.requests.length, before, 'no request reached the server');
  };

  it('refuses ".", ".." and empty parts in project, app, file and task ids, plain or percent-encoded, before sending', async () => {
    await refused(() => client.getApp('../admin/keys'), /app id "\.\.\/admin\/keys"/);
    await refused(() => client.getProject('./.'), /project id "\.\/\."/);
    await refused(() => client.getProject('alice//rna-seq'), /project id "alice\/\/rna-seq"/);
    await refused(() => client.getApp('alice/rna-seq/%2e%2e'), /app id "alice\/rna-seq\/%2e%2e"/);
    await refused(() => client.getApp('alice/%2E%2e/x/3'), /app id/);
    await refused(() => client.getApp('alice/%252e%252e/x'), /app id/);
    await refused(() => client.getFile('..'), /file id "\.\."/);
    await refused(() => client.getTask('.'), /task id "\."/);
    await refused(() => client.getExecutionDetails('..'), /task id "\.\."/);
    await refused(() => client.runTask('..'), /task id/);
    await refused(() => client.getApp('a\\..\\b/c/d'), /app id/);
  });

  it('sends an honest id (dots inside a part are fine)', async () => {
    server.handle((_request, response) => json(response, 200, { id: 'alice/rna-seq.v2/bwa..mem', name: 'x', raw: {} }));
    await client.getApp('alice/rna-seq.v2/bwa..mem');
    assert.equal(server.requests.at(-1)!.url, '/v2/apps/alice/rna-seq.v2/bwa..mem');
  });

  it('does not follow a next-page link or a same-origin redirect outside the API', async () => {
    server.handle((request, response) => {
      if (request.url.startsWith('/v2/tasks')) {
        json(response, 200, { href: `${server.apiBase}/tasks`, items: [{ id: 't1' }], links: [{ rel: 'next', href: `${server.origin}/v2/../admin/keys?offset=1` }] });
      } else if (request.url.startsWith('/v2/user')) {
        response.writeHead(302, { Location: '/admin/keys' });
        response.end();
      } else {
        json(response, 200, { stolen: true });
      }
    });
    const before = server.requests.length;
    const tasks: unknown[] = [];
    const error = await (async () => {
      for await (const task of client.allTasks({ project: 'alice/rna-seq' })) tasks.push(task);
    })().then(() => undefined, (caught: unknown) => caught);
    assert.ok(error instanceof SbgApiError && error.kind === 'unsafePath', String(error));
    assert.equal(tasks.length, 1);
    const redirect = await client.getUser().then(() => undefined, (caught: unknown) => caught);
    assert.ok(redirect instanceof SbgApiError && redirect.kind === 'unsafeRedirect', String(redirect));
    assert.match(redirect.message, /pointed GET \/user to \/admin\/keys, outside the API; the client does not send the token there/);
    // The first page and the redirecting /user: nothing after either.
    assert.deepEqual(server.requests.slice(before).map((request) => request.url.split('?')[0]), ['/v2/tasks', '/v2/user']);
    assert.deepEqual(outsideApi(server), []);
  });
});

describe('a task file naming "./." and "../admin/keys" sends nothing outside /v2', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sbg-hostile-paths-'));
  const file = path.join(dir, 'hostile.sbtask.json');
  let server: HostileServer;

  before(async () => {
    server = await startHostileServer();
    writeFileSync(file, HOSTILE_TASK);
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('through sbg-task lint', async () => {
    const result = await runCli(['lint', '--format', 'json', file], isolatedEnv(dir, { SB_API_ENDPOINT: server.apiBase, SB_AUTH_TOKEN: TOKEN }));
    assert.ok(result.code === 1 || result.code === 2, `exit ${result.code}: ${result.stderr}`);
    assert.deepEqual(outsideApi(server), [], 'requests outside /v2');
    assert.ok(!server.requests.some((request) => request.url.includes('admin')), server.requests.map((request) => request.url).join('\n'));
    assert.ok(!(result.stdout + result.stderr).includes(TOKEN));
  });

  it('through the language server over stdio', async () => {
    const { client } = await TestClient.start({ env: isolatedEnv(dir, { SB_API_ENDPOINT: server.apiBase, SB_AUTH_TOKEN: TOKEN }), pull: false });
    try {
      const uri = pathToFileURL(file).href;
      const from = client.received.length;
      await client.open(uri, HOSTILE_TASK);
      await client.nextDiagnostics(uri, from);
      // The app lookup has ended (refused, or never started for a malformed id) once its status is no longer pending.
      await client.waitFor((message) => message.method === 'sbg/appStatus' && message.params.uri === uri && message.params.state !== 'pending', from);
      // Completion in "project" asks the platform for projects: it must stay under /v2 too.
      await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 13 } });
      assert.deepEqual(outsideApi(server), [], 'requests outside /v2');
      assert.ok(!server.requests.some((request) => request.url.includes('admin')), server.requests.map((request) => request.url).join('\n'));
      assert.ok(!client.stderr.includes(TOKEN));
    } finally {
      await client.stop();
    }
  });
});
