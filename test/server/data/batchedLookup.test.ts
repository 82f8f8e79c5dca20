/** BatchedLookup: unknown keys of one turn fetched together; answers kept; failures retried after a back-off. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BatchedLookup } from '../../../server/src/data/batchedLookup';

describe('BatchedLookup', () => {
  it('fetches the keys asked for in one turn together and announces the answers', async () => {
    const batches: string[][] = [];
    let changes = 0;
    const lookup = new BatchedLookup(async (keys) => {
      batches.push(keys);
      return new Map(keys.map((key) => [key, key.toUpperCase()]));
    }, () => changes++);
    assert.equal(lookup.get('a'), undefined);
    assert.equal(lookup.get('b'), undefined);
    assert.equal(lookup.get('a'), undefined);
    await lookup.ensure(['a', 'b']);
    assert.deepEqual(batches, [['a', 'b']]);
    assert.equal(lookup.get('a'), 'A');
    assert.equal(changes, 1);
  });

  it('keeps no answer for a failed key and asks again only after the back-off', async () => {
    let now = 0;
    let calls = 0;
    let fail = true;
    const lookup = new BatchedLookup(async (keys) => {
      calls++;
      if (fail) throw new Error('offline');
      return new Map(keys.map((key) => [key, true]));
    }, () => {}, () => now);
    await lookup.ensure(['p']);
    assert.equal(lookup.get('p'), undefined);
    await lookup.ensure(['p']);
    assert.equal(calls, 1);
    fail = false;
    now += 5_000;
    await lookup.ensure(['p']);
    assert.equal(calls, 2);
    assert.equal(lookup.get('p'), true);
  });

  it('drops answers that arrive after clear(), which may belong to another account', async () => {
    let release!: () => void;
    const lookup = new BatchedLookup(async (keys) => {
      await new Promise<void>((resolve) => (release = resolve));
      return new Map(keys.map((key) => [key, 1]));
    }, () => {});
    const pending = lookup.ensure(['x']);
    await new Promise((resolve) => setImmediate(resolve));
    lookup.clear();
    release();
    await pending;
    assert.equal(lookup.get('x'), undefined);
  });
});
