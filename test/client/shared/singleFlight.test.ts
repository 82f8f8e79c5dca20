import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SingleFlight } from '../../../client/src/shared/singleFlight';

describe('one invocation at a time per file', () => {
  test('a second run for the same key is refused while the first runs; other keys run; a failure frees the key', async () => {
    const flights = new SingleFlight();
    let release!: () => void;
    const first = flights.run('a', () => new Promise<string>((resolve) => (release = () => resolve('done'))));
    assert.equal(flights.isBusy('a'), true);
    assert.deepEqual(await flights.run('a', async () => 'second'), { ran: false });
    assert.deepEqual(await flights.run('b', async () => 'other'), { ran: true, value: 'other' });
    release();
    assert.deepEqual(await first, { ran: true, value: 'done' });
    await assert.rejects(flights.run('a', async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(flights.isBusy('a'), false);
  });
});
