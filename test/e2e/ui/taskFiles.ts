/**
 * The task files the UI tests open, written into a fresh workspace folder: one with the typical
 * mistakes (an unknown input, a missing required input, a wrong type, half a batch pair), one
 * valid file for Create Draft Task, and a batch of six children (one per sample).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileIdOf } from '../../emulator';

export const TASK_FILES = {
  mistakes: 'mistakes.sbtask.json',
  valid: 'quantify.sbtask.json',
  batch: 'align-batch.sbtask.json',
  /** The demo's single-task file (demo/workspace), which the STAR app's default batching makes a batch. */
  demoSingle: 'align-sample-S01.sbtask.json',
} as const;

export type TaskFileName = (typeof TASK_FILES)[keyof typeof TASK_FILES];

const PROJECT = 'alice/rna-seq';
const SAMPLES = ['S01', 'S02', 'S03', 'S04', 'S05', 'S06'];

function file(project: string, name: string) {
  return { class: 'File', path: fileIdOf(project, name) };
}

function reads(samples: string[]) {
  return samples.flatMap((sample) =>
    ['L001', 'L002'].flatMap((lane) => ['1', '2'].map((read) => file(PROJECT, `${sample}_${lane}_R${read}.fastq.gz`))),
  );
}

const BODIES: Record<Exclude<TaskFileName, typeof TASK_FILES.demoSingle>, unknown> = {
  // star-align revision 2 requires reads, genome_fasta and two_pass.
  [TASK_FILES.mistakes]: {
    name: 'align with mistakes',
    project: PROJECT,
    app: `${PROJECT}/star-align/2`,
    inputs: {
      reads: [file(PROJECT, 'S01_L001_R1.fastq.gz')],
      genome_fasta: 'GRCh38.primary_assembly.fa', // a file name where a File object belongs
      threds: 8, // a misspelt port id
      // two_pass is missing
    },
    batch_input: 'reads', // without batch_by
  },
  [TASK_FILES.valid]: {
    name: 'quantify S01',
    project: PROJECT,
    app: `${PROJECT}/salmon-quant/0`,
    inputs: { index: file(PROJECT, 'salmon_index.tar.gz'), reads: reads(['S01']).slice(0, 2) },
  },
  [TASK_FILES.batch]: {
    name: 'align by sample',
    project: PROJECT,
    app: `${PROJECT}/star-align/2`,
    inputs: {
      reads: reads(SAMPLES),
      genome_fasta: file('admin/sbg-public-data', 'GRCh38.primary_assembly.fa'),
      two_pass: false,
    },
    batch_input: 'reads',
    batch_by: { type: 'criteria', criteria: ['metadata.sample_id'] },
    execution_settings: { max_parallel_instances: 2 },
  },
};

/** Children the batch file makes: one per sample. */
export const BATCH_CHILDREN = SAMPLES.length;

const DEMO_WORKSPACE = path.resolve(__dirname, '..', '..', '..', '..', 'demo', 'workspace');

export function writeTaskFiles(folder: string): void {
  fs.copyFileSync(path.join(DEMO_WORKSPACE, TASK_FILES.demoSingle), path.join(folder, TASK_FILES.demoSingle));
  for (const [name, body] of Object.entries(BODIES)) {
    fs.writeFileSync(path.join(folder, name), `${JSON.stringify(body, null, 2)}\n`);
  }
}

/** A task file as saved on disk, parsed. */
export function readTaskFile(folder: string, name: TaskFileName): { inputs: Record<string, unknown> } & Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8'));
}
