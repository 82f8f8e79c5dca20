import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../index';
import { call } from './helpers';

describe('emulator clock()', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
  });
  after(() => emulator.close());

  it('sleeping on the manual clock advances emulated time and runs what falls due', async () => {
    const created = await call(emulator, 'POST', '/tasks?action=run', { project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: { bams: [], mode: 'fast' } });
    assert.equal(created.body.status, 'RUNNING');
    const clock = emulator.clock();
    const before = clock.now();
    await clock.sleep(120_000);
    assert.equal(clock.now(), before + 120_000);
    assert.match((await call(emulator, 'GET', `/tasks/${created.body.id}`)).body.status, /^(COMPLETED|FAILED)$/);
  });

  it('a cancelled sleep rejects with an AbortError and does not advance', async () => {
    const controller = new AbortController();
    controller.abort();
    const before = emulator.now();
    await assert.rejects(emulator.clock().sleep(1000, controller.signal), { name: 'AbortError' });
    assert.equal(emulator.now(), before);
  });
});

describe('emulator seeds', () => {
  it('the demo seed holds a few hundred FASTQ files with sample and library metadata', async () => {
    const emulator = await startEmulator({ seed: 'demo', corpusDir: null });
    try {
      const answer = await call(emulator, 'GET', '/files?project=alice/cohort-study&metadata.sample_id=S42&fields=name,metadata');
      assert.equal(answer.headers.get('x-total-matching-query'), '4');
      assert.equal(answer.body.items[0].metadata.library_id, 'S42-A');
      const fastq = [...emulator.store.files.values()].filter((file) => file.name.endsWith('.fastq.gz'));
      assert.ok(fastq.length >= 200, `${fastq.length} FASTQ files`);
      const versions = new Set([...emulator.store.apps.values()].map((app) => app.revisions.at(-1)!.raw!.cwlVersion));
      assert.deepEqual([...versions].sort(), ['sbg:draft-2', 'v1.0', 'v1.2']);
    } finally {
      await emulator.close();
    }
  });

  it('installs every JSON or YAML app of a corpus folder as alice/corpus/<slug>/0, and skips a missing folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
    fs.mkdirSync(path.join(dir, 'apps'));
    fs.writeFileSync(path.join(dir, 'apps', 'My_Tool.cwl'), 'cwlVersion: v1.0\nclass: CommandLineTool\ninputs:\n  x: int\noutputs: []\n');
    fs.writeFileSync(path.join(dir, 'apps', 'other.json'), JSON.stringify({ cwlVersion: 'sbg:draft-2', class: 'CommandLineTool', inputs: [{ id: '#y', type: ['File'] }] }));
    const emulator = await startEmulator({ corpusDir: dir });
    const missing = await startEmulator({ corpusDir: path.join(dir, 'nope') });
    try {
      const apps = await call(emulator, 'GET', '/apps?project=alice/corpus');
      assert.deepEqual(apps.body.items.map((app: any) => app.id), ['alice/corpus/my-tool/0', 'alice/corpus/other/0']);
      const draft = await call(emulator, 'POST', '/tasks', { project: 'alice/rna-seq', app: 'alice/corpus/my-tool', inputs: { x: 'seven' } });
      assert.deepEqual(draft.body.errors.map((error: any) => error.input_id), ['x']);
      assert.equal(missing.store.apps.has('alice/corpus/my-tool'), false);
    } finally {
      await emulator.close();
      await missing.close();
      fs.rmSync(dir, { recursive: true });
    }
  });
});
