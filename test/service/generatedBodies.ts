/**
 * Task bodies made up from an app's ports, for the fuzz test and the benchmark: every value
 * well formed for its port's type, so mutations start from a body the service fully walks.
 */
import type { AppModel, PortType } from '../../server/src/service/cwl/model';

export type Random = () => number;

/** mulberry32: a small seeded PRNG, so a failing fuzz case can be replayed from its seed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A 24-hex-digit file id, distinct for each n. */
export function fileId(n: number): string {
  return (0x5e1f0c2b6a3c + 0).toString(16) + n.toString(16).padStart(12, '0');
}

export function fileObject(n: number, name = `sample_${String(n).padStart(5, '0')}_R1.fastq.gz`) {
  return { class: 'File', path: fileId(n), name };
}

/** A value of `type`; arrays get one to three items. */
export function sampleValue(type: PortType, random: Random, counter = { n: 0 }): unknown {
  switch (type.kind) {
    case 'File':
      return fileObject(counter.n++);
    case 'Directory':
      return { class: 'Directory', path: fileId(counter.n++) };
    case 'string':
      return `text-${Math.floor(random() * 1000)}`;
    case 'int':
    case 'long':
      return Math.floor(random() * 100);
    case 'float':
    case 'double':
      return Math.round(random() * 1000) / 10;
    case 'boolean':
      return random() < 0.5;
    case 'enum':
      return type.symbols.length ? pick(random, type.symbols) : 'x';
    case 'array':
      return Array.from({ length: 1 + Math.floor(random() * 3) }, () => sampleValue(type.items, random, counter));
    case 'record':
      return Object.fromEntries(type.fields.map((f) => [f.id, sampleValue(f.type, random, counter)]));
    case 'union':
      return type.members.length ? sampleValue(pick(random, type.members), random, counter) : null;
    case 'any':
      return null;
  }
}

/** A full body for `app`: every required input and some optional ones, with common body keys. */
export function generateBody(app: AppModel, random: Random): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const port of app.inputs) {
    if (port.required || random() < 0.5) inputs[port.id] = sampleValue(port.type, random);
  }
  const body: Record<string, unknown> = {
    name: 'generated task',
    project: 'rfranklin/fuzz-project',
    app: app.id ?? 'rfranklin/fuzz-project/app/1',
    inputs,
  };
  const fileArray = app.inputs.find((p) => p.type.kind === 'array' && p.type.items.kind === 'File');
  if (fileArray && random() < 0.5) {
    body.batch_input = fileArray.id;
    body.batch_by = random() < 0.5 ? { type: 'item' } : { type: 'criteria', criteria: ['metadata.sample_id'] };
  }
  if (random() < 0.5) body.execution_settings = { instance_type: 'c5.2xlarge;ebs-gp2;1024', max_parallel_instances: 2 };
  return body;
}

/** The app of the benchmark's batch task: a File[] batch input beside a few scalar ports. */
export function batchApp(): AppModel {
  return {
    id: 'rfranklin/bench/aligner/3',
    cwlVersion: 'v1.0',
    class: 'Workflow',
    inputs: [
      { id: 'reads', type: { kind: 'array', items: { kind: 'File' } }, required: true, fileTypes: ['FASTQ', 'FASTQ.GZ'], label: 'Reads' },
      { id: 'reference', type: { kind: 'File' }, required: true, fileTypes: ['FA', 'FASTA'] },
      { id: 'threads', type: { kind: 'int' }, required: false, default: 8 },
      { id: 'mode', type: { kind: 'enum', symbols: ['fast', 'sensitive'] }, required: false },
      { id: 'trim', type: { kind: 'boolean' }, required: false },
    ],
    batchInput: 'reads',
  };
}

export interface BatchBodyOptions {
  project?: string;
  app?: string;
  /** The id of file n (0: the reference, 1...: the reads); default `fileId(n)`. */
  idOf?: (n: number) => string;
}

/** A batch body with `fileCount` FASTQ files on `reads`, formatted as an editor writes it. */
export function batchBodyText(fileCount: number, options: BatchBodyOptions = {}): string {
  const file = (n: number, name?: string) => ({ ...fileObject(n, name), ...(options.idOf ? { path: options.idOf(n) } : {}) });
  const body = {
    name: 'Batch alignment',
    project: options.project ?? 'rfranklin/bench',
    app: options.app ?? 'rfranklin/bench/aligner/3',
    inputs: {
      reads: Array.from({ length: fileCount }, (_, i) => file(i + 1)),
      reference: file(0, 'human_g1k_v37.fasta'),
      threads: 8,
      mode: 'fast',
      trim: true,
    },
    batch_input: 'reads',
    batch_by: { type: 'criteria', criteria: ['metadata.sample_id'] },
    execution_settings: { instance_type: 'c5.4xlarge;ebs-gp2;512', max_parallel_instances: 4 },
  };
  return JSON.stringify(body, null, 2);
}
