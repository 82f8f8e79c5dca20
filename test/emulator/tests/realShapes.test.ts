/** The shapes the real platform answers with (docs/PLATFORM.md), each as the emulator plays it by default. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../index';
import { call, REFERENCE, rnaSeqReads, starAlignBody } from './helpers';

describe('emulator: shapes of the real platform', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null, failShare: 0 });
  });
  after(() => emulator.close());

  const single = () => {
    const body = starAlignBody(null, { batch: false });
    delete body.batch_input;
    delete body.batch_by;
    return body;
  };

  it('a draft carries start_time, as the platform examples do', async () => {
    const draft = await call(emulator, 'POST', '/tasks', single());
    assert.equal(draft.body.status, 'DRAFT');
    assert.equal(draft.body.start_time, draft.body.created_time);
  });

  it('answers task inputs with File objects filled in: name, size, metadata, dirname', async () => {
    const [read] = rnaSeqReads();
    const draft = await call(emulator, 'POST', '/tasks', { ...single(), inputs: { reads: [{ class: 'File', path: read.path }], genome_fasta: { class: 'File', path: REFERENCE.path } } });
    assert.deepEqual(Object.keys(draft.body.inputs.reads[0]).sort(), ['class', 'dirname', 'metadata', 'name', 'path', 'size']);
    assert.equal(draft.body.inputs.reads[0].name, 'S01_L001_R1.fastq.gz');
    assert.equal(draft.body.inputs.reads[0].metadata.sample_id, 'S01');
    assert.equal(typeof draft.body.inputs.reads[0].size, 'number');
    assert.match(draft.body.inputs.reads[0].dirname, /^\/Projects\/[0-9a-f]{24}\/$/);
    const listed = (await call(emulator, 'GET', `/tasks?project=alice/rna-seq&fields=id,inputs`)).body.items.find((task: any) => task.id === draft.body.id);
    assert.equal(listed.inputs.genome_fasta.name, 'GRCh38.primary_assembly.fa', 'lists fill them too');
    const bulk = (await call(emulator, 'POST', '/bulk/tasks/get', { task_ids: [draft.body.id] })).body.items[0].resource;
    assert.equal(bulk.inputs.genome_fasta.size, 3_100_000_000, 'and bulk gets');
  });

  it('gives file type as FILE/FOLDER (the folder-listing docs)', async () => {
    const files = (await call(emulator, 'GET', '/files?project=alice/rna-seq&limit=100&fields=name,type')).body.items;
    assert.equal(files.find((file: any) => file.name === 'results').type, 'FOLDER');
    assert.equal(files.find((file: any) => file.name === 'S01.sorted.bam').type, 'FILE');
  });

  it('keeps a problem of the task (not of an input) as {error: "..."}, beside {type, message, input_id} entries', async () => {
    const draft = await call(emulator, 'POST', '/tasks', { ...single(), inputs: { reads: 3 }, execution_settings: { instance_type: 'huge' } });
    assert.deepEqual(draft.body.errors.at(-1), { error: 'Instance type "huge" is not available; use one such as c5.2xlarge;ebs-gp2;1024.' });
    assert.ok(draft.body.errors.some((issue: any) => issue.type === 'error/task_validation/input/schema' && issue.input_id === 'reads' && issue.message));
  });

  it('refuses to run a draft missing inputs with 7012, other validation errors with 7024', async () => {
    const missing = await call(emulator, 'POST', '/tasks', { ...single(), inputs: {} });
    const run = await call(emulator, 'POST', `/tasks/${missing.body.id}/actions/run`);
    assert.deepEqual([run.status, run.body.code], [400, 7012]);
    assert.match(run.body.message, /^Missing inputs: reads, genome_fasta, two_pass\.$/);
    const wrong = await call(emulator, 'POST', '/tasks', { ...single(), execution_settings: { instance_type: 'huge' } });
    const refused = await call(emulator, 'POST', `/tasks/${wrong.body.id}/actions/run`);
    assert.deepEqual([refused.status, refused.body.code], [400, 7024]);
  });

  it('refuses file listings with the file codes: 5031 both project and parent, 5029 neither, 5005 a malformed project', async () => {
    const root = (await call(emulator, 'GET', '/projects/alice/rna-seq')).body.root_folder;
    const codeOf = async (query: string) => {
      const answer = await call(emulator, 'GET', `/files${query}`);
      return [answer.status, answer.body.code];
    };
    assert.deepEqual(await codeOf(`?project=alice/rna-seq&parent=${root}`), [400, 5031]);
    assert.deepEqual(await codeOf(''), [400, 5029]);
    assert.deepEqual(await codeOf('?project=rna-seq'), [400, 5005]);
  });

  it('answers an injected 409 with the Conflict code 90007 unless the fault names one (7003)', async () => {
    emulator.setFault('POST /tasks', { kind: 'status', status: 409, times: 1 });
    const conflict = await call(emulator, 'POST', '/tasks', single());
    assert.deepEqual([conflict.status, conflict.body.code], [409, 90007]);
    emulator.setFault('POST /tasks', { kind: 'status', status: 409, code: 7003, times: 1 });
    assert.equal((await call(emulator, 'POST', '/tasks', single())).body.code, 7003);
  });

  it('honours batch=false on create and on run even with explicit batch arguments', async () => {
    const created = await call(emulator, 'POST', '/tasks?batch=false', starAlignBody({ type: 'item' }));
    assert.equal(created.status, 201);
    assert.deepEqual([created.body.batch, created.body.batch_input, created.body.batch_by], [false, null, null]);
    const inBody = await call(emulator, 'POST', '/tasks', starAlignBody({ type: 'item' }, { batch: false }));
    assert.equal(inBody.body.batch, false, '"batch": false in the body');
    const batchDraft = await call(emulator, 'POST', '/tasks', starAlignBody({ type: 'item' }));
    assert.equal(batchDraft.body.batch, true);
    const run = await call(emulator, 'POST', `/tasks/${batchDraft.body.id}/actions/run?batch=false`);
    assert.equal(run.status, 200);
    assert.deepEqual([run.body.batch, run.body.status], [false, 'RUNNING'], 'runs as one task');
    emulator.advance(2);
    assert.equal((await call(emulator, 'GET', `/tasks?parent=${batchDraft.body.id}`)).body.items.length, 0, 'no children');
  });
});
