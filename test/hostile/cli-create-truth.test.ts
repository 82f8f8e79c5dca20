/**
 * Issue 9 items 9 and 10: `sbg-task create` on hostile input and hostile answers. When the POST may
 * have reached the platform (connection dropped after it was sent, an answer that is not JSON, a
 * 500) the CLI says so, says where to look (the project's task list, the task's name), claims
 * neither outcome and exits 3; the VS Code create path (sendTaskFile) follows the same rule with
 * the same words. Faults come from the emulator (which acts, then fails: its task count shows the
 * truth) and from a hostile server on 127.0.0.1 (which counts the POSTs it got).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sendTaskFile } from '../../client/src/create/createTask';
import { SbgClient } from '../../platform/src/client';
import { startEmulator, type Emulator } from '../emulator/index';
import { closedPort } from '../platform/forwardProxy';
import { runCli } from '../cli/runCli';
import { isolatedEnv } from '../server/lspClient';
import { json, startHostileServer, type HostileServer } from './hostileServer';

const EXIT_UNKNOWN = 3;
const TOKEN = 'hostile-create-token-0123456789';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sbg-hostile-create-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function taskFile(name: string, body: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
  return file;
}

/** The sentence both faces end with when the outcome is unknown. */
function checkSentence(project: string, name: string, tasksUrl?: string): RegExp {
  const url = tasksUrl ? ` \\(${tasksUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\)` : '';
  return new RegExp(`No answer said whether the task was created, and the request was not sent again: look in the task list of project ${project.replace('/', '\\/')}${url} for a task named "${name}" before sending it again, so that it is not created twice\\.$`);
}

describe('sbg-task create against an emulator that acts, then fails', () => {
  let emulator: Emulator;
  let env: NodeJS.ProcessEnv;
  let file: string;
  const count = () => emulator.store.tasks.size;
  const posts = () => emulator.counters()['POST /tasks'] ?? 0;

  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
    env = isolatedEnv(dir, { SB_API_ENDPOINT: emulator.url, SB_AUTH_TOKEN: emulator.token });
    file = taskFile('stats.sbtask.json', { project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', name: 'stats', inputs: { mode: 'fast' } });
  });
  after(() => emulator.close());

  for (const fault of ['drop-after', 'malformed-json'] as const) {
    it(`${fault}: the task exists, the CLI says it may, says where to look, exits 3`, async () => {
      emulator.setFault('POST /tasks', { kind: fault, times: 1 });
      const [tasksBefore, postsBefore] = [count(), posts()];
      const result = await runCli(['create', file], env);
      assert.equal(result.code, EXIT_UNKNOWN, result.stderr);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^sbg-task create: the task may or may not have been created: /);
      const web = `http://127.0.0.1:${new URL(emulator.url).port}/u/alice/rna-seq/tasks/`;
      assert.match(result.stderr.trimEnd(), checkSentence('alice/rna-seq', 'stats', web));
      assert.doesNotMatch(result.stderr, /no task was created|nothing (was )?created/i);
      assert.equal(posts() - postsBefore, 1, 'sent once, never again');
      assert.equal(count() - tasksBefore, 1, 'the emulator did create it');
      assert.ok(!result.stderr.includes(emulator.token));
    });
  }

  it('a connection never made: nothing was sent, exit 2 says so', async () => {
    const result = await runCli(['create', file], { ...env, SB_API_ENDPOINT: `http://127.0.0.1:${await closedPort()}/v2` });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^sbg-task create: no task was created: Could not reach .* \(connection refused\)/);
    assert.doesNotMatch(result.stderr, /may have reached/);
  });

  it('100,000-deep nesting: a clear message naming the place, exit 2, no request (item 9)', async () => {
    const depth = 100_000;
    const text = `{"project":"alice/rna-seq","app":"alice/rna-seq/bam-stats","inputs":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    const deep = taskFile('deep.sbtask.json', text);
    // Two objects open levels 1 and 2, so the 999th "[" opens level 1001.
    const column = text.indexOf('[') + 998 + 1;
    const postsBefore = posts();
    const result = await runCli(['create', deep], env);
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.stderr, `sbg-task create: ${deep}:1:${column}: arrays and objects nest more than 1000 levels deep here; no task body needs that (is the file generated or damaged?): fix the nesting, nothing was sent\n`);
    assert.equal(posts(), postsBefore);
  });

  it('nesting up to the bound is sent as usual', async () => {
    const nested = taskFile('nested.sbtask.json', `{"project":"alice/rna-seq","app":"alice/rna-seq/bam-stats","name":"nested","inputs":{"x":${'['.repeat(990)}${']'.repeat(990)}}}`);
    const result = await runCli(['create', nested], env);
    assert.ok(result.code === 0 || result.code === 1, result.stderr);
    assert.match(result.stdout, /^[0-9a-f-]{36}\n/);
  });
});

describe('create against a hostile server: drop after the POST, malformed JSON, 500', () => {
  let server: HostileServer;
  let env: NodeJS.ProcessEnv;
  let file: string;
  const body = { project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', name: 'hostile run', inputs: {} };

  before(async () => {
    server = await startHostileServer();
    env = isolatedEnv(dir, { SB_API_ENDPOINT: server.apiBase, SB_AUTH_TOKEN: TOKEN });
    file = taskFile('hostile.sbtask.json', body);
  });
  after(() => server.close());

  const answers = {
    'drop after receiving the POST': (_request: unknown, _response: unknown, socket: import('node:net').Socket) => socket.destroy(),
    'malformed JSON': (_request: unknown, response: import('node:http').ServerResponse) => {
      response.writeHead(201, { 'Content-Type': 'application/json' });
      response.end('{"id": "0f3c", "name": ');
    },
    '500': (_request: unknown, response: import('node:http').ServerResponse) => json(response, 500, { status: 500, code: 0, message: 'Internal error' }),
  };

  for (const [name, answer] of Object.entries(answers)) {
    it(`${name}: both faces say it may have been created and where to look; one POST`, async () => {
      server.handle(answer);
      const before = server.requests.length;
      const result = await runCli(['create', file], env);
      assert.equal(result.code, EXIT_UNKNOWN, result.stderr);
      assert.match(result.stderr.trimEnd(), checkSentence('alice/rna-seq', 'hostile run', `${server.origin}/u/alice/rna-seq/tasks/`));
      assert.doesNotMatch(result.stderr, /no task was created/);
      assert.deepEqual(server.requests.slice(before).map((request) => `${request.method} ${request.url}`), ['POST /v2/tasks']);

      // The VS Code create path, through the same client code: the same rule, the same words.
      const client = new SbgClient({ baseUrl: server.apiBase, token: TOKEN, environmentName: 'the hostile server', timeoutMs: 5_000 });
      const outcome = await sendTaskFile(client, { text: JSON.stringify(body) });
      assert.ok(outcome.kind === 'failed', outcome.kind);
      assert.equal(outcome.failure.maybeCreated, true);
      assert.equal(outcome.failure.kind, 'maybe-created');
      assert.match(outcome.failure.message, checkSentence('alice/rna-seq', 'hostile run'));
      assert.equal(server.requests.length - before, 2, 'one POST per face, none sent again');
    });
  }
});
