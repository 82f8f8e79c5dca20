import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { startEmulator, VARIANTS_ENV, type Emulator } from '../index';
import { fileIdOf } from '../seed/fileIds';
import { defaultVariants, suitesFor, variantMatrix, VARIANT_NAMES, VARIANT_SUITES, VARIANT_VALUES } from '../variants';
import { allChildren, call, rnaSeqReads, starAlignBody } from './helpers';

describe('emulator variants: how they are set', () => {
  it('defaults to the first value of each variant', async () => {
    const emulator = await startEmulator({ corpusDir: null });
    try {
      assert.deepEqual(emulator.variants(), {
        counters: 'tasks',
        'batch-group-keys': 'prefixed',
        'child-name': 'parent-dash-value',
        'parent-end': 'failed',
        'file-type': 'upper',
        'list-fields': 'subset',
        'missing-metadata': 'one-group',
      });
    } finally {
      await emulator.close();
    }
  });

  it('takes variants in process, from $SBG_EMULATOR_VARIANTS beneath them, and changes them with setVariants', async () => {
    const saved = process.env[VARIANTS_ENV];
    process.env[VARIANTS_ENV] = 'counters=jobs, file-type=lower';
    let emulator: Emulator | undefined;
    try {
      emulator = await startEmulator({ corpusDir: null, variants: { 'file-type': 'upper', 'child-name': 'id' } });
      const variants = emulator.variants();
      assert.equal(variants.counters, 'jobs', 'from the environment');
      assert.equal(variants['file-type'], 'upper', 'the option wins over the environment');
      assert.equal(variants['child-name'], 'id');
      emulator.setVariants(['parent-end=completed']);
      assert.equal(emulator.variants()['parent-end'], 'completed');
      assert.throws(() => emulator!.setVariants({ counters: 'steps' } as never), /Variant counters must be one of tasks\|jobs, got "steps"/);
      assert.throws(() => emulator!.setVariants(['colour=blue']), /Unknown variant "colour"; known variants: counters=tasks\|jobs/);
      assert.equal(emulator.variants().counters, 'jobs', 'a refused setting changes nothing');
    } finally {
      if (saved === undefined) delete process.env[VARIANTS_ENV];
      else process.env[VARIANTS_ENV] = saved;
      await emulator?.close();
    }
  });

  it('reads and sets variants over the admin API (POST /_emulator/variant), refusing unknown ones with 400', async () => {
    const emulator = await startEmulator({ corpusDir: null });
    try {
      const admin = (method: string, body?: unknown) =>
        fetch(`${emulator.origin}/_emulator/variant`, {
          method,
          headers: { 'X-Emulator-Admin': emulator.adminToken, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const set = await admin('POST', { counters: 'jobs', 'missing-metadata': 'dropped' });
      assert.equal(set.status, 200);
      assert.deepEqual(await set.json(), { ...defaultVariants(), counters: 'jobs', 'missing-metadata': 'dropped' });
      assert.equal(emulator.variants().counters, 'jobs');
      const refused = await admin('POST', { 'missing-metadata': 'ignored' });
      assert.equal(refused.status, 400);
      assert.match(((await refused.json()) as { message: string }).message, /missing-metadata must be one of one-group\|own-child\|dropped/);
      assert.equal(((await (await admin('GET')).json()) as Record<string, string>)['missing-metadata'], 'dropped');
    } finally {
      await emulator.close();
    }
  });

  it('npm run emulator -- --variant NAME=VALUE (repeatable) prints the variants in force; a bad one stops it with the list', async () => {
    const main = path.join(__dirname, '..', 'main.js');
    const child = spawn(process.execPath, [main, '--port', '0', '--seed', 'test', '--variant', 'counters=jobs', '--variant=file-type=lower'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const lines = readline.createInterface({ input: child.stdout });
      let info: { variants: Record<string, string> } | undefined;
      for await (const line of lines) {
        if (line.trimStart().startsWith('{')) {
          info = JSON.parse(line);
          break;
        }
      }
      assert.equal(info?.variants.counters, 'jobs');
      assert.equal(info?.variants['file-type'], 'lower');
    } finally {
      child.kill();
    }
    const bad = spawn(process.execPath, [main, '--port', '0', '--variant', 'counters=steps'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    bad.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => bad.on('close', resolve));
    assert.equal(code, 1);
    assert.match(stderr, /Variant counters must be one of tasks\|jobs, got "steps"/);
  });

  it('the matrix holds the defaults once and every other value of every variant once', () => {
    const rows = variantMatrix();
    const others = VARIANT_NAMES.reduce((sum, name) => sum + VARIANT_VALUES[name].length - 1, 0);
    assert.equal(rows.length, 1 + others);
    assert.deepEqual(rows[0], { label: 'defaults', variants: {} });
    assert.ok(rows.some((row) => row.label === 'missing-metadata=dropped'));
  });

  it("the README's table has a row per variant: fact, real source, the default and every other value", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'test', 'emulator', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('| Fact | Real source | Emulator default | Variants |'));
    const rows = section.split('\n').filter((line) => line.startsWith('|')).slice(2);
    for (const name of VARIANT_NAMES) {
      const row = rows.find((line) => line.includes(`\`${name}=${VARIANT_VALUES[name][0]}\``));
      assert.ok(row, `a row with the default ${name}=${VARIANT_VALUES[name][0]}`);
      const cells = row.split('|').slice(1, -1).map((cell) => cell.trim());
      assert.equal(cells.length, 4, row);
      assert.ok(cells[0] && cells[1], `fact and source filled: ${row}`);
      assert.ok(cells[2].includes(`${name}=${VARIANT_VALUES[name][0]}`), `the default in its column: ${row}`);
      for (const value of VARIANT_VALUES[name].slice(1)) assert.ok(cells[3].includes(`${name}=${value}`), `${name}=${value} in the variants column: ${row}`);
    }
  });

  it('every variant is read by some suite of the matrix, every suite exists, and a row runs only the suites that read its variant', () => {
    for (const name of VARIANT_NAMES) assert.ok(VARIANT_SUITES.some((suite) => suite.reads.includes(name)), `no suite reads ${name}`);
    const testRoot = path.resolve(__dirname, '..', '..', '..', '..', 'test');
    for (const suite of VARIANT_SUITES) assert.ok(fs.existsSync(path.join(testRoot, suite.file.replace(/\.js$/, '.ts'))), `test/${suite.file} (as .ts)`);
    assert.ok(suitesFor({ 'missing-metadata': 'dropped' }).includes('server/batchPreview.test.js'));
    assert.ok(!suitesFor({ 'child-name': 'id' }).includes('server/batchPreview.test.js'), 'the preview reads no child name');
    assert.deepEqual(suitesFor({}), []);
  });
});

describe('emulator variants: what each changes', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 0.25 });
  });
  after(() => emulator.close());

  /** Runs a star-align batch under the variants and returns the parent id once its children exist. */
  const runBatch = async (variants: Record<string, string>, batchBy: unknown, extra: Record<string, unknown> = {}) => {
    emulator.setVariants(defaultVariants());
    emulator.setVariants(variants as never);
    const created = await call(emulator, 'POST', '/tasks?action=run', starAlignBody(batchBy, extra));
    emulator.advance(2);
    return created.body.id as string;
  };

  it('counters=jobs: the parent counts its children\'s jobs (two steps each), so the counters add up to twice the children', async () => {
    const parent = await runBatch({ counters: 'jobs' }, { type: 'item' }, { execution_settings: { max_parallel_instances: 3 } });
    const queued = (await call(emulator, 'GET', `/tasks/${parent}`)).body.execution_status;
    assert.deepEqual([queued.queued, queued.running, queued.completed], [48, 0, 0]);
    emulator.advance(5 + 1);
    const running = (await call(emulator, 'GET', `/tasks/${parent}`)).body.execution_status;
    assert.deepEqual([running.queued, running.running], [45, 3], 'a running child runs one job and waits with the other');
    emulator.advance(3600);
    const done = (await call(emulator, 'GET', `/tasks/${parent}`)).body.execution_status;
    const children = await allChildren(emulator, parent);
    const failed = children.filter((child) => child.status === 'FAILED').length;
    assert.deepEqual([done.completed, done.failed, done.queued + done.running], [2 * (24 - failed) + failed, failed, 0]);
  });

  it('counters=tasks (default): the counters count the children', async () => {
    const parent = await runBatch({}, { type: 'item' });
    const status = (await call(emulator, 'GET', `/tasks/${parent}`)).body.execution_status;
    assert.equal(status.queued, 24);
  });

  it('batch-group-keys=bare: batch_group.fields keys without "metadata."', async () => {
    const parent = await runBatch({ 'batch-group-keys': 'bare' }, { type: 'criteria', criteria: ['metadata.sample_id'] });
    assert.deepEqual((await allChildren(emulator, parent))[0].batch_group, { value: 'S01', fields: { sample_id: 'S01' } });
  });

  it('child-name=value and child-name=id: a child is named by its group value, or by its id', async () => {
    const byValue = await runBatch({ 'child-name': 'value' }, { type: 'criteria', criteria: ['metadata.sample_id'] });
    assert.equal((await allChildren(emulator, byValue))[0].name, 'S01');
    const byId = await runBatch({ 'child-name': 'id' }, { type: 'criteria', criteria: ['metadata.sample_id'] });
    const child = (await allChildren(emulator, byId))[0];
    assert.equal(child.name, child.id);
    const byDefault = await runBatch({}, { type: 'criteria', criteria: ['metadata.sample_id'] });
    assert.equal((await allChildren(emulator, byDefault))[0].name, 'align - S01');
  });

  it('parent-end=completed: a parent with failed children ends COMPLETED (default FAILED), its counters still counting the failures', async () => {
    for (const [variants, status] of [[{ 'parent-end': 'completed' }, 'COMPLETED'], [{}, 'FAILED']] as const) {
      const parent = await runBatch(variants, { type: 'item' });
      emulator.advance(3600);
      const ended = (await call(emulator, 'GET', `/tasks/${parent}`)).body;
      assert.ok(ended.execution_status.failed > 0, 'a quarter of the children fail');
      assert.equal(ended.status, status);
    }
  });

  it('file-type=lower: file and folder types in lower case (default FILE, FOLDER)', async () => {
    emulator.setVariants({ 'file-type': 'lower' });
    const folder = (await call(emulator, 'GET', `/files/${fileIdOf('alice/rna-seq', 'results')}`)).body;
    assert.equal(folder.type, 'folder');
    const bulk = (await call(emulator, 'POST', '/bulk/files/get', { file_ids: [fileIdOf('alice/rna-seq', 'S01.sorted.bam')] })).body.items[0].resource;
    assert.equal(bulk.type, 'file');
    emulator.setVariants({ 'file-type': 'upper' });
    assert.equal((await call(emulator, 'GET', `/files/${fileIdOf('alice/rna-seq', 'results')}`)).body.type, 'FOLDER');
  });

  it('list-fields=all: lists without fields give every field (default: a subset)', async () => {
    emulator.setVariants({ 'list-fields': 'all' });
    const file = (await call(emulator, 'GET', '/files?project=alice/rna-seq&limit=1')).body.items[0];
    assert.ok('metadata' in file && 'size' in file, Object.keys(file).join(', '));
    const task = (await call(emulator, 'GET', '/tasks?project=alice/rna-seq&limit=1')).body.items[0];
    assert.ok('inputs' in task && 'execution_status' in task, Object.keys(task).join(', '));
    emulator.setVariants({ 'list-fields': 'subset' });
    assert.deepEqual(Object.keys((await call(emulator, 'GET', '/files?project=alice/rna-seq&limit=1')).body.items[0]).sort(), ['href', 'id', 'name', 'parent', 'project', 'type']);
  });

  it('missing-metadata: files lacking the criterion form one group (default), a child each, or none', async () => {
    const lacking = ['NOMETA_1.fastq.gz', 'NOMETA_2.fastq.gz'].map((name) => {
      const id = fileIdOf('alice/rna-seq', name);
      if (!emulator.store.files.has(id)) emulator.store.addFile({ id, type: 'file', name, project: 'alice/rna-seq', size: 10, metadata: {} });
      return { class: 'File', path: id, name };
    });
    const body = { inputs: { reads: [...rnaSeqReads().slice(0, 4), ...lacking], genome_fasta: starAlignBody(null).inputs && (starAlignBody(null).inputs as any).genome_fasta, two_pass: false } };
    const values = async (variant: Record<string, string>) =>
      (await allChildren(emulator, await runBatch(variant, { type: 'criteria', criteria: ['metadata.sample_id'] }, body))).map((child) => [child.batch_group.value, child.inputs.reads.length]);
    assert.deepEqual(await values({}), [['S01', 4], ['(none)', 2]]);
    assert.deepEqual(await values({ 'missing-metadata': 'own-child' }), [['S01', 4], ['(none)', 1], ['(none)', 1]]);
    assert.deepEqual(await values({ 'missing-metadata': 'dropped' }), [['S01', 4]]);
  });
});
