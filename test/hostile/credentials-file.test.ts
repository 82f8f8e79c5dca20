/**
 * Issue 9 §15: a credentials file that is a FIFO hung the CLI (reading waits for a writer), and a
 * huge one was read whole. Now only a regular file of at most MAX_CREDENTIALS_FILE_BYTES is read,
 * checked on the open handle; anything else is a message naming the file and what it is.
 * Real files: a FIFO made with mkfifo (Linux) and a sparse file of 400 MB.
 *
 * So that the old code fails instead of hanging, each FIFO case also starts a writer that puts a
 * valid profile into the pipe: the old code read it and went on; the new one never reads it.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { MAX_CREDENTIALS_FILE_BYTES, readCredentials, readCredentialsFile } from '../../platform/src/credentials';
import { readProfileTargets } from '../../client/src/auth/profiles';
import { runCli } from '../cli/runCli';
import { isolatedEnv } from '../server/lspClient';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sbg-hostile-creds-'));
const writers: ChildProcess[] = [];
after(() => {
  for (const writer of writers) if (writer.exitCode === null && writer.signalCode === null) writer.kill();
  rmSync(dir, { recursive: true, force: true });
});

const PROFILE = '[default]\napi_endpoint = http://127.0.0.1:9/v2\nauth_token = 0123456789abcdef0123456789abcdef\n';

/** A FIFO at `file`, with a writer waiting to hand a valid profile to whoever opens it for reading. */
function fifoWithWriter(file: string): void {
  execFileSync('mkfifo', [file]);
  const writer = spawn('sh', ['-c', 'printf "%s" "$PROFILE" > "$FIFO"'], { env: { PROFILE, FIFO: file, PATH: process.env.PATH }, stdio: 'ignore' });
  writers.push(writer);
}

function sparseFile(file: string, bytes: number): void {
  const fd = openSync(file, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

describe('credentials file that is not a small regular file', { skip: process.platform !== 'linux' && 'mkfifo and sparse files are tested on Linux' }, () => {
  it('a FIFO is refused at once, naming what it is', async () => {
    const fifo = path.join(dir, 'fifo-credentials');
    fifoWithWriter(fifo);
    assert.deepEqual(await readCredentialsFile(fifo), {
      kind: 'error',
      message: `${fifo} is a named pipe (FIFO), not a regular file: the credentials file must be a plain text file (remove it, or point --profile elsewhere).`,
    });
    const lookup = await readCredentials({ filePath: fifo, env: {} });
    assert.equal(lookup.kind, 'invalid');
  });

  it('a 400 MB sparse file is refused by its size, without reading it', async () => {
    const huge = path.join(dir, 'huge-credentials');
    sparseFile(huge, 400 * 1024 * 1024);
    assert.deepEqual(await readCredentialsFile(huge), {
      kind: 'error',
      message: `${huge} is larger than ${MAX_CREDENTIALS_FILE_BYTES} bytes, the most a credentials file may hold: is it the right file?`,
    });
  });

  it('a file of exactly the cap is read; one byte more is refused; a folder is named as one', async () => {
    const atCap = path.join(dir, 'at-cap');
    writeFileSync(atCap, PROFILE + '#'.repeat(MAX_CREDENTIALS_FILE_BYTES - Buffer.byteLength(PROFILE)));
    const read = await readCredentialsFile(atCap);
    assert.equal(read.kind === 'text' && read.text.length, MAX_CREDENTIALS_FILE_BYTES);
    writeFileSync(atCap, '#', { flag: 'a' });
    assert.equal((await readCredentialsFile(atCap)).kind, 'error');
    const folder = path.join(dir, 'folder-credentials');
    mkdirSync(folder);
    assert.match((await readCredentialsFile(folder) as { message: string }).message, /is a folder, not a regular file/);
  });

  it('sbg-task lint with a FIFO as ~/.sevenbridges/credentials exits 2 with the message', async () => {
    const home = path.join(dir, 'home-fifo');
    mkdirSync(path.join(home, '.sevenbridges'), { recursive: true });
    const credentials = path.join(home, '.sevenbridges', 'credentials');
    fifoWithWriter(credentials);
    const task = path.join(dir, 'task.sbtask.json');
    writeFileSync(task, JSON.stringify({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: {} }));
    const result = await runCli(['lint', task], isolatedEnv(home));
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.ok(result.stderr.includes(`${credentials} is a named pipe (FIFO), not a regular file`), result.stderr);
  });

  it('sbg-task lint with a 400 MB sparse credentials file exits 2 with the size message', async () => {
    const home = path.join(dir, 'home-huge');
    mkdirSync(path.join(home, '.sevenbridges'), { recursive: true });
    const credentials = path.join(home, '.sevenbridges', 'credentials');
    sparseFile(credentials, 400 * 1024 * 1024);
    const task = path.join(dir, 'task.sbtask.json');
    writeFileSync(task, JSON.stringify({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: {} }));
    const result = await runCli(['lint', task], isolatedEnv(home));
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.ok(result.stderr.includes(`${credentials} is larger than ${MAX_CREDENTIALS_FILE_BYTES} bytes`), result.stderr);
  });

  it('Sign In\'s profile list says the same instead of hanging', async () => {
    const fifo = path.join(dir, 'signin-fifo');
    fifoWithWriter(fifo);
    const list = await readProfileTargets(fifo);
    assert.deepEqual(list.usable, []);
    assert.deepEqual(list.problems, [`${fifo} is a named pipe (FIFO), not a regular file: the credentials file must be a plain text file (remove it, or point --profile elsewhere).`]);
  });
});
