/**
 * Id formats of the platform (docs/PLATFORM.md#ids), tested with char loops rather than regexes
 * because a batch body holds thousands of file ids.
 */

/** A file or folder id: 24 hexadecimal characters (an ObjectId). */
export function isFileId(id: string): boolean {
  return isFileIdIn(id, 0, id.length);
}

/** Whether `text` from `start` to `end` is a file id, read in place (no string cut out per file). */
export function isFileIdIn(text: string, start: number, end: number): boolean {
  if (end - start !== 24) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}

/**
 * Splits on `/` and checks each part is a name: not empty, not `.` or `..`, no white space and
 * none of `? # % \`. The wiring puts these parts in a request path, where `..` would climb out
 * of the API (`"app": "../admin/keys"`, issue 9 §1) and the others change what the URL means.
 */
function segments(id: string): string[] | undefined {
  const parts = id.split('/');
  for (const part of parts) {
    if (segmentProblem(part) !== undefined) return undefined;
  }
  return parts;
}

/** Why one `/`-separated part of an id is not a name, or undefined when it is one. */
function segmentProblem(part: string): string | undefined {
  if (part === '') return 'it has an empty part: two slashes in a row, or one at either end';
  if (part === '.' || part === '..') return `"${part}" is not a name`;
  if (/\s/.test(part)) return 'it holds white space';
  const character = /[?#%\\]/.exec(part)?.[0];
  if (character) return `"${character}" cannot be part of a name`;
  return undefined;
}

/** What makes an id's parts unusable as names, for a message; undefined when every part is a name. */
export function idPartProblem(id: string): string | undefined {
  for (const part of id.split('/')) {
    const problem = segmentProblem(part);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** `owner/project`. */
export function isProjectId(id: string): boolean {
  return segments(id)?.length === 2;
}

/** `owner/project/app[/revision]` → the id without revision and the revision; undefined when malformed. */
export function parseAppId(id: string): { id: string; revision?: number } | undefined {
  const parts = segments(id);
  if (!parts || parts.length < 3 || parts.length > 4) return undefined;
  if (parts.length === 3) return { id };
  if (!/^\d+$/.test(parts[3])) return undefined;
  return { id: parts.slice(0, 3).join('/'), revision: Number(parts[3]) };
}
