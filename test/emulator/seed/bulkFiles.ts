/**
 * Many files at once in one project (`POST /_emulator/files`, `emulator.addFiles`), for the
 * benchmarks that need a 10,000-file batch whose every file exists. Names and metadata come from
 * templates where `{n}` is the file's number (zero-padded to five digits), so each file has its
 * own name, id (derived from project and name, as for seed files) and sample.
 */
import { isoTime } from '../clock';
import type { Store } from '../store';
import { fileIdOf, rootFolderOf } from './fileIds';

export interface BulkFilesRequest {
  project: string;
  count: number;
  /** Name template; default `file_{n}.fastq.gz`. Without `{n}` only when `count` is 1. */
  name?: string;
  /** Metadata templates; default `{sample_id: "S{n}"}`. */
  metadata?: Record<string, string>;
  /** Number of the first file; default 1. */
  first?: number;
  /** Bytes of each file; default 1,000,000. */
  size?: number;
}

/** At most this many files per call: enough for every benchmark, small enough to answer at once. */
export const MAX_BULK_FILES = 100_000;

/** Adds the files (a file whose name is taken is left as it is) and returns every id in order. */
export function addBulkFiles(store: Store, request: BulkFilesRequest, now: number): string[] {
  const { project, count } = checkRequest(store, request);
  const nameTemplate = request.name ?? 'file_{n}.fastq.gz';
  const metadataTemplate = request.metadata ?? { sample_id: 'S{n}' };
  const first = request.first ?? 1;
  const created = isoTime(now);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(first + i).padStart(5, '0');
    const name = fill(nameTemplate, n);
    const id = fileIdOf(project, name);
    ids.push(id);
    if (store.files.has(id)) continue;
    const metadata = Object.fromEntries(Object.entries(metadataTemplate).map(([key, value]) => [key, fill(value, n)]));
    store.addFile({
      id, type: 'file', name, size: request.size ?? 1_000_000, project, parent: rootFolderOf(project),
      created_on: created, modified_on: created, metadata, tags: [], origin: {},
      storage: { type: 'PLATFORM', hosted_on_locations: ['aws:us-east-1'] },
    });
  }
  return ids;
}

function fill(template: string, n: string): string {
  return template.split('{n}').join(n);
}

/** The request as typed values, or a TypeError saying which field to fix (the admin API answers 400 with it). */
function checkRequest(store: Store, request: BulkFilesRequest): { project: string; count: number } {
  const { project, count, name, metadata, first, size } = request as unknown as Record<string, unknown>;
  if (typeof project !== 'string' || !store.projects.has(project)) {
    throw new TypeError(`"project" must name an existing project (owner/name); known: ${[...store.projects.keys()].join(', ')}`);
  }
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_BULK_FILES) {
    throw new TypeError(`"count" must be a whole number from 0 to ${MAX_BULK_FILES}`);
  }
  // One file may have a fixed name; several need {n}, or they would all be the same file.
  if (name !== undefined && (typeof name !== 'string' || (count > 1 && !name.includes('{n}')))) throw new TypeError('"name" must be a string with {n} where the number goes');
  if (metadata !== undefined && (typeof metadata !== 'object' || metadata === null || Object.values(metadata).some((v) => typeof v !== 'string'))) {
    throw new TypeError('"metadata" must be an object of strings');
  }
  for (const [field, value] of [['first', first], ['size', size]] as const) {
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 0)) throw new TypeError(`"${field}" must be a whole number ≥ 0`);
  }
  return { project, count };
}
