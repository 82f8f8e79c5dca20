/** `sbg-task create` against the emulator: created, created with errors, --run, --project, nothing created. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../emulator/index';
import { isolatedEnv } from '../server/lspClient';
import { runCli, type CliResult } from './runCli';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sbg-create-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('sbg-task create', () => {
  let emulator: Emulator;
  let env: NodeJS.ProcessEnv;
  let validFile: string;
  let invalidFile: string;

  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
    env = isolatedEnv(dir, { SB_API_ENDPOINT: emulator.url, SB_AUTH_TOKEN: emulator.token });
    const bam = emulator.store.filesByProject.get('alice/rna-seq')!.find((file) => file.name.endsWith('.bam'))!;
    validFile = path.join(dir, 'valid.sbtask.json');
    writeFileSync(validFile, JSON.stringify({
      project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', name: 'stats',
      inputs: { bams: { class: 'File', path: bam.id }, mode: 'fast' },
    }));
    invalidFile = path.join(dir, 'invalid.sbtask.json');
    writeFileSync(invalidFile, JSON.stringify({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: {} }));
  });
  after(() => emulator.close());

  function assertNoToken(result: CliResult): void {
    assert.ok(!result.stdout.includes(emulator.token) && !result.stderr.includes(emulator.token), 'the token was printed');
  }

  function taskOf(id: string) {
    const record = emulator.store.task(id);
    assert.ok(record, `task ${id} is not on the platform`);
    return record.task;
  }

  it('creates a draft, prints its id and web URL, exits 0', async () => {
    const result = await runCli(['create', validFile], env);
    assert.equal(result.code, 0, result.stderr);
    const [id, url, ...rest] = result.stdout.trimEnd().split('\n');
    assert.equal(taskOf(id).status, 'DRAFT');
    assert.equal(url, `http://127.0.0.1:${new URL(emulator.url).port}/u/alice/rna-seq/tasks/${id}/`);
    assert.deepEqual(rest, []);
    assertNoToken(result);
  });

  it("says a batch is a batch and how many children it makes: the app's default (by sample) and by item with --run", async () => {
    const reads = emulator.store.filesByProject.get('alice/rna-seq')!.filter((file) => file.name.endsWith('.fastq.gz')).slice(0, 8);
    const reference = emulator.store.filesByProject.get('admin/sbg-public-data')!.find((file) => file.name.endsWith('.fa'))!;
    const body = {
      project: 'alice/rna-seq', app: 'alice/rna-seq/star-align/2', name: 'align',
      inputs: { reads: reads.map((file) => ({ class: 'File', path: file.id })), genome_fasta: { class: 'File', path: reference.id }, two_pass: false },
    };
    const batchFile = path.join(dir, 'batch.sbtask.json');
    writeFileSync(batchFile, JSON.stringify(body));
    const draft = await runCli(['create', batchFile], env);
    assert.equal(draft.code, 0, draft.stderr);
    const [id, , line] = draft.stdout.trimEnd().split('\n');
    assert.equal(taskOf(id).batch, true);
    assert.equal(line, 'created batch task (2 children when it runs)');
    writeFileSync(batchFile, JSON.stringify({ ...body, batch_input: 'reads', batch_by: { type: 'item' } }));
    const running = await runCli(['create', batchFile, '--run'], env);
    assert.equal(running.stdout.trimEnd().split('\n')[2], 'created batch task (8 children)');
    writeFileSync(batchFile, JSON.stringify({ ...body, batch: false }));
    const plain = await runCli(['create', batchFile], env);
    assert.deepEqual(plain.stdout.trimEnd().split('\n').slice(2), [], 'a plain task says nothing of batches');
  });

  it('prints the platform\'s errors one a line and exits 1 when the draft has errors', async () => {
    const result = await runCli(['create', invalidFile], env);
    assert.equal(result.code, 1, result.stderr);
    const [id, , ...issues] = result.stdout.trimEnd().split('\n');
    const task = taskOf(id);
    assert.ok(task.errors && task.errors.length > 0);
    assert.equal(issues.filter((line) => line.startsWith('error: ')).length, task.errors.length);
    assert.ok(issues.some((line) => line.startsWith('error: bams: ')), result.stdout);
    assertNoToken(result);
  });

  it("prints an error entry of the shape {error: \"...\"} with the platform's text", async () => {
    const file = path.join(dir, 'instance.sbtask.json');
    writeFileSync(file, JSON.stringify({
      project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', name: 'stats',
      inputs: { bams: { class: 'File', path: emulator.store.filesByProject.get('alice/rna-seq')!.find((f) => f.name.endsWith('.bam'))!.id }, mode: 'fast' },
      execution_settings: { instance_type: 'huge' },
    }));
    const result = await runCli(['create', file], env);
    assert.equal(result.code, 1, result.stderr);
    const [id, , ...issues] = result.stdout.trimEnd().split('\n');
    assert.deepEqual(taskOf(id).errors, [{ error: 'Instance type "huge" is not available; use one such as c5.2xlarge;ebs-gp2;1024.' }]);
    assert.deepEqual(issues, ['error: Instance type "huge" is not available; use one such as c5.2xlarge;ebs-gp2;1024.']);
  });

  it('runs the task with --run and exits 0; exits 1 when it could not run', async () => {
    const ran = await runCli(['create', validFile, '--run', '--format', 'json'], env);
    assert.equal(ran.code, 0, ran.stderr);
    const task = JSON.parse(ran.stdout);
    assert.notEqual(task.status, 'DRAFT');
    assert.equal(taskOf(task.id).status, task.status);
    assert.ok(emulator.requests.some((request) => request.routeKey === 'POST /tasks' && /action=run/.test(request.query)));

    const notRun = await runCli(['create', invalidFile, '--run'], env);
    assert.equal(notRun.code, 1);
    assert.equal(taskOf(notRun.stdout.split('\n')[0]).status, 'DRAFT');
  });

  it('sends the task to the --project given instead of the file\'s', async () => {
    const result = await runCli(['create', validFile, '--project', 'alice/variant-calling', '--format', 'json'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(taskOf(JSON.parse(result.stdout).id).project, 'alice/variant-calling');
  });

  it('exits 2 and creates nothing when the platform cannot be reached, the file is broken, or there is no project', async () => {
    const before = emulator.store.tasks.size;
    const unreachable = await runCli(['create', validFile], { ...env, SB_API_ENDPOINT: 'http://127.0.0.1:9/v2' });
    assert.equal(unreachable.code, 2);
    assert.match(unreachable.stderr, /no task was created/);
    assertNoToken(unreachable);

    const broken = path.join(dir, 'broken.sbtask.json');
    writeFileSync(broken, '{\r\n  "project": "alice/rna-seq",, }');
    const syntax = await runCli(['create', broken], env);
    assert.equal(syntax.code, 2);
    assert.match(syntax.stderr, /broken\.sbtask\.json:2:30: not valid JSON/);

    const noProject = path.join(dir, 'noproject.sbtask.json');
    writeFileSync(noProject, JSON.stringify({ app: 'alice/rna-seq/bam-stats', inputs: {} }));
    const missing = await runCli(['create', noProject], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /names no project.*--project/);

    const signedOut = await runCli(['create', validFile], isolatedEnv(dir));
    assert.equal(signedOut.code, 2);
    assert.match(signedOut.stderr, /SB_AUTH_TOKEN/);

    const badToken = await runCli(['create', validFile], { ...env, SB_AUTH_TOKEN: emulator.tokens.expired });
    assert.equal(badToken.code, 2);
    assert.ok(!badToken.stderr.includes(emulator.tokens.expired), 'the token was printed');
    assert.equal(emulator.store.tasks.size, before);
  });
});
