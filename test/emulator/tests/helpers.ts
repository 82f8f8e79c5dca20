/** Small helpers for the emulator's own tests: real HTTP with fetch against 127.0.0.1. */
import type { Emulator } from '../index';
import { fileIdOf } from '../seed/fileIds';

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

export async function call(emulator: Emulator, method: string, path: string, body?: unknown, token = emulator.token): Promise<Answer> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { 'X-SBG-Auth-Token': token, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export function fileRef(project: string, name: string): { class: 'File'; path: string; name: string } {
  return { class: 'File', path: fileIdOf(project, name), name };
}

/** The 24 seeded FASTQ files of alice/rna-seq as File objects. */
export function rnaSeqReads(): { class: 'File'; path: string; name: string }[] {
  const reads = [];
  for (let s = 1; s <= 6; s++) {
    for (const lane of ['L001', 'L002']) {
      for (const read of ['1', '2']) reads.push(fileRef('alice/rna-seq', `S0${s}_${lane}_R${read}.fastq.gz`));
    }
  }
  return reads;
}

export const REFERENCE = fileRef('admin/sbg-public-data', 'GRCh38.primary_assembly.fa');

/** A star-align body with every required input, batching by the given rule. */
export function starAlignBody(batchBy: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    project: 'alice/rna-seq',
    app: 'alice/rna-seq/star-align/2',
    name: 'align',
    inputs: { reads: rnaSeqReads(), genome_fasta: REFERENCE, two_pass: false },
    batch_input: 'reads',
    batch_by: batchBy,
    ...extra,
  };
}

export async function allChildren(emulator: Emulator, parentId: string): Promise<any[]> {
  const answer = await call(emulator, 'GET', `/tasks?parent=${parentId}&limit=100&fields=_all`);
  return answer.body.items;
}
