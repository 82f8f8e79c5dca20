/**
 * Issue 9 item 2: a plain-http API URL (allowed only to this machine) never goes through a proxy,
 * whatever HTTP_PROXY and NO_PROXY say, so no proxy reads the token in clear text. Two hostile
 * servers on 127.0.0.1: one plays the API, one the proxy; both record every request.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../cli/runCli';
import { isolatedEnv } from '../server/lspClient';
import { json, startHostileServer, type HostileServer } from './hostileServer';

const TOKEN = 'hostile-proxy-token-0123456789';

describe('HTTP_PROXY never carries a plain-http API request', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sbg-hostile-proxy-'));
  const file = path.join(dir, 'task.sbtask.json');
  let api: HostileServer;
  let proxy: HostileServer;

  before(async () => {
    api = await startHostileServer((_request, response) => json(response, 404, { status: 404, code: 6001, message: 'App not found' }));
    proxy = await startHostileServer((_request, response) => json(response, 502, { message: 'proxy' }));
    writeFileSync(file, JSON.stringify({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: {} }));
  });
  after(async () => {
    await Promise.all([api.close(), proxy.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [label, variables] of [
    ['HTTP_PROXY with NO_PROXY empty', { HTTP_PROXY: '', NO_PROXY: '' }],
    ['http_proxy and HTTPS_PROXY with NO_PROXY naming another host', { http_proxy: '', HTTPS_PROXY: '', NO_PROXY: 'example.org' }],
  ] as const) {
    it(label, async () => {
      const env: NodeJS.ProcessEnv = { SB_API_ENDPOINT: api.apiBase, SB_AUTH_TOKEN: TOKEN };
      for (const [name, value] of Object.entries(variables)) env[name] = name.toLowerCase().endsWith('proxy') && name.toLowerCase() !== 'no_proxy' ? proxy.origin : value;
      const before = api.requests.length;
      const result = await runCli(['lint', file], isolatedEnv(path.join(dir, label.length.toString()), env));
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stdout, /sbg\.unknown-app|not found/i);
      assert.deepEqual(proxy.requests, [], 'the proxy saw nothing');
      assert.ok(api.requests.length > before, 'the API was asked direct');
      assert.equal(api.requests.at(-1)!.headers['x-sbg-auth-token'], TOKEN);
    });
  }
});
