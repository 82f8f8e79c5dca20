/**
 * Issue 14: with live checks on, a 10,000-file batch was checked with two lookups per file on
 * every edit, one to find missing files and one to find files lacking a batch criterion.
 * LiveLookups now keeps facts over every file it knows (does any lack this field?), and the
 * metadata check skips its lookups when none does. Read through the server's real data path
 * (DirectPlatformData, LiveLookups, TaskContextBuilder) from the emulator.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SbgClient } from '../../../platform/src/client';
import { DirectPlatformData } from '../../../server/src/data/directPlatformData';
import { LiveLookups } from '../../../server/src/data/liveLookups';
import { TaskContextBuilder } from '../../../server/src/data/taskContextBuilder';
import { validate } from '../../../server/src/service';
import { startEmulator, fileIdOf, type Emulator } from '../../emulator/index';
import { appModel } from '../../test-utils/fakeContext';

describe('facts over the known files', () => {
  let emulator: Emulator;
  let lookups: LiveLookups;
  let changes = 0;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
    const data = new DirectPlatformData(new SbgClient({ baseUrl: emulator.url, token: emulator.token, environmentName: 'the emulator' }));
    lookups = new LiveLookups({ data: () => data, onDidChange: () => changes++ });
  });
  after(() => emulator.close());

  const read = (name: string) => fileIdOf('alice/rna-seq', name);
  const missing = '0123456789abcdef01234567';
  const app = appModel({ reads: 'File[]' });
  const builder = () => new TaskContextBuilder({ get: () => ({ state: 'ready', model: app }), ensure: async () => {} } as never, lookups);
  let version = 0;
  const findings = (names: string[], ids: string[] = []) => {
    const reads = [...names.map(read), ...ids].map((path) => ({ class: 'File', path }));
    const text = JSON.stringify({ project: 'alice/rna-seq', app: 'alice/rna-seq/wf/1', inputs: { reads }, batch_input: 'reads', batch_by: { type: 'criteria', criteria: ['metadata.sample_id'] } });
    const context = builder().build({ fileIds: [] }, { liveChecks: true });
    return validate(TextDocument.create(`file:///facts${++version}.sbtask.json`, 'sbg-task', 1, text), context).map((d) => [d.code, String(d.message).slice(0, 40)]);
  };

  it('say no file lacks a field while every known file has it, and change with new answers', async () => {
    const fastqs = ['S01_L001_R1.fastq.gz', 'S01_L001_R2.fastq.gz', 'S02_L001_R1.fastq.gz'];
    await lookups.ensure([], fastqs.map(read));
    const facts = lookups.fileFacts();
    assert.equal(facts.anyLacking('sample_id'), false);
    assert.equal(facts.anyLacking('no_such_field'), true);
    assert.equal(lookups.fileFacts(), facts, 'kept while no answer arrives');
    assert.deepEqual(findings(fastqs), []);

    // A file without metadata, and one the platform does not have: the facts change, and the checks ask again.
    await lookups.ensure([], [read('salmon_index.tar.gz'), missing]);
    assert.notEqual(lookups.fileFacts(), facts);
    assert.equal(lookups.fileFacts().anyLacking('sample_id'), true);
    assert.deepEqual(findings([...fastqs, 'salmon_index.tar.gz'], [missing]), [
      ['sbg.file-not-found', `The platform has no file "${missing.slice(0, 14)}`],
      ['sbg.batch-metadata', 'salmon_index.tar.gz has no metadata.samp'],
    ]);
    assert.deepEqual(findings(fastqs), [], 'a body of good files is still clean when other known files are not');

    lookups.clear();
    assert.equal(lookups.fileFacts().anyLacking('sample_id'), false, 'forgotten with the answers');
    assert.ok(changes >= 2);
  });

  // Validation keeps the findings of File objects an edit did not touch only while this version stays (diagnostics/reuse.ts).
  it('give the context a version of the file answers, which goes up when answers arrive or are forgotten', async () => {
    const version = () => builder().build({ fileIds: [] }, { liveChecks: true }).fileAnswersVersion;
    const start = version();
    assert.equal(typeof start, 'number');
    assert.equal(version(), start, 'the same while nothing arrives');
    await lookups.ensure([], [read('S02_L001_R1.fastq.gz')]);
    const arrived = version()!;
    assert.ok(arrived > start!, `${arrived} after answers arrived, ${start} before`);
    await lookups.ensure([], [read('S02_L001_R1.fastq.gz')]);
    assert.equal(version(), arrived, 'asking again for what is known changes nothing');
    lookups.clear();
    assert.ok(version()! > arrived, 'forgotten answers are a change');
    assert.equal(builder().build({ fileIds: [] }, { liveChecks: false }).fileAnswersVersion, undefined, 'no version without live checks');
  });
});
