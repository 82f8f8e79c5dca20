/**
 * What the output rows show of each file (name, size, project), read with bulk file gets and kept:
 * files do not change once a task made them. Opening one completed row also reads the files of
 * the rows beside it (the children on the same page of its status group), ≤100 ids a request, so
 * opening the outputs of a 1,000-child batch's children costs about one request per 100 files,
 * not one per child. A file the platform cannot give is remembered with its error (the view
 * refreshes on every poll and must not ask again each time); a failed request is forgotten after
 * RETRY_AFTER_MS so a later refresh tries again.
 */
import { BULK_LIMIT, type SbgClient } from '../../../platform/src/client';
import { fileTypeOf, outputFileRefs, type OutputFile } from '../../../platform/src/taskOutputs';
import type { PlatformFile, Task } from '../../../platform/src/types';

export type FileReader = Pick<SbgClient, 'bulkGetFiles'>;

/** What a bulk file get asks for: enough for a row, its tooltip and its web page. */
const FILE_FIELDS = 'id,name,size,type,project';
const RETRY_AFTER_MS = 60_000;

export interface DescribedOutputs {
  files: OutputFile[];
  /** Why some files could not be read (the platform's message), when any could not. */
  problem?: string;
}

export class OutputCatalog {
  private readonly known = new Map<string, PlatformFile>();
  private readonly unreadable = new Map<string, string>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly failedRequests = new Map<string, { message: string; at: number }>();
  /** The client the known files were read with: another one (signed in elsewhere) starts afresh. */
  private readerInUse: FileReader | undefined;

  constructor(
    private readonly reader: () => FileReader | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** The task's output files, described; reads what is not known yet, with the files of `neighbours`. */
  async describe(task: Task, neighbours: readonly Task[] = []): Promise<DescribedOutputs> {
    const reader = this.reader();
    if (reader !== this.readerInUse) {
      this.clear();
      this.readerInUse = reader;
    }
    const refs = outputFileRefs(task);
    const own = unique(refs.map((ref) => ref.fileId));
    const toRead = own.filter((id) => this.needsRead(id));
    if (toRead.length > 0) {
      const wanted = new Set(toRead);
      const extra = neighbours
        .filter((neighbour) => neighbour.id !== task.id)
        .flatMap((neighbour) => outputFileRefs(neighbour).map((ref) => ref.fileId))
        .filter((id) => !wanted.has(id) && this.needsRead(id));
      const ids = [...toRead, ...unique(extra)];
      for (let start = 0; start < ids.length; start += BULK_LIMIT) this.read(reader, ids.slice(start, start + BULK_LIMIT));
    }
    await Promise.all(own.map((id) => this.pending.get(id)));
    const problems = new Set<string>();
    const files = refs.map((ref) => {
      const file = this.known.get(ref.fileId);
      const failure = this.unreadable.get(ref.fileId) ?? this.failedRequests.get(ref.fileId)?.message;
      if (failure) problems.add(failure);
      if (!file) return ref;
      const name = file.name ?? ref.name;
      return { ...ref, file, name, size: file.size ?? ref.size, fileType: fileTypeOf(name) };
    });
    return { files, problem: problems.size > 0 ? [...problems].join('; ') : undefined };
  }

  /** Forgets everything (signed in elsewhere: other files, other permissions). */
  clear(): void {
    this.pending.clear();
    this.known.clear();
    this.unreadable.clear();
    this.failedRequests.clear();
  }

  private needsRead(id: string): boolean {
    if (this.known.has(id) || this.unreadable.has(id) || this.pending.has(id)) return false;
    const failed = this.failedRequests.get(id);
    return !failed || this.now() - failed.at >= RETRY_AFTER_MS;
  }

  private read(reader: FileReader | undefined, ids: string[]): void {
    const promise = (async () => {
      if (!reader) throw new Error('Sign in to read the output files.');
      const records = await reader.bulkGetFiles(ids, { fields: FILE_FIELDS });
      const answered = new Set<string>();
      for (const record of records) {
        const id = record.resource?.id;
        if (record.resource && id) {
          this.known.set(id, record.resource);
          answered.add(id);
        }
      }
      for (const [index, record] of records.entries()) {
        const id = ids[index];
        if (!record.resource && id && !answered.has(id)) this.unreadable.set(id, record.error?.message ?? `file ${id} could not be read`);
      }
    })().then(
      () => {
        for (const id of ids) this.failedRequests.delete(id);
      },
      (error: Error) => {
        for (const id of ids) this.failedRequests.set(id, { message: error.message, at: this.now() });
      },
    );
    const settled = promise.finally(() => {
      for (const id of ids) if (this.pending.get(id) === settled) this.pending.delete(id);
    });
    for (const id of ids) this.pending.set(id, settled);
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
