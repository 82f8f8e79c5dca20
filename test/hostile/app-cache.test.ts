/**
 * Issue 9 §14: the app cache was keyed by app id only, so ports fetched from one API host were used
 * for another (the same id there is another app, or a server that only pretends), pinned revisions
 * included, and a fresh copy meant the second host was not even asked. Now memory and disk entries
 * belong to an API base; the folder is 0700 and the files 0600. Tested with the CLI (real
 * processes) against the emulator and a hostile server on 127.0.0.1 that serves another app under
 * the same id, and with AppModelCache on sources that switch environment mid-fetch.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { App } from '../../platform/src/types';
import { appSource, type CountedSource } from '../test-utils/appSource';
import { AppModelCache } from '../../server/src/data/appModelCache';
import { DiskCache } from '../../server/src/data/diskCache';
import { startEmulator, type Emulator } from '../emulator/index';
import { closedPort } from '../platform/forwardProxy';
import { runCli } from '../cli/runCli';
import { isolatedEnv } from '../server/lspClient';
import { json, startHostileServer, type HostileServer } from './hostileServer';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sbg-hostile-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** On host B, "bam-stats" is another tool: one required input, `other`. */
const OTHER_RAW = { cwlVersion: 'v1.0', class: 'CommandLineTool', inputs: [{ id: 'other', type: 'string' }], outputs: [] };

function taskFile(name: string, app: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ project: 'alice/rna-seq', app, inputs: { mode: 'fast' } }));
  return file;
}

function missingInputs(stdout: string): string[] {
  return [...stdout.matchAll(/sbg\.missing-required-input .*?'(\w+)'/g)].map((match) => match[1]).sort();
}

describe('sbg-task lint: ports from one host are never used for another', () => {
  let emulator: Emulator;
  let hostB: HostileServer;
  let cacheHome: string;

  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
    hostB = await startHostileServer((request, response) => {
      const app = /^\/v2\/apps\/alice\/rna-seq\/bam-stats(?:\/(\d+))?(?:\?|$)/.exec(request.url);
      if (app) return json(response, 200, { id: `alice/rna-seq/bam-stats/${app[1] ?? 7}`, project: 'alice/rna-seq', name: 'bam-stats', revision: Number(app[1] ?? 7), raw: OTHER_RAW });
      return json(response, 404, { status: 404, code: 6001, message: 'Not found' });
    });
    cacheHome = path.join(dir, 'xdg');
  });
  after(async () => {
    await emulator.close();
    await hostB.close();
  });

  const envFor = (apiBase: string, token: string) => isolatedEnv(dir, { SB_API_ENDPOINT: apiBase, SB_AUTH_TOKEN: token, XDG_CACHE_HOME: cacheHome });

  it('the latest revision: host B is asked, and its ports are the ones checked', async () => {
    const file = taskFile('latest.sbtask.json', 'alice/rna-seq/bam-stats');
    const onA = await runCli(['lint', file], envFor(emulator.url, emulator.token));
    assert.deepEqual(missingInputs(onA.stdout), ['bams'], onA.stdout + onA.stderr);

    const onB = await runCli(['lint', file], envFor(hostB.apiBase, 'b'.repeat(32)));
    assert.equal(hostB.requests.filter((request) => request.url.startsWith('/v2/apps/')).length, 1, 'host B was asked for the app');
    assert.deepEqual(missingInputs(onB.stdout), ['other'], onB.stdout + onB.stderr);
  });

  it('a pinned revision: cached from A, still fetched from B', async () => {
    const file = taskFile('pinned.sbtask.json', 'alice/rna-seq/bam-stats/0');
    const onA = await runCli(['lint', file], envFor(emulator.url, emulator.token));
    assert.deepEqual(missingInputs(onA.stdout), ['bams'], onA.stdout + onA.stderr);
    const before = hostB.requests.length;
    const onB = await runCli(['lint', file], envFor(hostB.apiBase, 'b'.repeat(32)));
    assert.deepEqual(hostB.requests.slice(before).filter((request) => request.url.startsWith('/v2/apps/')).map((request) => request.url.split('?')[0]), ['/v2/apps/alice/rna-seq/bam-stats/0']);
    assert.deepEqual(missingInputs(onB.stdout), ['other'], onB.stdout + onB.stderr);
  });

  it('a host that cannot be reached has nothing cached: exit 2, not A\'s ports', async () => {
    const file = taskFile('unreachable.sbtask.json', 'alice/rna-seq/bam-stats');
    const port = await closedPort();
    const result = await runCli(['lint', file], envFor(`http://127.0.0.1:${port}/v2`, 'c'.repeat(32)));
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /could not be fetched and are not cached/);
  });

  it('the cache folder is 0700 and its files 0600', () => {
    const folder = path.join(cacheHome, 'sbg-tasks', 'apps');
    assert.equal(statSync(folder).mode & 0o777, 0o700);
    const files = readdirSync(folder);
    assert.ok(files.length >= 4, files.join(', '));
    for (const name of files) assert.equal(statSync(path.join(folder, name)).mode & 0o777, 0o600, name);
  });
});

describe('DiskCache and AppModelCache', () => {
  const RAW = { cwlVersion: 'v1.0', class: 'CommandLineTool', inputs: [{ id: 'reads', type: 'File[]' }], outputs: [] };
  const app: App = { id: 'a/p/tool/3', project: 'a/p', name: 'tool', revision: 3, raw: RAW };

  function source(apiBase: string | undefined, answer: () => Promise<App> = async () => app): CountedSource {
    return appSource(apiBase, answer);
  }

  it('a folder that existed with wider permissions is narrowed to 0700 on the first write', async () => {
    const folder = path.join(dir, 'wide');
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    await new DiskCache(folder).write({ environment: 'https://a.test/v2', key: 'a/p/tool', fetchedAt: 1, app });
    assert.equal(statSync(folder).mode & 0o777, 0o700);
    assert.deepEqual(readdirSync(folder).map((name) => statSync(path.join(folder, name)).mode & 0o777), [0o600]);
  });

  it('a disk entry is read back only for its own environment', async () => {
    const disk = new DiskCache(path.join(dir, 'envs'));
    await disk.write({ environment: 'https://a.test/v2', key: 'a/p/tool', fetchedAt: 1, app });
    assert.equal((await disk.read('https://a.test/v2', 'a/p/tool'))?.app.id, 'a/p/tool/3');
    assert.equal(await disk.read('https://b.test/v2', 'a/p/tool'), undefined);
  });

  it('switching the source to another API base fetches again, in memory too', async () => {
    let current = source('https://a.test/v2');
    const cache = new AppModelCache({ data: () => current, disk: new DiskCache(path.join(dir, 'switch')) });
    assert.equal((await cache.ensure({ id: 'a/p/tool', revision: 3 })).state, 'ready');
    const a = current;
    current = source('https://b.test/v2', async () => ({ ...app, raw: { ...RAW, inputs: [{ id: 'other', type: 'int' }] } }));
    cache.credentialsChanged();
    const onB = await cache.ensure({ id: 'a/p/tool', revision: 3 });
    assert.equal(current.calls, 1, 'B was asked for the pinned revision');
    assert.equal(onB.state === 'ready' && onB.model.inputs.map((input) => input.id).join(), 'other');
    assert.equal(a.calls, 1);
  });

  it('an answer that arrives after the source moved to another environment is not kept', async () => {
    let release: (value: App) => void = () => {};
    let current = source('https://a.test/v2', () => new Promise<App>((resolve) => (release = resolve)));
    const cache = new AppModelCache({ data: () => current, disk: new DiskCache(path.join(dir, 'moved')) });
    const pending = cache.ensure({ id: 'a/p/tool' });
    await new Promise((resolve) => setImmediate(resolve));
    current = source('https://b.test/v2');
    cache.credentialsChanged();
    release(app); // A's answer, after the switch
    assert.equal((await pending).state, 'pending');
    const folder = path.join(dir, 'moved');
    assert.ok(!existsSync(folder) || readdirSync(folder).length === 0, 'nothing written for A after the switch');
  });
});
