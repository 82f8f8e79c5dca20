/**
 * Bad input to `sbg-task lint`: an empty file, a top-level array, 50 MB of JSON, deep nesting and
 * invalid UTF-8 each give diagnostics (or a clear note), never a crash.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { isolatedEnv } from '../server/lspClient';
import { FILE_ID, runCli, SMALL_APP } from './runCli';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sbg-bad-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const env = isolatedEnv(dir);
const appFile = path.join(dir, 'app.cwl.json');
writeFileSync(appFile, SMALL_APP);

async function lintJson(name: string, content: string | Buffer) {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  const result = await runCli(['lint', file, '--app-file', appFile, '--format', 'json'], env);
  assert.doesNotMatch(result.stderr, /unexpected failure|\n\s+at /, result.stderr);
  assert.equal(result.code, 1, result.stderr);
  return { problems: JSON.parse(result.stdout) as { code: string; range: any }[], stderr: result.stderr };
}

describe('sbg-task lint on bad input', () => {
  it('an empty file', async () => {
    const { problems } = await lintJson('empty.sbtask.json', '');
    assert.ok(problems.length > 0);
  });

  it('a top-level array', async () => {
    const { problems } = await lintJson('array.sbtask.json', '[{"project": "alice/rna-seq"}]');
    assert.ok(problems.some((problem) => problem.code === 'sbg.body-type'), JSON.stringify(problems));
  });

  it('deep nesting', async () => {
    const { problems } = await lintJson('deep.sbtask.json', `{"project": "alice/rna-seq", "app": "alice/rna-seq/a", "inputs": {"mode": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`);
    assert.ok(problems.length > 0);
  });

  it('invalid UTF-8', async () => {
    const body = Buffer.concat([Buffer.from('{"project": "alice/rna-seq", "app": "alice/rna-seq/a", "name": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('", "inputs": {}}')]);
    const { problems, stderr } = await lintJson('latin1.sbtask.json', body);
    assert.match(stderr, /not valid UTF-8.*save the file as UTF-8/);
    assert.ok(problems.some((problem) => problem.code === 'sbg.missing-required-input'));
  });

  it('50 MB of JSON', async () => {
    // Distinct ids: the same file repeated is a finding of its own (sbg.duplicate-file).
    const item = (n: number) => `{"class": "File", "path": "${FILE_ID.slice(0, 16)}${n.toString(16).padStart(8, '0')}"}`;
    const count = Math.ceil((50 * 1024 * 1024) / (item(0).length + 2));
    const text = `{"project": "alice/rna-seq", "app": "alice/rna-seq/a", "inputs": {"reads": [${Array.from({ length: count }, (_, n) => item(n)).join(', ')}], "mode": "slow"}}`;
    const { problems } = await lintJson('large.sbtask.json', text);
    assert.deepEqual(problems.map((problem) => problem.code), ['sbg.enum-value']);
  });
});
