/** `sbg-task outputs` and `sbg-task download` against the emulator: bulk reads, byte-identical files, nothing partial left. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SbgClient } from '../../platform/src/client';
import { startEmulator, type Emulator } from '../emulator/index';
import { isolatedEnv } from '../server/lspClient';
import { runCli } from './runCli';

describe('sbg-task outputs and download', () => {
  let emulator: Emulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let completed: string;
  let failed: string;

  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 0.5 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-cli-outputs-'));
    env = isolatedEnv(dir, { SB_API_ENDPOINT: emulator.url, SB_AUTH_TOKEN: emulator.token });
    const client = new SbgClient({ baseUrl: emulator.url, token: emulator.token, clock: emulator.clock(), environmentName: 'the emulator' });
    while (!completed || !failed) {
      const task = await client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: { bams: [], mode: 'fast' } }, { run: true });
      emulator.advance(200);
      const status = (await client.getTask(task.id)).status;
      if (status === 'COMPLETED') completed ??= task.id;
      if (status === 'FAILED') failed ??= task.id;
    }
  });
  after(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function expectedFiles(taskId: string) {
    return Object.values(emulator.store.task(taskId)!.task.outputs ?? {}).flat().map((value) => emulator.store.files.get((value as { path: string }).path)!);
  }

  it('lists the output files with one bulk file read, as text and as JSON', async () => {
    const files = expectedFiles(completed);
    assert.ok(files.length > 0);
    emulator.resetLog();
    const text = await runCli(['outputs', completed], env);
    assert.equal(text.code, 0, text.stderr);
    assert.equal(text.stdout.trim().split('\n').length, files.length);
    for (const file of files) assert.ok(text.stdout.includes(`${file.name}\t${file.size}\t`), `${file.name} with its size`);
    assert.equal(emulator.counters()['POST /bulk/files/get'], 1);
    assert.equal(emulator.counters()['GET /files/:id'] ?? 0, 0, 'no per-file reads');

    const json = await runCli(['outputs', completed, '--format', 'json'], env);
    const listed = JSON.parse(json.stdout) as { id: string; name: string; size: number; type: string }[];
    assert.deepEqual(listed.map((entry) => [entry.id, entry.name, entry.size]), files.map((file) => [file.id, file.name, file.size]));
  });

  it('says a failed task has no output files, with exit 1', async () => {
    const result = await runCli(['outputs', failed], env);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`task ${failed} \\(FAILED\\) has no output files yet: outputs appear when it completes`));
  });

  it('downloads every output byte-identical, and never overwrites an existing file', async () => {
    const out = fs.mkdtempSync(path.join(dir, 'out-'));
    const result = await runCli(['download', completed, '--output', out], env);
    assert.equal(result.code, 0, result.stderr);
    const files = expectedFiles(completed);
    assert.deepEqual(fs.readdirSync(out).sort(), files.map((file) => file.name).sort());
    for (const file of files) assert.deepEqual(fs.readFileSync(path.join(out, file.name)), emulator.store.contents.get(file.id));

    fs.writeFileSync(path.join(out, files[0].name), 'mine');
    const again = await runCli(['download', completed, '--output', out], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /exists; not overwritten/);
    assert.equal(fs.readFileSync(path.join(out, files[0].name), 'utf8'), 'mine');
  });

  it('leaves no file for a download that fails, downloads the rest, and names the folder it cannot use', async () => {
    const out = fs.mkdtempSync(path.join(dir, 'broken-'));
    const files = expectedFiles(completed);
    const gone = files[0];
    // The storage link of one file answers 404 (its bytes are gone); its record is still there.
    emulator.store.files.delete(gone.id);
    const result = await runCli(['download', completed, '--output', out], env);
    emulator.store.files.set(gone.id, gone);
    assert.equal(result.code, 1, 'some file could not be downloaded');
    assert.match(result.stderr, new RegExp(`${gone.name.replace(/\./g, '\\.')} \\(${gone.id}\\): `));
    assert.deepEqual(fs.readdirSync(out).sort(), files.slice(1).map((file) => file.name).sort(), 'the others are there, the failed one is not, nor any temporary file');

    const missing = await runCli(['download', completed, '--output', path.join(dir, 'nope')], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /is not a folder: create it first/);
  });
});
