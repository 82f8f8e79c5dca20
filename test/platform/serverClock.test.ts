import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { Clock } from '../../platform/src/clock';
import { ServerClock } from '../../platform/src/serverClock';
import type { Emulator } from '../emulator/index';
import { clientFor, startPlatform } from './platformFixture';

/** This machine's clock, set by the test: years ahead of the emulator's, and moved by hand. */
function localClock(startMs: number): Clock & { set(ms: number): void } {
  let now = startMs;
  return {
    now: () => now,
    sleep: async () => undefined,
    set: (ms) => {
      now = ms;
    },
  };
}

describe('ServerClock', () => {
  const headers = (date?: string) => new Headers(date === undefined ? {} : { Date: date });

  it('is the local time until an answer is dated, then the local time plus the offset', () => {
    const clock = new ServerClock();
    assert.equal(clock.offsetMs, undefined);
    assert.equal(clock.now(5_000), 5_000);
    clock.update(headers('Fri, 01 Mar 2019 12:00:00 GMT'), Date.parse('2031-07-01T00:00:00Z'));
    assert.equal(clock.offsetMs, Date.parse('2019-03-01T12:00:00Z') - Date.parse('2031-07-01T00:00:00Z'));
    assert.equal(clock.now(Date.parse('2031-07-01T00:01:00Z')), Date.parse('2019-03-01T12:01:00Z'));
  });

  it('keeps the last offset when an answer has no Date or an unreadable one', () => {
    const clock = new ServerClock();
    clock.update(headers('Fri, 01 Mar 2019 12:00:00 GMT'), Date.parse('2019-03-01T12:00:10Z'));
    clock.update(headers(), 0);
    clock.update(headers('yesterday'), 0);
    assert.equal(clock.offsetMs, -10_000);
  });
});

describe('SbgClient.serverNow against the emulator', () => {
  const emulatorStart = Date.parse('2019-03-01T12:00:00Z');
  const localStart = Date.parse('2031-07-01T08:30:00Z');
  let emulator: Emulator;
  before(async () => {
    emulator = await startPlatform({ clock: 'manual', startTime: emulatorStart });
  });
  after(() => emulator.close());

  it("follows the platform's Date, years away from this machine's clock, as both clocks move", async () => {
    const local = localClock(localStart);
    const { client } = clientFor(emulator, { clock: local });
    assert.equal(client.serverNow(), localStart, 'before any answer: the local clock');

    await client.getUser();
    assert.equal(client.serverNow(), emulator.now(), 'dated by the first answer');
    local.set(localStart + 42_000);
    assert.equal(client.serverNow(), emulator.now() + 42_000, 'local time passing moves it along');

    emulator.advance(3600);
    await client.getProject('alice/rna-seq');
    assert.equal(client.serverNow(), emulator.now(), 'the next answer dates it again');
    assert.equal(new Date(client.serverNow()).toISOString(), '2019-03-01T13:00:00.000Z');
  });

  it("waits out a spent rate limit by the platform's clock: this machine's clock years ahead sends nothing into the spent budget", async () => {
    const twelveYears = Date.parse('2031-03-01T12:00:00Z') - emulatorStart;
    const skewed: Clock = { now: () => emulator.now() + twelveYears, sleep: async (ms) => emulator.advance(ms / 1000) };
    const { client } = clientFor(emulator, { clock: skewed, maxWaitMs: 10 * 60_000 });
    emulator.setRateLimit(3, 60);
    const before = emulator.requests.length;
    try {
      for (let i = 0; i < 7; i++) await client.getProject('alice/rna-seq');
    } finally {
      emulator.setRateLimit(1000, 300);
    }
    const sent = emulator.requests.slice(before);
    assert.deepEqual(sent.map((r) => r.status), [200, 200, 200, 200, 200, 200, 200]);
  });

  it('takes the Date of refusals too: a maintenance 503 is dated like any answer', async () => {
    const { client } = clientFor(emulator, { clock: localClock(localStart), maxWaitMs: 0 });
    emulator.setMaintenance(true);
    try {
      await assert.rejects(client.getUser(), { kind: 'maintenance' });
    } finally {
      emulator.setMaintenance(false);
    }
    assert.equal(client.serverNow(), emulator.now());
  });
});
