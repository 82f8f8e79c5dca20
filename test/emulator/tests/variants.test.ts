import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { startEmulator, VARIANTS_ENV, type Emulator } from '../index';
import { defaultVariants, variantMatrix, VARIANT_NAMES, VARIANT_VALUES } from '../variants';

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
});
