import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../index';
import { call, fileRef, REFERENCE, rnaSeqReads } from './helpers';

describe('emulator POST /tasks checks', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
  });
  after(() => emulator.close());

  const create = (body: unknown, query = '', token?: string) => call(emulator, 'POST', `/tasks${query}`, body, token);

  it('refuses an unknown, foreign or malformed project with the platform codes', async () => {
    const app = 'alice/rna-seq/salmon-quant';
    assert.deepEqual(codeOf(await create({ project: 'alice/nope', app })), [404, 3002]);
    assert.deepEqual(codeOf(await create({ project: 'alice/rna-seq', app }, '', emulator.tokens.other)), [403, 3001]);
    assert.deepEqual(codeOf(await create({ project: 'not-a-project-id', app })), [400, 3012]);
  });

  it('refuses an unknown, foreign, malformed or empty app', async () => {
    const project = 'alice/rna-seq';
    assert.deepEqual(codeOf(await create({ project, app: 'alice/rna-seq/nope' })), [404, 6002]);
    assert.deepEqual(codeOf(await create({ project, app: 'alice/rna-seq/star-align/9' })), [404, 6002]);
    assert.deepEqual(codeOf(await create({ project, app: 'bob/private/anything' })), [403, 6001]);
    assert.deepEqual(codeOf(await create({ project, app: 'alice/rna-seq' })), [400, 6011]);
    assert.deepEqual(codeOf(await create({ project, app: '' })), [400, 7015]);
  });

  it('refuses bad batch arguments', async () => {
    const body = { project: 'alice/rna-seq', app: 'alice/rna-seq/star-align', inputs: {} };
    assert.deepEqual(codeOf(await create({ ...body, batch_input: 'reads' })), [400, 7023]);
    assert.deepEqual(codeOf(await create({ ...body, batch_input: '', batch_by: { type: 'item' } })), [400, 7018]);
    assert.deepEqual(codeOf(await create({ ...body, batch_input: 'nope', batch_by: { type: 'item' } })), [400, 7018]);
    assert.deepEqual(codeOf(await create({ ...body, batch_input: 'reads', batch_by: { type: 'sample' } })), [400, 7020]);
    assert.deepEqual(codeOf(await create({ ...body, batch_input: 'reads', batch_by: { type: 'criteria' } })), [400, 7019]);
  });

  it('creates a draft carrying errors and warnings for bad input values, and does not run it', async () => {
    const answer = await create(
      {
        project: 'alice/rna-seq',
        app: 'alice/rna-seq/salmon-quant',
        inputs: {
          index: [REFERENCE],
          reads: [fileRef('alice/rna-seq', 'S01_L001_R1.fastq.gz'), fileRef('bob/private', 'secret_R1.fastq.gz')],
          gene_map: fileRef('alice/rna-seq', 'S01.sorted.bam'),
          lib_type: 'XX',
          threads: 2.5,
          min_score_fraction: 'high',
          validate_mappings: 'yes',
          extra_args: ['--seqBias', 7],
          unknown_port: 1,
        },
      },
      '?action=run',
    );
    assert.equal(answer.status, 201);
    assert.equal(answer.body.status, 'DRAFT', 'a task with errors is not run');
    const byInput = Object.fromEntries(answer.body.errors.map((error: any) => [error.input_id, error.type]));
    assert.deepEqual(byInput, {
      unknown_port: 'error/task_validation/input/unknown',
      index: 'error/task_validation/input/schema',
      reads: 'error/task_validation/input/file',
      lib_type: 'error/task_validation/input/schema',
      threads: 'error/task_validation/input/schema',
      min_score_fraction: 'error/task_validation/input/schema',
      validate_mappings: 'error/task_validation/input/schema',
      extra_args: 'error/task_validation/input/schema',
    });
    assert.deepEqual(answer.body.warnings.map((warning: any) => [warning.input_id, warning.type]), [['gene_map', 'warning/task_validation/input/file_type']]);
    assert.match(answer.body.errors.find((error: any) => error.input_id === 'lib_type').message, /"A", "IU"/);
    const run = await call(emulator, 'POST', `/tasks/${answer.body.id}/actions/run`);
    assert.deepEqual(codeOf(run), [400, 7024]);
  });

  it('reports missing required inputs, records with bad fields, and accepts defaults', async () => {
    const answer = await create({
      project: 'alice/rna-seq',
      app: 'alice/rna-seq/star-align',
      inputs: { reads: rnaSeqReads().slice(0, 2), read_group: { sample: 'S01', platform: 'MINION' } },
      batch: false,
    });
    const byInput = Object.fromEntries(answer.body.errors.map((error: any) => [error.input_id, error.type]));
    assert.deepEqual(byInput, {
      genome_fasta: 'error/task_validation/input/required',
      two_pass: 'error/task_validation/input/required',
      read_group: 'error/task_validation/input/schema',
    });
    const salmon = await create({
      project: 'alice/rna-seq',
      app: 'alice/rna-seq/salmon-quant',
      inputs: { index: fileRef('alice/rna-seq', 'salmon_index.tar.gz'), reads: rnaSeqReads().slice(0, 2) },
    });
    assert.deepEqual(salmon.body.errors, [], 'ports with defaults may be left out');
    assert.deepEqual(salmon.body.warnings, []);
  });

  it('accepts File|File[] unions and Directory, and an array on a single-File batch input', async () => {
    const bams = [fileRef('alice/rna-seq', 'S01.sorted.bam'), fileRef('alice/rna-seq', 'S02.sorted.bam')];
    const union = await create({
      project: 'alice/rna-seq',
      app: 'alice/rna-seq/bam-stats',
      inputs: { bams, mode: 'fast', reference_dir: { class: 'Directory', path: fileRef('admin/sbg-public-data', 'GRCh38_reference').path } },
    });
    assert.deepEqual(union.body.errors, []);
    const wrongDirectory = await create({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: { bams: bams[0], mode: 'fast', reference_dir: { class: 'Directory', path: bams[0].path } } });
    assert.deepEqual(wrongDirectory.body.errors.map((error: any) => error.input_id), ['reference_dir']);

    const twoReferences = [REFERENCE, fileRef('admin/sbg-public-data', 'GRCh38.primary_assembly.fa.fai')];
    const single = { project: 'alice/rna-seq', app: 'alice/rna-seq/star-align', inputs: { reads: rnaSeqReads(), genome_fasta: twoReferences, two_pass: true } };
    const unbatched = await create({ ...single, batch: false });
    assert.deepEqual(unbatched.body.errors.map((error: any) => [error.input_id, error.type]), [['genome_fasta', 'error/task_validation/input/schema']]);
    const batched = await create({ ...single, batch_input: 'genome_fasta', batch_by: { type: 'item' } });
    assert.deepEqual(batched.body.errors, []);
    const run = await call(emulator, 'POST', `/tasks/${batched.body.id}/actions/run`);
    emulator.advance(2);
    const children = (await call(emulator, 'GET', `/tasks?parent=${run.body.id}&fields=inputs`)).body.items;
    assert.deepEqual(children.map((child: any) => child.inputs.genome_fasta.path), twoReferences.map((file) => file.path), 'each child gets one File');
  });
});

describe('emulator reads and access', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
  });
  after(() => emulator.close());

  it('answers 401 for a missing or expired token, with no token in the message', async () => {
    const missing = await call(emulator, 'GET', '/user', undefined, '');
    assert.deepEqual(codeOf(missing), [401, 90001]);
    const expired = await call(emulator, 'GET', '/user', undefined, emulator.tokens.expired);
    assert.equal(expired.status, 401);
    assert.match(expired.body.message, /expired/);
    assert.ok(!JSON.stringify(expired.body).includes(emulator.tokens.expired));
  });

  it('hides projects, files and tasks of other users (403) and unknown ones (404)', async () => {
    assert.deepEqual(codeOf(await call(emulator, 'GET', '/projects/bob/private')), [403, 3001]);
    assert.deepEqual(codeOf(await call(emulator, 'GET', '/projects/alice/nothing')), [404, 3002]);
    const bobFile = fileRef('bob/private', 'secret_R1.fastq.gz').path;
    assert.deepEqual(codeOf(await call(emulator, 'GET', `/files/${bobFile}`)), [403, 5001]);
    assert.deepEqual(codeOf(await call(emulator, 'GET', '/files/000000000000000000000000')), [404, 5002]);
    assert.equal((await call(emulator, 'GET', `/files/${REFERENCE.path}`, undefined, emulator.tokens.other)).status, 200, 'public files are readable by all');
    const draft = await call(emulator, 'POST', '/tasks', { project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats' });
    assert.deepEqual(codeOf(await call(emulator, 'GET', `/tasks/${draft.body.id}`, undefined, emulator.tokens.other)), [403, 7001]);
    assert.deepEqual(codeOf(await call(emulator, 'GET', '/tasks/00000000-0000-4000-8000-000000000000')), [404, 7002]);
    assert.deepEqual(codeOf(await call(emulator, 'GET', '/tasks/not-a-uuid')), [400, 7005]);
    assert.deepEqual(codeOf(await call(emulator, 'GET', '/tasks?status=DONE')), [400, 7006]);
  });

  it('serves app revisions, raw CWL, and YAML when asked', async () => {
    const latest = await call(emulator, 'GET', '/apps/alice/rna-seq/star-align');
    assert.equal(latest.body.id, 'alice/rna-seq/star-align/2');
    assert.equal(latest.body.raw.cwlVersion, 'sbg:draft-2');
    const first = await call(emulator, 'GET', '/apps/alice/rna-seq/star-align/0/raw');
    assert.equal(first.body['sbg:id'], 'alice/rna-seq/star-align/0');
    assert.ok(!first.body.inputs.some((input: any) => input.id === '#two_pass'));
    const yaml = await fetch(`${emulator.url}/apps/alice/rna-seq/salmon-quant/raw`, { headers: { 'X-SBG-Auth-Token': emulator.token, Accept: 'application/yaml' } });
    assert.match(yaml.headers.get('content-type') ?? '', /yaml/);
    assert.match(await yaml.text(), /^cwlVersion: v1.0/);
  });

  it('filters files by name and metadata (repeats are OR)', async () => {
    const answer = await call(emulator, 'GET', '/files?project=alice/rna-seq&metadata.sample_id=S01&metadata.sample_id=S02&metadata.paired_end=1&fields=name');
    assert.deepEqual(answer.body.items.map((file: any) => file.name), ['S01_L001_R1.fastq.gz', 'S01_L002_R1.fastq.gz', 'S02_L001_R1.fastq.gz', 'S02_L002_R1.fastq.gz']);
  });
});

function codeOf(answer: { status: number; body: any }): [number, number] {
  return [answer.status, answer.body?.code];
}
