/**
 * Files by name for File and Directory values: the item shows the file's type, size and project
 * and inserts a File object with its id (or, inside `"path"`, the id, plus `"name"` when the
 * object has none). Only files whose names end in one of the port's file types are offered,
 * from the task's project first, then the platform's public reference files (docs/PLATFORM.md#projects-and-files:
 * `admin/sbg-public-data`), then, once a name is typed, the user's other projects. When nothing
 * fits, one item says so.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { InputPort } from '../cwl/model';
import type { FileInfo } from '../providers';
import { formatSize } from '../formatSize';
import { literalItem, orderKey, valueItem } from './items';
import { lookup } from './lookup';
import { jsonSnippet } from './snippet';
import { presentKeys, stringAt, type CompletionRequest } from './request';

export type FileClass = 'File' | 'Directory';

/** `object`: insert `{"class": ..., "path": id, "name": ...}`; `id`: insert the id string. */
export type FileInsert = 'object' | 'id';

/** Where the platform keeps its public reference files, readable by every task (docs/PLATFORM.md#projects-and-files). */
export const PUBLIC_FILES_PROJECT = 'admin/sbg-public-data';

/** Other projects searched once a name is typed; more would cost a request each per keystroke. */
const MAX_OTHER_PROJECTS = 8;

/** The port's file type the name ends in ("FA", "FASTQ.GZ"); undefined when none (or the port names none). */
export function fileTypeOf(name: string, fileTypes: readonly string[] | undefined): string | undefined {
  const upper = name.toUpperCase();
  let best: string | undefined;
  for (const type of fileTypes ?? []) {
    const suffix = type.trim().replace(/^\./, '').toUpperCase();
    if (suffix !== '' && upper.endsWith(`.${suffix}`) && (!best || suffix.length > best.length)) best = suffix;
  }
  return best;
}

export function hasFileType(name: string, fileTypes: readonly string[] | undefined): boolean {
  return !fileTypes || fileTypes.length === 0 || fileTypeOf(name, fileTypes) !== undefined;
}

function fits(file: FileInfo, fileClass: FileClass, port: InputPort): boolean {
  if (typeof file?.id !== 'string' || typeof file.name !== 'string') return false;
  // File types compare case-insensitively (FILE/FOLDER, docs/PLATFORM.md#projects-and-files).
  const isFolder = typeof file.type === 'string' && file.type.toLowerCase() === 'folder';
  if (fileClass === 'Directory') return isFolder;
  return !isFolder && hasFileType(file.name, port.fileTypes);
}

export async function fileCompletions(request: CompletionRequest, port: InputPort, fileClass: FileClass, insert: FileInsert): Promise<CompletionItem[]> {
  const projectId = stringAt(request, ['project']);
  const { data, signal } = request;
  if (!projectId || !data.listFiles) return [];
  const nameFilter = request.site.prefix;
  const projects = [projectId];
  if (projectId !== PUBLIC_FILES_PROJECT) projects.push(PUBLIC_FILES_PROJECT);
  if (nameFilter && data.listProjects) {
    const mine = await lookup(() => data.listProjects!(signal), signal);
    for (const project of mine) {
      if (projects.length >= 2 + MAX_OTHER_PROJECTS) break;
      if (typeof project?.id === 'string' && !projects.includes(project.id)) projects.push(project.id);
    }
  }
  const listed = await Promise.all(projects.map((project) => lookup(() => data.listFiles!(project, nameFilter, signal), signal)));
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  listed.forEach((files, rank) => {
    for (const file of files) {
      if (!fits(file, fileClass, port) || seen.has(file.id)) continue;
      seen.add(file.id);
      items.push(fileItem(request, file, projects[rank], projectId, port, fileClass, insert, rank));
    }
  });
  if (items.length === 0) items.push(nothingFits(request, port, fileClass, projectId));
  return items;
}

function fileItem(request: CompletionRequest, file: FileInfo, project: string, taskProject: string, port: InputPort, fileClass: FileClass, insert: FileInsert, rank: number): CompletionItem {
  const size = typeof file.size === 'number' ? formatSize(file.size) : undefined;
  const where = project === taskProject ? undefined : project === PUBLIC_FILES_PROJECT ? `${project} (public reference files)` : project;
  const detail = [fileTypeOf(file.name, port.fileTypes), size, where, file.id].filter(Boolean).join(' · ');
  const options = {
    kind: fileClass === 'Directory' ? CompletionItemKind.Folder : CompletionItemKind.File,
    detail,
    filterText: file.name,
    sortText: `${orderKey(rank)}${file.name}`,
  };
  if (insert === 'object') return literalItem(request.site, file.name, { class: fileClass, path: file.id, name: file.name }, options);
  // Inside "path": the name goes beside the id when the object has none, as a whole object would carry it.
  const objectPath = request.site.path.slice(0, -1);
  const withName = !presentKeys(request, objectPath).has('name');
  const snippet = withName ? `${jsonSnippet(file.id)}, "name": ${jsonSnippet(file.name)}` : jsonSnippet(file.id);
  return valueItem(request.site, file.name, snippet, options);
}

/** "no FA or FASTA files in alice/rna-seq; type a name to search all projects". */
function nothingFits(request: CompletionRequest, port: InputPort, fileClass: FileClass, projectId: string): CompletionItem {
  const what = fileClass === 'Directory' ? 'folders' : port.fileTypes?.length ? `${port.fileTypes.join(' or ')} files` : 'files';
  const named = request.site.prefix ? ` named like "${request.site.prefix}"` : '';
  const label = request.site.prefix
    ? `no ${what}${named} in ${projectId}, the public reference files or your other projects`
    : `no ${what} in ${projectId} or the public reference files; type a name to search all projects`;
  // Choosing it changes nothing: it is there to be read.
  return { label, kind: CompletionItemKind.Text, textEdit: { range: request.site.range, newText: request.document.getText(request.site.range) }, filterText: request.document.getText(request.site.range) || label, sortText: orderKey(0) };
}
