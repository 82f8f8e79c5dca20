/**
 * `star-align`: an sbg:draft-2 workflow (JSON) written for the emulator, with three revisions that
 * add ports over time. Exercises File[] with app-level batching, a required File, an enum, an int,
 * a boolean, optional and required ports and a record.
 */
export function starAlignRevision(revision: 0 | 1 | 2, referenceFileId: string): Record<string, unknown> {
  const inputs: Record<string, unknown>[] = [
    {
      id: '#reads',
      label: 'Reads',
      description: 'FASTQ reads of one or more samples.',
      type: [{ type: 'array', items: 'File' }],
      'sbg:fileTypes': 'FASTQ, FASTQ.GZ, FQ, FQ.GZ',
      'sbg:category': 'Inputs',
    },
    {
      id: '#genome_fasta',
      label: 'Reference genome',
      type: ['File'],
      'sbg:fileTypes': 'FA, FASTA',
      'sbg:suggestedValue': { class: 'File', path: referenceFileId, name: 'GRCh38.primary_assembly.fa' },
    },
    { id: '#annotation', label: 'Gene annotation', type: ['null', 'File'], 'sbg:fileTypes': 'GTF, GFF3' },
    { id: '#threads', label: 'Threads', type: ['null', 'int'], 'sbg:toolDefaultValue': '8', 'sbg:category': 'Execution' },
  ];
  if (revision >= 1) {
    inputs.push({
      id: '#out_sam_type',
      label: 'Output format',
      type: ['null', { type: 'enum', name: 'out_sam_type', symbols: ['BAM_Unsorted', 'BAM_SortedByCoordinate', 'SAM'] }],
      'sbg:toolDefaultValue': 'BAM_SortedByCoordinate',
    });
  }
  if (revision >= 2) {
    inputs.push(
      { id: '#two_pass', label: 'Two-pass mode', type: ['boolean'], description: 'Run the splice-junction discovery twice.' },
      {
        id: '#read_group',
        label: 'Read group',
        type: [
          'null',
          {
            type: 'record',
            name: 'read_group',
            fields: [
              { name: 'sample', type: 'string' },
              { name: 'library', type: ['null', 'string'] },
              { name: 'platform', type: ['null', { type: 'enum', name: 'platform', symbols: ['ILLUMINA', 'PACBIO', 'ONT'] }] },
            ],
          },
        ],
      },
    );
  }
  return {
    cwlVersion: 'sbg:draft-2',
    class: 'Workflow',
    label: 'STAR align (emulator)',
    description: 'Aligns RNA-seq reads with STAR and sorts the result.',
    'sbg:appVersion': ['sbg:draft-2'],
    'sbg:revision': revision,
    'sbg:batchInput': '#reads',
    'sbg:batchBy': { type: 'criteria', criteria: ['metadata.sample_id'] },
    inputs,
    outputs: [
      // File types name the outputs' extensions (S01.aligned_bam.bam), so BAM inputs of other apps take them.
      { id: '#aligned_bam', type: ['null', 'File'], source: ['#sort.sorted'], 'sbg:fileTypes': 'BAM' },
      { id: '#log', type: ['null', 'File'], source: ['#star.log'], 'sbg:fileTypes': 'LOG' },
    ],
    steps: [
      { id: '#star', run: { class: 'CommandLineTool', baseCommand: ['STAR'] }, inputs: [], outputs: [{ id: '#star.bam' }, { id: '#star.log' }] },
      { id: '#sort', run: { class: 'CommandLineTool', baseCommand: ['samtools', 'sort'] }, inputs: [], outputs: [{ id: '#sort.sorted' }] },
    ],
  };
}
