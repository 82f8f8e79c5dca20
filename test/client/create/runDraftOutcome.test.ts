/**
 * What Run Draft says when the draft does not start, against the emulator: a refusal for
 * validation errors (7024) shows the draft's errors in the platform's words, whichever of the two
 * shapes they have; a refusal for missing inputs (7012) shows the platform's text and what to do.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SbgClient } from '../../../platform/src/client';
import { notStartedText, runFailureText } from '../../../client/src/create/runDraftOutcome';
import { startEmulator, type Emulator } from '../../emulator';
import { fileIdOf } from '../../emulator/seed/fileIds';

const INDEX = { class: 'File', path: fileIdOf('alice/rna-seq', 'salmon_index.tar.gz') };
const READS = [{ class: 'File', path: fileIdOf('alice/rna-seq', 'S01_L001_R1.fastq.gz') }];

describe('Run Draft: why a draft did not start', () => {
  let emulator: Emulator;
  let client: SbgClient;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
    client = new SbgClient({ baseUrl: emulator.url, token: emulator.token, environmentName: 'the emulator', clock: emulator.clock() });
  });
  after(() => emulator.close());

  async function refusal(body: Record<string, unknown>) {
    const draft = await client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/salmon-quant/0', name: 'quant', ...body });
    const error = await client.runTask(draft.id).then(() => assert.fail('the run was refused'), (caught: unknown) => caught);
    return { draft, error: error as { code?: number }, text: await runFailureText(client, draft, error) };
  }

  test("a 7024 refusal shows the draft's error of the shape {error: \"...\"} in the platform's words, not 'see the task's errors'", async () => {
    const { error, text } = await refusal({ inputs: { index: INDEX, reads: READS }, execution_settings: { instance_type: 'huge' } });
    assert.equal(error.code, 7024);
    assert.equal(text, 'Task quant did not start: Instance type "huge" is not available; use one such as c5.2xlarge;ebs-gp2;1024.');
  });

  test('a 7024 refusal with {type, message, input_id} entries names the input and counts the rest', async () => {
    const { error, text } = await refusal({ inputs: { index: READS, reads: INDEX, bogus: 1 } });
    assert.equal(error.code, 7024);
    assert.match(text, /^Task quant did not start: (index|reads|bogus): .+ \(and \d+ more errors?\)\.$/);
  });

  test("a 7012 refusal shows the platform's list of missing inputs and what to do", async () => {
    const { error, text } = await refusal({ inputs: {} });
    assert.equal(error.code, 7012);
    assert.match(text, /refused POST \/tasks\/[0-9a-f-]+\/actions\/run: Missing inputs: index, reads\. \(400, code 7012\)\. The task's required inputs need values: fill them in, then run it again\./);
  });

  test('an answer that is still a draft says so; an errors entry without any text is passed over for one with text', () => {
    assert.equal(notStartedText({ id: 't1' }, undefined), 'Task t1 did not start: it is still a draft.');
    assert.equal(notStartedText({ id: 't1', name: 'quant' }, [{}, { error: 'No instance.' }]), 'Task quant did not start: No instance (and 1 more error).');
  });
});
