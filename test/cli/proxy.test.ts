/**
 * `sbg-task lint` on a machine with proxy variables: a forward proxy on 127.0.0.1. A plain-http API
 * URL (the emulator) never goes through it, even with HTTP_PROXY set and NO_PROXY=''; an https://
 * API URL goes through HTTPS_PROXY (NO_PROXY='' so that loopback, direct by default, uses it).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../emulator/index';
import { startForwardProxy, type ForwardProxy } from '../platform/forwardProxy';
import { isolatedEnv } from '../server/lspClient';
import { runCli } from './runCli';

describe('sbg-task lint through HTTP_PROXY', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sbg-proxy-'));
  let emulator: Emulator;
  let proxy: ForwardProxy;
  let file: string;
  let cache = 0;
  // A fresh cache each run, so the app's ports are fetched, not read from disk.
  const envWith = (proxyUrl: string, variable = 'HTTP_PROXY', endpoint = emulator.url) =>
    isolatedEnv(dir, {
      SB_API_ENDPOINT: endpoint, SB_AUTH_TOKEN: emulator.token, [variable]: proxyUrl, NO_PROXY: '', XDG_CACHE_HOME: path.join(dir, `cache-${cache++}`),
    });
  const httpsEndpoint = () => `https://127.0.0.1:${new URL(emulator.url).port}/v2`;

  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
    proxy = await startForwardProxy({ user: 'ci', password: 'pr0xy-pw' });
    file = path.join(dir, 'task.sbtask.json');
    writeFileSync(file, JSON.stringify({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: { mode: 'fast' } }));
  });
  after(async () => {
    await Promise.all([emulator.close(), proxy.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('fetches the app from a plain-http API direct, never through HTTP_PROXY, even with NO_PROXY empty', async () => {
    const viaProxy = proxy.origin.replace('//', '//ci:pr0xy-pw@');
    emulator.resetLog();
    const result = await runCli(['lint', '--format', 'json', file], envWith(viaProxy));
    assert.equal(result.code, 1, result.stderr);
    const problems = JSON.parse(result.stdout) as { code: string; message: string }[];
    assert.deepEqual(problems.map((problem) => problem.code), ['sbg.missing-required-input']);
    assert.match(problems[0].message, /bams/);
    assert.deepEqual(proxy.requests, [], 'the proxy saw no request');
    assert.deepEqual(proxy.headers, [], 'nor any header (the token)');
    assert.ok(emulator.requests.some((request) => request.path === '/apps/alice/rna-seq/bam-stats'));
  });

  it('says which proxy refused an https:// API request, without its password, when the proxy wants other credentials', async () => {
    const wrong = proxy.origin.replace('//', '//ci:not-the-pw@');
    const result = await runCli(['lint', file], envWith(wrong, 'HTTPS_PROXY', httpsEndpoint()));
    assert.equal(result.code, 2, result.stdout);
    assert.match(result.stderr, new RegExp(`The proxy ${proxy.origin} refused to forward GET /apps/alice/rna-seq/bam-stats .*check the user and password in HTTPS_PROXY`));
    assert.doesNotMatch(result.stderr + result.stdout, /not-the-pw/);
    assert.ok(!(result.stderr + result.stdout).includes(emulator.token));
  });

  it('exits 2 saying what to fix for a proxy variable it cannot use', async () => {
    const result = await runCli(['lint', file], envWith('socks5://ci:pr0xy-pw@127.0.0.1:1080'));
    assert.equal(result.code, 2);
    assert.match(result.stderr, /HTTP_PROXY names a socks5:\/\/ proxy; only http:\/\/ and https:\/\/ proxies are supported/);
    assert.doesNotMatch(result.stderr, /pr0xy-pw/);
  });
});
