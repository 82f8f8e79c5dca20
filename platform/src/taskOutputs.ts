/**
 * A completed task's outputs as files: every File (or File[] item) of `task.outputs`, described
 * by one bulk file get per 100 files (POST /bulk/files/get) instead of a GET per file. Shared by
 * the Tasks view's output rows and `sbg-task outputs` / `sbg-task download`.
 */
import type { SbgClient } from './client';
import type { PlatformFile, Task } from './types';

export interface OutputFile {
  outputId: string;
  /** Position within a File[] output; undefined for a single File. */
  index?: number;
  fileId: string;
  name: string;
  size?: number;
  /** The file's extension as its type ("bam", "vcf.gz"), or "file". */
  fileType: string;
  /** The platform's file record, once read. */
  file?: PlatformFile;
}

/** The File values of a task's outputs, in output order, without reading anything. */
export function outputFileRefs(task: Pick<Task, 'outputs'>): OutputFile[] {
  const refs: OutputFile[] = [];
  for (const [outputId, value] of Object.entries(task.outputs ?? {})) {
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, index) => {
      const file = item as { class?: unknown; path?: unknown; name?: unknown; size?: unknown } | null;
      if (!file || typeof file !== 'object' || file.class !== 'File' || typeof file.path !== 'string') return;
      const name = typeof file.name === 'string' ? file.name : file.path;
      refs.push({ outputId, index: Array.isArray(value) ? index : undefined, fileId: file.path, name, size: typeof file.size === 'number' ? file.size : undefined, fileType: fileTypeOf(name) });
    });
  }
  return refs;
}

/** "sample.sorted.bam" → "bam"; "calls.vcf.gz" → "vcf.gz"; no extension → "file". */
export function fileTypeOf(name: string): string {
  const match = /\.((?:[a-z0-9]+\.)?(?:gz|bz2|zip))$/i.exec(name) ?? /\.([a-z0-9]+)$/i.exec(name);
  return match ? match[1].toLowerCase() : 'file';
}

/** Reads the files of the outputs (bulk, ≤100 ids a request), skipping ids already in `known`. */
export async function describeOutputs(client: Pick<SbgClient, 'bulkGetFiles'>, refs: OutputFile[], known: Map<string, PlatformFile> = new Map(), signal?: AbortSignal): Promise<OutputFile[]> {
  const missing = [...new Set(refs.map((ref) => ref.fileId).filter((id) => !known.has(id)))];
  if (missing.length > 0) {
    const records = await client.bulkGetFiles(missing, { signal, fields: 'id,name,size,type,project' });
    for (const record of records) if (record.resource) known.set(record.resource.id, record.resource);
  }
  return refs.map((ref) => {
    const file = known.get(ref.fileId);
    return file ? { ...ref, file, name: file.name ?? ref.name, size: file.size ?? ref.size, fileType: fileTypeOf(file.name ?? ref.name) } : ref;
  });
}

/** Distinct local names for the files (a second "out.txt" becomes "out (2).txt"). */
export function localNames(files: readonly OutputFile[]): string[] {
  const used = new Set<string>();
  return files.map((file) => {
    const safe = file.name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_') || file.fileId;
    let candidate = safe;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = safe.replace(/^([^.]*)(.*)$/, `$1 (${n})$2`);
    used.add(candidate.toLowerCase());
    return candidate;
  });
}
