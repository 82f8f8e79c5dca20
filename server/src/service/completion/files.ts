/**
 * Files of the task's project by name, for File and Directory values: the item shows the file's
 * name and size and inserts a File object with its id (or just the id inside `"path"`). Only
 * files whose names end in one of the port's file types are offered.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { InputPort } from '../cwl/model';
import type { FileInfo } from '../providers';
import { formatSize, literalItem } from './items';
import { lookup } from './lookup';
import { stringAt, type CompletionRequest } from './request';

export type FileClass = 'File' | 'Directory';

/** `object`: insert `{"class": ..., "path": id, "name": ...}`; `id`: insert the id string. */
export type FileInsert = 'object' | 'id';

export function hasFileType(name: string, fileTypes: readonly string[] | undefined): boolean {
  if (!fileTypes || fileTypes.length === 0) return true;
  const upper = name.toUpperCase();
  return fileTypes.some((type) => {
    const suffix = type.trim().replace(/^\./, '').toUpperCase();
    return suffix !== '' && upper.endsWith(`.${suffix}`);
  });
}

function fits(file: FileInfo, fileClass: FileClass, port: InputPort): boolean {
  if (typeof file?.id !== 'string' || typeof file.name !== 'string') return false;
  if (fileClass === 'Directory') return file.type === 'folder';
  return file.type !== 'folder' && hasFileType(file.name, port.fileTypes);
}

export async function fileCompletions(request: CompletionRequest, port: InputPort, fileClass: FileClass, insert: FileInsert): Promise<CompletionItem[]> {
  const projectId = stringAt(request, ['project']);
  const { data, signal } = request;
  if (!projectId || !data.listFiles) return [];
  const nameFilter = request.site.prefix;
  const files = await lookup(() => data.listFiles!(projectId, nameFilter, signal), signal);
  return files
    .filter((file) => fits(file, fileClass, port))
    .map((file) => {
      const size = typeof file.size === 'number' ? formatSize(file.size) : undefined;
      const value = insert === 'id' ? file.id : { class: fileClass, path: file.id, name: file.name };
      return literalItem(request.site, file.name, value, {
        kind: fileClass === 'Directory' ? CompletionItemKind.Folder : CompletionItemKind.File,
        detail: size ? `${size} · ${file.id}` : file.id,
        filterText: file.name,
      });
    });
}
