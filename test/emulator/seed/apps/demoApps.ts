/** Extra apps for the demo seed: a CWL v1.0 JSON tool, a v1.2 workflow with item batching, a draft-2 tool. */
export const FASTQC: Record<string, unknown> = {
  cwlVersion: 'v1.0',
  class: 'CommandLineTool',
  label: 'FastQC (emulator)',
  baseCommand: ['fastqc'],
  inputs: [
    { id: 'fastq', type: 'File', 'sbg:fileTypes': 'FASTQ, FASTQ.GZ, FQ, FQ.GZ' },
    { id: 'kmers', type: 'int?', 'sbg:toolDefaultValue': '7' },
    { id: 'nogroup', type: 'boolean?' },
    { id: 'format', type: ['null', { type: 'enum', symbols: ['fastq', 'bam', 'sam'] }] },
  ],
  outputs: [{ id: 'report', type: 'File', outputBinding: { glob: '*.html' } }],
};

export const VARIANT_CALLING: Record<string, unknown> = {
  cwlVersion: 'v1.2',
  class: 'Workflow',
  label: 'Germline variant calling (emulator)',
  'sbg:batchInput': 'alignments',
  'sbg:batchBy': { type: 'item' },
  inputs: {
    alignments: { type: 'File', 'sbg:fileTypes': 'BAM' },
    reference: { type: 'File', 'sbg:fileTypes': 'FA, FASTA' },
    known_sites: { type: 'File[]?', 'sbg:fileTypes': 'VCF, VCF.GZ' },
    intervals: 'string[]?',
    emit_ref_confidence: { type: { type: 'enum', symbols: ['NONE', 'BP_RESOLUTION', 'GVCF'] }, default: 'NONE' },
    min_base_quality: { type: 'int', default: 10 },
    contamination: 'double?',
  },
  outputs: { vcf: { type: 'File', outputSource: 'call/vcf' } },
  steps: {
    markdup: { run: '#markdup', in: {}, out: ['bam'] },
    bqsr: { run: '#bqsr', in: {}, out: ['bam'] },
    call: { run: '#call', in: {}, out: ['vcf'] },
  },
};

export const SAMTOOLS_INDEX: Record<string, unknown> = {
  cwlVersion: 'sbg:draft-2',
  class: 'CommandLineTool',
  label: 'Samtools index (emulator)',
  inputs: [
    { id: '#input_bam', type: ['File'], 'sbg:fileTypes': 'BAM, CRAM', required: true },
    { id: '#csi', type: ['null', 'boolean'] },
    { id: '#min_shift', type: ['null', 'int'] },
  ],
  outputs: [{ id: '#index', type: ['null', 'File'] }],
};
