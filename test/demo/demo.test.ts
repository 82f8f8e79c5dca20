/**
 * `npm run demo` (scripts/demo/main.js) as a user runs it: with `--check` it starts the emulator and
 * code-server, checks them and the sample task files, and stops; without it, it runs until Ctrl-C,
 * which must leave nothing listening and no run folder behind. Uses the bundles `npm test` has
 * just built (`--no-build`). Needs code-server: without it the tests are skipped, saying so; with
 * CI=true that is a failure instead.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..');
const DEMO = path.join(root, 'scripts', 'demo', 'main.js');
const { findCodeServer, codeServerDir, INSTALL_COMMAND } = require(path.join(root, 'scripts', 'e2e', 'start-code-server.js')) as {
  findCodeServer(): string | undefined;
  codeServerDir(): string;
  INSTALL_COMMAND: string;
};

const missing = findCodeServer() ? undefined : `code-server is not installed in ${codeServerDir()}; install it with: ${INSTALL_COMMAND}`;
if (missing && process.env.CI === 'true') {
  throw new Error(`the demo tests cannot run: ${missing} (CI=true: a failure, not a skip)`);
}
const skip = missing ? `SKIPPED: ${missing}` : false;

interface Output {
  text: string;
  exitCode: Promise<number | null>;
}

function startDemo(args: string[]): { child: ChildProcess; output: Output } {
  const child = spawn(process.execPath, [DEMO, '--no-build', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: Output = { text: '', exitCode: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output.text += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output.text += chunk));
  return { child, output };
}

/** Resolves once `pattern` appears in the output; rejects if the demo exits first. */
async function waitFor(output: Output, pattern: RegExp): Promise<RegExpExecArray> {
  let exited = false;
  void output.exitCode.then(() => (exited = true));
  for (;;) {
    const match = pattern.exec(output.text);
    if (match) return match;
    if (exited) throw new Error(`the demo exited before printing ${pattern}:\n${output.text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The HTTP status of a GET, or 'refused' when nothing listens. */
function statusOf(url: string): Promise<number | 'refused'> {
  return new Promise((resolve) => {
    http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', () => resolve('refused'));
  });
}

describe('npm run demo', () => {
  it('--check starts the emulator and code-server with the extension, lints the samples as expected, and stops', { skip }, async () => {
    const { output } = startDemo(['--check']);
    const exitCode = await output.exitCode;
    assert.equal(exitCode, 0, output.text);
    assert.match(output.text, /^6 passed, 0 failed$/m, output.text);
    for (const name of ['code-server answers /healthz', 'the emulator accepts the demo token', 'the extension is installed in code-server']) {
      assert.match(output.text, new RegExp(`^ok +${name}`, 'm'));
    }
    assert.match(output.text, /^ok +sbg-task lint align-with-mistakes\.sbtask\.json: exit 1: sbg\.batch-pair, sbg\.input-type, sbg\.missing-required-input, sbg\.unknown-input$/m);
    assert.match(output.text, /^Stopped\.$/m);
  });

  it('prints the URL to open, serves it, and on Ctrl-C stops code-server and the emulator and removes its folder', { skip }, async () => {
    const { child, output } = startDemo([]);
    try {
      await waitFor(output, /^Ctrl-C stops everything\.$/m);
      const open = (await waitFor(output, /^ {2}Open +(http:\/\/127\.0\.0\.1:\d+)\/\?folder=(\S+)$/m));
      const [, codeServerUrl, folder] = open;
      const [, apiUrl] = await waitFor(output, /^ {2}Platform +(http:\/\/127\.0\.0\.1:\d+\/v2)/m);
      const workspace = decodeURIComponent(folder);
      assert.equal(await statusOf(`${codeServerUrl}/healthz`), 200);
      assert.equal(await statusOf(`${apiUrl}/user`), 401, 'the emulator answers (without a token: 401)');
      assert.deepEqual(fs.readdirSync(workspace).filter((name) => name.endsWith('.sbtask.json')).sort(), [
        'align-sample-S01.sbtask.json',
        'align-with-mistakes.sbtask.json',
        'germline-batch-24-samples.sbtask.json',
      ]);

      child.kill('SIGINT');
      assert.equal(await output.exitCode, 0, output.text);
      assert.equal(await statusOf(`${codeServerUrl}/healthz`), 'refused', 'code-server is stopped');
      assert.equal(await statusOf(`${apiUrl}/user`), 'refused', 'the emulator is stopped');
      assert.equal(fs.existsSync(path.dirname(workspace)), false, 'the run folder is removed');
    } finally {
      // After a failed assertion: the demo's own shutdown still ends code-server's process group.
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await output.exitCode;
      }
    }
  });
});
