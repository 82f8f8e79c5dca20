/**
 * Reads a file the CLI was given as text. Bytes that are not UTF-8 do not stop the run: they are
 * read as U+FFFD (the diagnostics then point at them) and a note says where the first one is.
 */
import { promises as fs } from 'node:fs';

export type ReadResult = { kind: 'text'; text: string; note?: string } | { kind: 'error'; message: string };

export async function readText(file: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return { kind: 'error', message: `cannot read ${file}: ${reason}` };
  }
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  const bad = text.indexOf('\uFFFD');
  if (bad !== -1 && !isValidUtf8(bytes)) {
    return { kind: 'text', text, note: `${file} is not valid UTF-8: the bytes that are not (first at character ${bad + 1}) were read as U+FFFD; save the file as UTF-8` };
  }
  return { kind: 'text', text };
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
