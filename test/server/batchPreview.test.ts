/**
 * The batch preview against the emulator: the standalone language server computes the children
 * from the files' metadata (sbg/batchPreview), then the emulator creates the batch from the same
 * body; both must make the same children (count, group values, files of each). On the demo's
 * reads and on a generated project of 1,000 files where some lack sample_id or library_id.
 * Also: the requests the preview spends, and its lenses over LSP.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../emulator/index';
import { testSeed } from '../emulator/seed/testSeed';
import type { SeedFile } from '../emulator/seed/seedData';
import { call, fileRef, REFERENCE, rnaSeqReads } from '../emulator/tests/helpers';
import { isolatedEnv, TestClient } from './lspClient';

const home = mkdtempSync(path.join(os.tmpdir(), 'sbg-preview-'));
after(() => rmSync(home, { recursive: true, force: true }));

const GENERATED = 1000;

/** 1,000 FASTQ files: every 7th lacks sample_id, every 5th lacks library_id, 40 samples. */
function generatedFiles(): SeedFile[] {
  return Array.from({ length: GENERATED }, (_, i) => {
    const metadata: Record<string, string> = {};
    if (i % 7 !== 3) metadata.sample_id = `G${String(i % 40).padStart(2, '0')}`;
    if (i % 5 !== 1) metadata.library_id = `LIB${i % 3}`;
    return { project: 'alice/rna-seq', name: `gen_${String(i).padStart(4, '0')}.fastq.gz`, size: 1_000 + i, metadata };
  });
}

function generatedReads() {
  return Array.from({ length: GENERATED }, (_, i) => fileRef('alice/rna-seq', `gen_${String(i).padStart(4, '0')}.fastq.gz`));
}

interface Child {
  value: string;
  files: string[];
}

async function emulatorChildren(emulator: Emulator, body: Record<string, unknown>): Promise<{ batch: boolean; children: Child[] }> {
  const created = await call(emulator, 'POST', '/tasks?action=run', body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  emulator.advance(2); // the parent is CREATING until its children exist
  const children: Child[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await call(emulator, 'GET', `/tasks?parent=${created.body.id}&limit=100&offset=${offset}&fields=_all`);
    for (const child of page.body.items) children.push({ value: child.batch_group.value, files: [child.inputs.reads].flat().map((f: { path: string }) => f.path).sort() });
    if (page.body.items.length < 100) break;
  }
  return { batch: created.body.batch, children };
}

const sorted = (children: Child[]) => [...children].sort((a, b) => a.value.localeCompare(b.value) || a.files.join().localeCompare(b.files.join()));

describe('batch preview against the emulator', () => {
  let emulator: Emulator;
  let client: TestClient;
  let version = 0;

  before(async () => {
    const seed = testSeed();
    seed.files.push(...generatedFiles());
    emulator = await startEmulator({ seed, corpusDir: null, failShare: 0 });
    ({ client } = await TestClient.start({
      env: isolatedEnv(home, { SB_API_ENDPOINT: emulator.url, SB_AUTH_TOKEN: emulator.token }),
      pull: true,
      initializationOptions: { cacheDir: path.join(home, `cache-${Date.now()}`) },
    }));
  });
  after(async () => {
    await client.stop();
    await emulator.close();
  });

  async function preview(body: Record<string, unknown>, by = client) {
    const uri = `file:///preview-${++version}.sbtask.json`;
    await by.open(uri, JSON.stringify(body, null, 2));
    emulator.resetLog();
    const started = process.hrtime.bigint();
    const result = await by.request('sbg/batchPreview', { uri });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { uri, result, requests: emulator.requests.map((r) => `${r.method} ${r.path}`), ms };
  }

  const body = (reads: unknown[], batch: Record<string, unknown> = {}) => ({
    project: 'alice/rna-seq', app: 'alice/rna-seq/star-align/2', name: 'align', inputs: { reads, genome_fasta: REFERENCE, two_pass: false }, ...batch,
  });

  const cases: [string, () => Record<string, unknown>][] = [
    ["demo reads, the app's default (by sample_id)", () => body(rnaSeqReads())],
    ['demo reads by item', () => body(rnaSeqReads(), { batch_input: 'reads', batch_by: { type: 'item' } })],
    ['demo reads by sample and library', () => body(rnaSeqReads(), { batch_input: 'reads', batch_by: { type: 'criteria', criteria: ['metadata.sample_id', 'metadata.library_id'] } })],
    ["1,000 files, the app's default, some lacking sample_id", () => body(generatedReads())],
    ['1,000 files by sample and library, some lacking either', () => body(generatedReads(), { batch_input: 'reads', batch_by: { type: 'criteria', criteria: ['metadata.sample_id', 'metadata.library_id'] } })],
    ['1,000 files by item', () => body(generatedReads(), { batch_input: 'reads', batch_by: { type: 'item' } })],
  ];

  for (const [name, make] of cases) {
    it(`the preview's children are the emulator's: ${name}`, async () => {
      const { result } = await preview(make());
      assert.ok(result, 'a batch has a preview');
      const previewed: Child[] = result.preview.children.map((c: { value: string; files: { id: string }[] }) => ({ value: c.value, files: c.files.map((f) => f.id).sort() }));
      const created = await emulatorChildren(emulator, make());
      assert.equal(created.batch, true);
      assert.equal(result.preview.unknown.length, 0);
      const lacking = new Set<string>(result.preview.lacking.map((file: { id: string }) => file.id));
      if (emulator.variants()['missing-metadata'] === 'one-group' || lacking.size === 0) {
        assert.equal(previewed.length, created.children.length, 'same number of children');
        assert.deepEqual(sorted(previewed), sorted(created.children), 'same groups with the same files');
        return;
      }
      // The platform may group files lacking a criterion otherwise (variant missing-metadata): the
      // preview still makes the platform's children of every other file, names each lacking file and
      // says what it assumes for them.
      const complete = (children: Child[]) => sorted(children.filter((child) => !child.files.some((id) => lacking.has(id))));
      assert.deepEqual(complete(previewed), complete(created.children), 'the same children of the files that have every criterion');
      const createdLacking = created.children.flatMap((child) => child.files.filter((id) => lacking.has(id)));
      const expectedLacking = emulator.variants()['missing-metadata'] === 'dropped' ? [] : [...lacking].sort();
      assert.deepEqual(createdLacking.sort(), expectedLacking, 'the files the preview names as lacking are exactly those the platform grouped otherwise');
      assert.match(result.preview.assumption, /lack a criterion are assumed to go together into one child/);
    });
  }

  it('1,000 files: the preview spends one app GET and 10 bulk gets, and says how many files lack sample_id', async () => {
    // A server that has read nothing yet (its own empty app cache): the cost of a first preview.
    const { client: fresh } = await TestClient.start({
      env: isolatedEnv(home, { SB_API_ENDPOINT: emulator.url, SB_AUTH_TOKEN: emulator.token }),
      pull: true,
      initializationOptions: { cacheDir: path.join(home, `cache-fresh-${Date.now()}`) },
    });
    after(() => fresh.stop());
    const { result, requests, ms } = await preview(body(generatedReads()), fresh);
    const bulk = requests.filter((r) => r === 'POST /bulk/files/get');
    assert.equal(bulk.length, 10, requests.join('\n'));
    assert.ok(requests.length <= 11, `at most 11 requests, spent ${requests.length}: ${requests.join(', ')}`);
    const lacking = generatedFiles().filter((f) => !f.metadata?.sample_id).length;
    assert.equal(result.preview.lacking.length, lacking);
    assert.equal(result.summary, `Batch: 41 children by sample_id · ${lacking} files lack sample_id`);
    console.log(`# batch preview of ${GENERATED} files: ${requests.length} requests (${bulk.length} bulk file gets), ${ms.toFixed(0)} ms`);
    const again = await preview(body(generatedReads()), fresh);
    assert.deepEqual(again.requests, [], 'a second preview answers from the cache');
  });

  it('"batch": false in the body creates one plain task, no children, and the preview says there is no batch', async () => {
    const plain = body(rnaSeqReads(), { batch: false });
    const { result } = await preview(plain);
    assert.equal(result, null);
    const created = await call(emulator, 'POST', '/tasks?action=run', plain);
    assert.equal(created.status, 201);
    assert.equal(created.body.batch, false);
    const children = await call(emulator, 'GET', `/tasks?parent=${created.body.id}`);
    assert.equal(children.body.items.length, 0);
  });

  it('"batch": false beside explicit batch_input and batch_by: still one plain task, as the platform honours it, and no preview', async () => {
    const plain = body(rnaSeqReads(), { batch: false, batch_input: 'reads', batch_by: { type: 'criteria', criteria: ['metadata.sample_id'] } });
    const { result } = await preview(plain);
    assert.equal(result, null);
    const created = await call(emulator, 'POST', '/tasks?action=run', plain);
    assert.equal(created.status, 201);
    assert.equal(created.body.batch, false);
    emulator.advance(2);
    assert.equal((await call(emulator, 'GET', `/tasks?parent=${created.body.id}`)).body.items.length, 0);
  });

  it("lenses over LSP: the app's default batch, Run as one task, and the count once the files are read", async () => {
    const uri = `file:///lens-${++version}.sbtask.json`;
    await client.open(uri, JSON.stringify(body(rnaSeqReads().slice(0, 4)), null, 2));
    await client.request('sbg/batchPreview', { uri }); // the app and the files are known from here on
    const lenses: { command: { title: string; command: string } }[] = await client.request('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => l.command.title), [
      "Runs as a batch: by metadata.sample_id over 'reads' (the app's default)",
      'Run as one task',
      'Batch: 1 child by sample_id',
      'Preview batch',
    ]);
  });
});
