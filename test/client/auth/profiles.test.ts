/**
 * Profiles of ~/.sevenbridges/credentials offered at sign-in: the usable ones with their
 * environment, the unusable ones as messages that name what to fix and never a token; a
 * profile's token then signs in through the same check as a pasted one.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Accounts } from '../../../client/src/auth/accounts';
import { createLoggedClient } from '../../../client/src/auth/loggedClient';
import { profileTargets, readProfileTargets } from '../../../client/src/auth/profiles';
import { startEmulator, type Emulator } from '../../emulator';
import { LinesLog, MemorySecrets, MemoryState, RecordingSessions } from './memoryStores';

describe('credentials profiles', () => {
  let emulator: Emulator;
  let folder: string;

  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'sbg-profiles-'));
  });

  after(async () => {
    await emulator?.close();
    await fs.rm(folder, { recursive: true, force: true });
  });

  function fileText(): string {
    return [
      '[cgc]',
      'api_endpoint = https://cgc-api.sbgenomics.com/v2',
      `auth_token = ${'a'.repeat(32)}`,
      '',
      '[emulator]',
      `api_endpoint = ${emulator.url}`,
      `auth_token = ${emulator.tokens.valid}`,
      '',
      '[half]',
      'api_endpoint = https://api.sbgenomics.com/v2',
    ].join('\n');
  }

  test('usable profiles are offered with their environment; an unusable one is explained, without a token', () => {
    const list = profileTargets(fileText(), '/home/me/.sevenbridges/credentials');
    assert.deepEqual(list.usable.map((p) => [p.profile, p.environment.name, p.environment.apiBase]), [
      ['cgc', 'Cancer Genomics Cloud (CGC)', 'https://cgc-api.sbgenomics.com/v2'],
      ['emulator', 'Profile emulator', emulator.url],
    ]);
    assert.deepEqual(list.problems, ['Profile [half] in /home/me/.sevenbridges/credentials has no auth_token: add it.']);
  });

  test('the file is read from disk; no file means no profiles and no complaint', async () => {
    const filePath = path.join(folder, 'credentials');
    await fs.writeFile(filePath, fileText());
    assert.deepEqual((await readProfileTargets(filePath)).usable.map((p) => p.profile), ['cgc', 'emulator']);
    assert.deepEqual(await readProfileTargets(path.join(folder, 'none')), { usable: [], problems: [] });
  });

  test('choosing a profile signs in with its token after GET /user, like a pasted token', async () => {
    const log = new LinesLog();
    const sessions = new RecordingSessions();
    const secrets = new MemorySecrets();
    const accounts = new Accounts({
      secrets,
      state: new MemoryState(),
      log,
      sessions,
      env: {},
      isTrusted: () => true,
      makeClient: (environment, token) => createLoggedClient(environment, token, { log, maxWaitMs: 0 }),
    });
    const profile = profileTargets(fileText(), 'credentials').usable.find((p) => p.profile === 'emulator')!;
    const session = await accounts.signIn(profile.environment, profile.token);
    assert.equal(session.username, 'alice');
    assert.equal(session.environment.name, 'Profile emulator');
    assert.ok(!log.lines.join('\n').includes(emulator.tokens.valid));
  });
});
