/**
 * The live facts a task file's diagnostics can use: does the project exist, does each file id
 * name a readable file. Files are looked up by id in bulk, never by listing the task's project:
 * inputs often come from other projects, such as public reference data.
 */
import type { FileFacts, FileInfo } from '../service';
import { isFolder, type PlatformFile } from '../../../platform/src/types';
import { BatchedLookup } from './batchedLookup';
import { isAbortError, toDataError, type PlatformData } from './platformData';

export interface LiveLookupsOptions {
  data: () => PlatformData | undefined;
  onDidChange: () => void;
  now?: () => number;
  log?: (message: string) => void;
}

export class LiveLookups {
  private readonly projects: BatchedLookup<boolean>;
  private readonly files: BatchedLookup<FileInfo | null>;

  constructor(private readonly options: LiveLookupsOptions) {
    this.projects = new BatchedLookup((ids) => this.fetchProjects(ids), options.onDidChange, options.now, options.log);
    this.files = new BatchedLookup((ids) => this.fetchFiles(ids), options.onDidChange, options.now, options.log);
  }

  /** true: exists; false: the platform said it does not (or is not readable); undefined: not known yet. */
  projectExists(projectId: string): boolean | undefined {
    return this.projects.get(projectId);
  }

  /** The file; null when the platform said it does not exist or is not readable; undefined: not known yet. */
  fileInfo(fileId: string): FileInfo | null | undefined {
    return this.files.get(fileId);
  }

  /** Goes up whenever a file's answer changes (answers arrived, or all were forgotten). */
  get fileAnswersVersion(): number {
    return this.files.changes;
  }

  /**
   * Facts over the files known so far, read again only when answers arrived: when every known
   * file carries a batch's criteria, its metadata check asks no file.
   */
  fileFacts(): FileFacts {
    if (this.facts?.at !== this.files.changes) this.facts = { at: this.files.changes, facts: factsOf([...this.files.answers()]) };
    return this.facts.facts;
  }

  private facts: { at: number; facts: FileFacts } | undefined;

  /** Looks up whatever is not known yet and waits for the answers. */
  async ensure(projectIds: Iterable<string>, fileIds: Iterable<string>): Promise<void> {
    await Promise.all([this.projects.ensure(projectIds), this.files.ensure(fileIds)]);
  }

  clear(): void {
    this.projects.clear();
    this.files.clear();
  }

  private async fetchProjects(ids: string[]): Promise<Map<string, boolean>> {
    const data = this.options.data();
    const answers = new Map<string, boolean>();
    if (!data) return answers;
    await Promise.all(ids.map(async (id) => {
      try {
        await data.getProject(id);
        answers.set(id, true);
      } catch (error) {
        if (!isAbortError(error) && toDataError(error).isNotFound) answers.set(id, false);
      }
    }));
    return answers;
  }

  private async fetchFiles(ids: string[]): Promise<Map<string, FileInfo | null>> {
    const data = this.options.data();
    const answers = new Map<string, FileInfo | null>();
    if (!data) return answers;
    const records = await data.bulkGetFiles(ids);
    ids.forEach((id, index) => {
      const record = records[index];
      if (record?.resource) answers.set(id, toFileInfo(record.resource));
      else if (record?.error && (record.error.status === 404 || record.error.status === 403)) answers.set(id, null);
    });
    return answers;
  }
}

function factsOf(answers: (FileInfo | null)[]): FileFacts {
  const lacking = new Map<string, boolean>();
  return {
    anyLacking(field: string): boolean {
      let answer = lacking.get(field);
      if (answer === undefined) {
        answer = answers.some((info) => {
          const value = info?.metadata?.[field];
          return info !== null && (value === undefined || value === null || value === '');
        });
        lacking.set(field, answer);
      }
      return answer;
    },
  };
}

export function toFileInfo(file: PlatformFile): FileInfo {
  // `type` comes as FILE/FOLDER or file/folder (docs/PLATFORM.md#projects-and-files); the service compares lower case.
  return { id: file.id, name: file.name, size: file.size, project: file.project, type: isFolder(file) ? 'folder' : 'file', metadata: file.metadata };
}
