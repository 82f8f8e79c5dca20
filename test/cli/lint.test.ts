/** `sbg-task lint`: output formats, exit codes, --app-file, and the platform (the emulator) as the app's source. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../emulator/index';
import { isolatedEnv } from '../server/lspClient';
import { FILE_ID, runCli, SMALL_APP } from './runCli';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sbg-lint-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const env = isolatedEnv(dir);

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const appFile = write('app.cwl.json', SMALL_APP);
const valid = write('valid.sbtask.json', JSON.stringify({
  project: 'alice/rna-seq', app: 'alice/rna-seq/small', inputs: { reads: [{ class: 'File', path: FILE_ID }], mode: 'fast' },
}, null, 2));
// Line 4 holds the misspelt input, line 5 the wrong enum symbol.
const broken = write('broken.sbtask.json', '{\n  "project": "alice/rna-seq",\n  "app": "alice/rna-seq/small",\n  "inputs": {"readz": [],\n    "mode": "slow"}\n}\n');

describe('sbg-task lint with --app-file', () => {
  it('exits 0 and prints nothing for a valid file', async () => {
    const result = await runCli(['lint', valid, '--app-file', appFile], env);
    assert.equal(result.stderr, '');
    assert.equal(result.stdout, '');
    assert.equal(result.code, 0);
  });

  it('prints compiler-style lines with 1-based positions and exits 1 on errors', async () => {
    const result = await runCli(['lint', broken, '--app-file', appFile], env);
    assert.equal(result.code, 1, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    const unknown = lines.find((line) => line.includes('sbg.unknown-input'));
    assert.equal(unknown?.startsWith(`${broken}:4:14: error sbg.unknown-input `), true, result.stdout);
    assert.match(unknown!, /readz/);
    assert.ok(lines.some((line) => line.startsWith(`${broken}:5:13: error sbg.enum-value `)), result.stdout);
    assert.ok(lines.some((line) => line.includes('sbg.missing-required-input') && line.includes('reads')), result.stdout);
    for (const line of lines) assert.match(line, /^.+:\d+:\d+: (error|warning|information|hint) sbg\.[a-z-]+ \S/);
  });

  it('prints one JSON array with LSP ranges with --format json', async () => {
    const result = await runCli(['lint', broken, valid, '--app-file', appFile, '--format', 'json'], env);
    assert.equal(result.code, 1);
    const problems = JSON.parse(result.stdout) as any[];
    assert.ok(problems.length >= 3);
    for (const problem of problems) {
      assert.deepEqual(Object.keys(problem).sort(), ['code', 'file', 'message', 'range', 'severity']);
      assert.equal(problem.file, broken);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(problem.severity));
    }
    const unknown = problems.find((problem) => problem.code === 'sbg.unknown-input');
    assert.deepEqual(unknown.range, { start: { line: 3, character: 13 }, end: { line: 3, character: 20 } });
  });

  it('exits 2 on usage errors and unreadable files, saying what to fix', async () => {
    const none = await runCli(['lint'], env);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no task file given/);
    const option = await runCli(['lint', valid, '--colour'], env);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /unknown option --colour/);
    const format = await runCli(['lint', valid, '--format', 'xml'], env);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format must be one of text, json/);
    const missing = await runCli(['lint', path.join(dir, 'nope.sbtask.json'), '--app-file', appFile], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.sbtask\.json: no such file/);
    const badApp = await runCli(['lint', valid, '--app-file', broken], env);
    assert.equal(badApp.code, 2);
    assert.match(badApp.stderr, /is not an app this tool can read/);
  });

  it('exits 2 without credentials when the app is neither given nor cached', async () => {
    const result = await runCli(['lint', valid], env);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /SB_API_ENDPOINT and SB_AUTH_TOKEN/);
    assert.match(result.stderr, /--app-file/);
  });
});

describe('sbg-task lint against the platform (emulator)', () => {
  let emulator: Emulator;
  let platformEnv: NodeJS.ProcessEnv;
  let bamId: string;

  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
    platformEnv = isolatedEnv(dir, { SB_API_ENDPOINT: emulator.url, SB_AUTH_TOKEN: emulator.token, XDG_CACHE_HOME: path.join(dir, 'platform-cache') });
    bamId = emulator.store.filesByProject.get('alice/rna-seq')!.find((file) => file.name.endsWith('.bam'))!.id;
  });
  after(() => emulator.close());

  it('checks inputs against the app ports fetched from the platform, and file ids by bulk lookup', async () => {
    const file = write('platform.sbtask.json', JSON.stringify({
      project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats',
      inputs: { bams: [{ class: 'File', path: bamId }, { class: 'File', path: 'ffffffffffffffffffffffff' }], mode: 'fast' },
    }));
    const result = await runCli(['lint', file, '--format', 'json'], platformEnv);
    const problems = JSON.parse(result.stdout) as any[];
    assert.deepEqual(problems.map((problem) => problem.code), ['sbg.file-not-found'], result.stdout);
    assert.equal(result.code, 1);
    assert.ok(emulator.requests.some((request) => request.routeKey === 'POST /bulk/files/get'), 'no bulk file lookup');
    assert.ok(!emulator.requests.some((request) => request.method === 'GET' && request.path.endsWith('/files')), 'the project was listed');
    assert.ok(!result.stdout.includes(emulator.token) && !result.stderr.includes(emulator.token));
  });

  it('reports an app the platform does not have as an error on app', async () => {
    const file = write('noapp.sbtask.json', JSON.stringify({ project: 'alice/rna-seq', app: 'alice/rna-seq/no-such-app', inputs: {} }));
    const result = await runCli(['lint', file], platformEnv);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /error sbg\.app-not-found/);
  });

  it('uses the cached ports when the platform cannot be reached, and exits 2 when nothing is cached', async () => {
    const file = write('cached.sbtask.json', JSON.stringify({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: { mode: 'fast' } }));
    // The cache belongs to an API base: a platform that answered once, then is gone.
    const gone = await startEmulator({ corpusDir: null });
    const goneEnv = { ...platformEnv, SB_API_ENDPOINT: gone.url, SB_AUTH_TOKEN: gone.token };
    const online = await runCli(['lint', file], goneEnv); // fills the cache
    assert.equal(online.code, 1, online.stderr);
    await gone.close();
    const offline = goneEnv;
    const cached = await runCli(['lint', file], offline);
    assert.equal(cached.code, 1, cached.stderr);
    assert.match(cached.stdout, /sbg\.missing-required-input .*bams/);

    const empty = await runCli(['lint', file], { ...offline, XDG_CACHE_HOME: path.join(dir, 'empty-cache') });
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /could not be fetched and are not cached/);
  });
});
