/** The demo installer's diagnosis of a failed code-server install (scripts/demo/installFailure.js), from npm log lines. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..');
const { classifyInstallLog, explainInstallFailure, localNodeDir, newestNpmLog } = require(path.join(root, 'scripts', 'demo', 'installFailure.js')) as {
  classifyInstallLog(text: string): { kind: string; line?: string };
  explainInstallFailure(logFile: string | undefined, tools: string): string;
  localNodeDir(execPath?: string): string | undefined;
  newestNpmLog(since: number, env?: NodeJS.ProcessEnv): string | undefined;
};
const TOOLS = 'apt-get install -y libkrb5-dev python3 make g++';

describe('why installing code-server failed', () => {
  it('names a refused download (headers, registry, proxy) and does not blame the build tools', () => {
    const log = [
      '1234 verbose stack Error: command failed',
      'gyp info it worked if it ends with ok',
      'gyp ERR! stack Error: 403 response downloading https://example.invalid/dist/v20.19.0/node-v20.19.0-headers.tar.gz',
    ].join('\n');
    assert.deepEqual(classifyInstallLog(log), { kind: 'refused-download', line: log.split('\n')[2] });
    assert.equal(classifyInstallLog('npm error code ECONNREFUSED\nnpm error errno ECONNREFUSED').kind, 'refused-download');
    assert.equal(classifyInstallLog('npm error code E403\nnpm error 403 Forbidden - GET https://mirror.invalid/code-server').kind, 'refused-download');
  });

  it('names missing build tools or Kerberos headers', () => {
    assert.equal(classifyInstallLog("gyp ERR! find Python \ngyp ERR! find Python Python is not set from command line").kind, 'build-tools');
    assert.equal(classifyInstallLog('../src/kerberos_gss.h:5:10: fatal error: gssapi/gssapi.h: No such file or directory').kind, 'build-tools');
    assert.equal(classifyInstallLog('/bin/sh: 1: make: not found').kind, 'build-tools');
  });

  it('says it does not know rather than guessing, and hides a token a log line carries', () => {
    assert.deepEqual(classifyInstallLog('npm error something else entirely'), { kind: 'unknown', line: undefined });
    assert.equal(classifyInstallLog('npm error code E401 //registry.invalid/:_authToken=secret123').line, 'npm error code E401 //registry.invalid/:_authToken=***');
  });

  it('reads the newest npm log written since the install began, and explains from it', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-cache-'));
    fs.mkdirSync(path.join(cache, '_logs'));
    const old = path.join(cache, '_logs', '2020-01-01T00_00_00_000Z-debug-0.log');
    fs.writeFileSync(old, '/bin/sh: 1: make: not found\n');
    fs.utimesSync(old, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const since = Date.now() - 1000;
    assert.equal(newestNpmLog(since, { npm_config_cache: cache }), undefined, 'a log older than the install is not its log');
    const current = path.join(cache, '_logs', 'now-debug-0.log');
    fs.writeFileSync(current, 'npm error code EAI_AGAIN\nnpm error request to https://registry.invalid/code-server failed\n');
    assert.equal(newestNpmLog(since, { npm_config_cache: cache }), current);
    const message = explainInstallFailure(current, TOOLS);
    assert.match(message, /a download was refused: npm error code EAI_AGAIN/);
    assert.ok(!message.includes('apt-get'), 'a refused download does not send the user to apt-get');
    assert.match(explainInstallFailure(old, TOOLS), /a build tool or header is missing: .*make: not found.*apt-get install -y libkrb5-dev/);
    fs.rmSync(cache, { recursive: true, force: true });
  });

  it("uses the running Node's headers when its installation has them", () => {
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'node-prefix-'));
    fs.mkdirSync(path.join(prefix, 'bin'));
    assert.equal(localNodeDir(path.join(prefix, 'bin', 'node')), undefined);
    fs.mkdirSync(path.join(prefix, 'include', 'node'), { recursive: true });
    fs.writeFileSync(path.join(prefix, 'include', 'node', 'node.h'), '');
    assert.equal(localNodeDir(path.join(prefix, 'bin', 'node')), prefix);
    fs.rmSync(prefix, { recursive: true, force: true });
  });
});
