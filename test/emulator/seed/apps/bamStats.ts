/**
 * `bam-stats`: a CWL v1.2 tool with map-form inputs. Exercises File|File[] unions, Directory,
 * an int default, an optional string[] and a required enum.
 */
export const BAM_STATS: Record<string, unknown> = {
  cwlVersion: 'v1.2',
  class: 'CommandLineTool',
  label: 'BAM statistics (emulator)',
  baseCommand: ['samtools', 'stats'],
  inputs: {
    bams: { type: ['File', { type: 'array', items: 'File' }], label: 'Alignments', 'sbg:fileTypes': 'BAM, CRAM' },
    reference_dir: { type: 'Directory?', label: 'Reference folder' },
    min_mapq: { type: 'int', default: 20 },
    regions: 'string[]?',
    mode: { type: { type: 'enum', symbols: ['fast', 'full'] }, label: 'Mode' },
  },
  outputs: { stats: { type: 'File', outputBinding: { glob: '*.stats' } } },
};
