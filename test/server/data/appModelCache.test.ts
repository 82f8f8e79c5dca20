/**
 * The app-model cache on a PlatformData written for the test (the interface, not HTTP) and a
 * clock the test moves: disk copies used offline even when stale, failures never stored as
 * answers and retried only after a back-off, clear() forgetting memory and disk.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { App } from '../../../platform/src/types';
import { appSource, type CountedSource } from '../../test-utils/appSource';
import { AppModelCache } from '../../../server/src/data/appModelCache';
import { DiskCache } from '../../../server/src/data/diskCache';
import { DataError } from '../../../server/src/data/platformData';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sbg-appcache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const RAW = { cwlVersion: 'v1.0', class: 'CommandLineTool', inputs: [{ id: 'reads', type: 'File[]' }], outputs: [] };

/** Answers getApp from `answer`, counting calls; the other lookups are not used by the cache. */
function source(answer: () => App | Error): CountedSource {
  return appSource('https://api.example.test/v2', async (appId, revision) => {
    const result = answer();
    if (result instanceof Error) throw result;
    return { ...result, id: `${appId}/${revision ?? result.revision}` };
  });
}

const app: App = { id: 'a/p/tool/3', project: 'a/p', name: 'tool', revision: 3, raw: RAW };
const ref = { id: 'a/p/tool' };

describe('AppModelCache', () => {
  it('answers pending at once, then ready from the platform, and writes the disk copy', async () => {
    const folder = path.join(dir, 'first');
    const data = source(() => app);
    const cache = new AppModelCache({ data: () => data, disk: new DiskCache(folder) });
    const changes: string[] = [];
    cache.onDidChange((key) => changes.push(key));
    assert.equal(cache.get(ref).state, 'pending');
    const state = await cache.ensure(ref);
    assert.equal(state.state, 'ready');
    assert.equal(state.state === 'ready' && state.fromCache, false);
    assert.deepEqual(changes, ['a/p/tool']);
    assert.deepEqual(readdirSync(folder).map((name) => name.replace(/\.[0-9a-f]{16}\.app\.json$/, '')).sort(), ['a_p_tool', 'a_p_tool_3']);
    assert.equal(data.calls, 1);
  });

  it('uses a stale disk copy when the platform cannot be reached, and retries only after a back-off', async () => {
    const folder = path.join(dir, 'stale');
    let now = 1_000_000;
    await new AppModelCache({ data: () => source(() => app), disk: new DiskCache(folder), now: () => now }).ensure(ref);

    now += 24 * 3600_000; // a day later: the copy of the latest revision is stale
    const offline = source(() => new DataError('offline', 'connect ECONNREFUSED'));
    const cache = new AppModelCache({ data: () => offline, disk: new DiskCache(folder), now: () => now });
    const state = await cache.ensure(ref);
    assert.equal(state.state, 'ready');
    assert.equal(state.state === 'ready' && state.fromCache, true);
    assert.equal(offline.calls, 1);

    cache.get(ref);
    await cache.ensure(ref);
    assert.equal(offline.calls, 1, 'asked again before the back-off ended');
    now += 60_000;
    await cache.ensure(ref);
    assert.equal(offline.calls, 2);
  });

  it('does not store a failure: unavailable, then ready once the platform answers', async () => {
    let now = 0;
    let answer: App | Error = new DataError('offline', 'socket hang up');
    const data = source(() => answer);
    const cache = new AppModelCache({ data: () => data, now: () => now });
    const failed = await cache.ensure(ref);
    assert.deepEqual(failed, { state: 'unavailable', reason: 'socket hang up' });
    answer = app;
    now += 10 * 60_000;
    assert.equal((await cache.ensure(ref)).state, 'ready');
  });

  it('reports a 404 as not-found, and a pinned revision is fetched once', async () => {
    const missing = source(() => new DataError('http', 'App a/p/gone does not exist.', 404));
    assert.equal((await new AppModelCache({ data: () => missing }).ensure({ id: 'a/p/gone' })).state, 'not-found');

    const data = source(() => app);
    const cache = new AppModelCache({ data: () => data, now: () => Number.MAX_SAFE_INTEGER / 2 });
    await cache.ensure({ id: 'a/p/tool', revision: 3 });
    await cache.ensure({ id: 'a/p/tool', revision: 3 });
    assert.equal(data.calls, 1);
  });

  it('says why when there is no data source, and clear() forgets memory and disk', async () => {
    const folder = path.join(dir, 'clear');
    const none = new AppModelCache({ data: () => undefined });
    const state = await none.ensure(ref);
    assert.equal(state.state, 'unavailable');
    assert.match(state.state === 'unavailable' ? state.reason : '', /credentials/);

    const data = source(() => app);
    const cache = new AppModelCache({ data: () => data, disk: new DiskCache(folder) });
    await cache.ensure(ref);
    await cache.clear();
    assert.deepEqual(readdirSync(folder), []);
    assert.equal(cache.get(ref).state, 'pending');
    await cache.ensure(ref);
    assert.equal(data.calls, 2);
  });
});
