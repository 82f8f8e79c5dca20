/** `sbg-task inputs`: the ports of an app file, as JSON or text; on every corpus app when the corpus is there. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { locateCorpus } from '../corpus/corpusLocation';
import { isolatedEnv } from '../server/lspClient';
import { runCli, SMALL_APP } from './runCli';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sbg-inputs-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const env = isolatedEnv(dir);
const corpus = locateCorpus();
const corpusApps = path.join(corpus.dir, 'apps');

describe('sbg-task inputs', () => {
  const appFile = path.join(dir, 'small.cwl.json');
  writeFileSync(appFile, SMALL_APP);

  it('prints the ports as a JSON array', async () => {
    const result = await runCli(['inputs', appFile, '--format', 'json'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), [
      { id: 'reads', type: 'File[]', required: true, fileTypes: ['FASTQ'] },
      { id: 'mode', type: 'enum(fast|full)', required: true, symbols: ['fast', 'full'] },
      { id: 'threads', type: 'int', required: false },
    ]);
  });

  it('prints one port a line as text', async () => {
    const result = await runCli(['inputs', appFile], env);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, 'reads: File[], required, file types: FASTQ\nmode: enum(fast|full), required\nthreads: int, optional\n');
  });

  it('exits 2 with a message on a file that is not an app', async () => {
    const notApp = path.join(dir, 'list.json');
    writeFileSync(notApp, '[1, 2]');
    const result = await runCli(['inputs', notApp], env);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /is not an app this tool can read/);
    const none = await runCli(['inputs'], env);
    assert.equal(none.code, 2);
  });

  it('reads every corpus app', { skip: corpus.skipReason }, async () => {
    assert.ok(corpus.present, `no corpus at ${corpus.dir}: set SBG_CORPUS (CI=true requires it)`);
    for (const name of readdirSync(corpusApps)) {
      const result = await runCli(['inputs', path.join(corpusApps, name), '--format', 'json'], env);
      assert.equal(result.code, 0, `${name}: ${result.stderr}`);
      const ports = JSON.parse(result.stdout) as { id: string; type: string; required: boolean }[];
      assert.ok(ports.length > 0, name);
      for (const port of ports) {
        assert.equal(typeof port.id, 'string');
        assert.ok(!port.id.startsWith('#'), `${name}: ${port.id}`);
        assert.equal(typeof port.type, 'string');
        assert.equal(typeof port.required, 'boolean');
      }
    }
  });
});
