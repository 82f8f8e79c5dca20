/**
 * Sign-in without VS Code (client/src/auth/accounts.ts is what the commands and the Accounts
 * menu run) against two emulators over real HTTP: which tokens are kept, which source wins,
 * switching environment, and that the token shows up in no log line, error or stored state.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Accounts } from '../../../client/src/auth/accounts';
import { createLoggedClient } from '../../../client/src/auth/loggedClient';
import { TokenRefusedError } from '../../../client/src/auth/tokenCheck';
import { environmentForApiBase } from '../../../platform/src/environments';
import { UnsafeUrlError } from '../../../platform/src/urlSafety';
import { startEmulator, type Emulator } from '../../emulator';
import { LinesLog, MemorySecrets, MemoryState, RecordingSessions } from './memoryStores';

describe('accounts', () => {
  let us: Emulator;
  let eu: Emulator;
  let secrets: MemorySecrets;
  let state: MemoryState;
  const log = new LinesLog();
  let sessions: RecordingSessions;
  const errors: string[] = [];

  const usEnvironment = () => environmentForApiBase(us.url, 'Emulator US');
  const euEnvironment = () => environmentForApiBase(eu.url, 'Emulator EU');

  function accounts(env: Record<string, string | undefined> = {}): Accounts {
    return new Accounts({
      secrets,
      state,
      log,
      sessions,
      env,
      isTrusted: () => true,
      makeClient: (environment, token) => createLoggedClient(environment, token, { log, maxWaitMs: 0 }),
    });
  }

  async function refusal(promise: Promise<unknown>): Promise<Error> {
    const error = await promise.then(() => assert.fail('expected a refusal'), (caught: Error) => caught);
    errors.push(error.message);
    return error;
  }

  before(async () => {
    us = await startEmulator({ corpusDir: null });
    eu = await startEmulator({ corpusDir: null });
  });

  after(async () => {
    // Every token of both emulators, against everything this suite logged, threw and kept.
    const tokens = [us, eu].flatMap((emulator) => Object.values(emulator.tokens)).filter(Boolean);
    const written = [...log.lines, ...errors, state.dump()].join('\n');
    for (const token of tokens) assert.ok(!written.includes(token), 'a token appeared in a log line, an error or the state store');
    assert.ok(log.lines.length > 0 && errors.length > 0, 'the check above looked at something');
    await us?.close();
    await eu?.close();
  });

  beforeEach(() => {
    secrets = new MemorySecrets();
    state = new MemoryState();
    sessions = new RecordingSessions();
  });

  test('a good token is checked with GET /user, kept only in the secret store, and becomes the session', async () => {
    const session = await accounts().signIn(usEnvironment(), us.tokens.valid);
    assert.equal(session.username, 'alice');
    assert.equal(session.source, 'secret-storage');
    assert.equal(sessions.current, session);
    assert.deepEqual([...secrets.values.values()], [us.tokens.valid]);
    assert.equal(us.counters()['GET /user'], 1);
    assert.ok(log.lines.some((line) => /^info GET \/user 200 \d+ ms/.test(line)), log.lines.join('\n'));
  });

  test('a bad token (401 from GET /user) is refused with what to do, and nothing is kept', async () => {
    const badToken = '0123456789abcdef0123456789abcdef';
    const error = await refusal(accounts().signIn(usEnvironment(), badToken));
    assert.ok(error instanceof TokenRefusedError);
    assert.ok(![error.message, ...log.lines].some((text) => text.includes(badToken)));
    assert.match(error.message, /^Emulator US did not accept this token \(401\): it is mistyped, expired or revoked\. Create a new one on http:\/\/127\.0\.0\.1:\d+\/developer#token/);
    assert.equal(secrets.values.size, 0);
    assert.equal(sessions.current, undefined);
    assert.ok(log.lines.some((line) => line.startsWith('warn GET /user 401')));
  });

  test('an expired token is refused and the platform’s reason is passed on', async () => {
    const error = await refusal(accounts().signIn(usEnvironment(), us.tokens.expired));
    assert.ok(error instanceof TokenRefusedError);
    assert.match(error.message, /did not accept this token \(401\).*It said: "Unauthorized: the authentication token has expired\. Generate a new one\."/);
    assert.equal(secrets.values.size, 0);
  });

  test('plain HTTP to another machine is refused before anything is sent, saying to use https', async () => {
    const before = us.requests.length;
    const error = await refusal(accounts().signIn(environmentForApiBase('http://sbg.example.org/v2'), us.tokens.valid));
    assert.ok(error instanceof UnsafeUrlError);
    assert.match(error.message, /Refusing to send the token over plain HTTP to sbg\.example\.org: use an https:\/\/ API URL/);
    assert.equal(us.requests.length, before);
    assert.equal(secrets.values.size, 0);
  });

  test('SB_API_ENDPOINT/SB_AUTH_TOKEN are used without a prompt and without a request; the first user action learns the user name, once', async () => {
    const before = us.requests.length;
    const fromVariables = accounts({ SB_API_ENDPOINT: us.url, SB_AUTH_TOKEN: us.tokens.valid });
    await fromVariables.restore();
    assert.equal(sessions.current?.source, 'environment-variables');
    assert.equal(sessions.current?.environment.apiBase, us.url);
    assert.equal(us.requests.length, before, 'activation sends nothing');
    assert.equal(secrets.values.size, 0, 'the variables are not copied into the secret store');

    const learned = sessions.nextChange();
    await fromVariables.refreshUserName();
    assert.equal((await learned)?.username, 'alice');
    await fromVariables.refreshUserName();
    assert.equal(us.requests.slice(before).filter((r) => r.path.endsWith('/user')).length, 1, 'the name is asked for once');
  });

  test('only one of the two variables: nothing is used, and the log says which one is missing', async () => {
    await accounts({ SB_API_ENDPOINT: us.url }).restore();
    assert.equal(sessions.current, undefined);
    assert.ok(log.lines.includes('warn SB_API_ENDPOINT is set but SB_AUTH_TOKEN is not: set both, or neither to use ~/.sevenbridges/credentials.'));
  });

  test('a stored account wins over the environment variables, in the next window too', async () => {
    await accounts().signIn(euEnvironment(), eu.tokens.other);
    const nextWindow = accounts({ SB_API_ENDPOINT: us.url, SB_AUTH_TOKEN: us.tokens.valid });
    const requests = us.requests.length + eu.requests.length;
    await nextWindow.restore();
    assert.equal(sessions.current?.source, 'secret-storage');
    assert.equal(sessions.current?.environment.apiBase, eu.url);
    assert.equal(sessions.current?.username, 'bob');
    assert.equal(us.requests.length + eu.requests.length, requests, 'restoring a stored account sends nothing');
  });

  test('switching environment swaps the session and its client at once; signing out forgets only that token', async () => {
    const a = accounts();
    await a.signIn(usEnvironment(), us.tokens.valid);
    await a.signIn(euEnvironment(), eu.tokens.other);
    assert.deepEqual(a.stored().map((account) => [account.name, account.username]), [['Emulator US', 'alice'], ['Emulator EU', 'bob']]);

    const usKey = a.stored()[0].key;
    assert.equal(await a.activate(usKey), true);
    assert.equal(sessions.current?.username, 'alice');
    const usProjects = us.counters()['GET /projects'] ?? 0;
    const euProjects = eu.counters()['GET /projects'] ?? 0;
    await sessions.current!.client.listProjects();
    assert.equal(us.counters()['GET /projects'], usProjects + 1, 'the session’s client talks to the environment switched to');
    assert.equal(eu.counters()['GET /projects'] ?? 0, euProjects);

    await a.signOut();
    assert.equal(sessions.current, undefined);
    assert.deepEqual(a.stored().map((account) => account.name), ['Emulator EU']);
    assert.deepEqual([...secrets.values.values()], [eu.tokens.other]);
    assert.equal(await a.activate(usKey), false, 'a signed-out account cannot be switched to');
  });

  test('signing out of the environment variables stops using them in this window', async () => {
    const a = accounts({ SB_API_ENDPOINT: us.url, SB_AUTH_TOKEN: us.tokens.valid });
    await a.restore();
    await a.signOut();
    await a.restore();
    assert.equal(sessions.current, undefined);
  });
});
