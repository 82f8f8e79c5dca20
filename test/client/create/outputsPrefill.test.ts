/**
 * New Task File from Outputs, in plain Node: which inputs the output files fit (by the ports'
 * file types, on the language server's port model) and the task file written from them, whose
 * other required inputs stay placeholders; then the same file checked by the language service,
 * as the editor will check it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { prefillFromFiles } from '../../../client/src/create/outputsPrefill';
import { taskSkeleton } from '../../../client/src/create/skeleton';
import { parseAppText } from '../../../server/src/service/cwl/parseAppText';

const APP = `cwlVersion: v1.2
class: CommandLineTool
label: Counts
inputs:
  alignments: {type: "File[]", "sbg:fileTypes": "BAM, CRAM"}
  reference: {type: File, "sbg:fileTypes": "FA, FASTA"}
  one_bam: {type: File, "sbg:fileTypes": "BAM"}
  either: {type: ["File", {type: array, items: File}], "sbg:fileTypes": "LOG"}
  any_file: File
  optional_vcf: {type: "File?", "sbg:fileTypes": "VCF.GZ"}
  mode: {type: {type: enum, symbols: [fast, full]}}
  threads: int?
outputs: []
`;

const BAM_1 = { fileId: '6a1e00000000000000000001', name: 'S01.aligned_bam.bam' };
const BAM_2 = { fileId: '6a1e00000000000000000002', name: 'S02.aligned_bam.BAM' };
const LOG = { fileId: '6a1e00000000000000000003', name: 'S01.log.log' };
const VCF = { fileId: '6a1e00000000000000000004', name: 'calls.vcf.gz' };

const object = (file: { fileId: string; name: string }) => ({ class: 'File', path: file.fileId, name: file.name });

describe('New Task File from Outputs', () => {
  const model = parseAppText(APP);

  test('inputs whose file types fit take the files: a list all of them, a File the first, File|File[] one as a File', () => {
    assert.deepEqual(prefillFromFiles(model, [BAM_1, BAM_2, LOG, VCF]), {
      alignments: [object(BAM_1), object(BAM_2)],
      one_bam: object(BAM_1),
      either: object(LOG),
      optional_vcf: object(VCF),
    });
  });

  test('File|File[] takes several fitting files as a list; inputs without file types and without a fitting file take nothing', () => {
    const log2 = { fileId: '6a1e00000000000000000005', name: 'S02.log.log' };
    assert.deepEqual(prefillFromFiles(model, [LOG, log2]), { either: [object(LOG), object(log2)] });
    assert.deepEqual(prefillFromFiles(model, [{ fileId: '6a1e00000000000000000006', name: 'notes.txt' }]), {}, 'nothing fits a .txt');
  });

  test('the task file: prefilled inputs (optional ones too) in port order, the other required inputs as placeholders', () => {
    const prefilled = prefillFromFiles(model, [BAM_1, VCF]);
    const body = JSON.parse(taskSkeleton({ project: 'alice/rna-seq', appId: 'alice/rna-seq/counts/0', model, prefilled }));
    assert.deepEqual(body, {
      name: 'Counts',
      project: 'alice/rna-seq',
      app: 'alice/rna-seq/counts/0',
      inputs: {
        alignments: [object(BAM_1)],
        reference: { class: 'File', path: '' },
        one_bam: object(BAM_1),
        either: { class: 'File', path: '' },
        any_file: { class: 'File', path: '' },
        optional_vcf: object(VCF),
        mode: 'fast',
      },
    });
    assert.deepEqual(Object.keys(body.inputs), ['alignments', 'reference', 'one_bam', 'either', 'any_file', 'optional_vcf', 'mode'], 'in the order the app declares them');
  });
});
