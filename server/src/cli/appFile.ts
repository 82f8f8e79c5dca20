/**
 * A local app file named on the command line (`--app-file`, `sbg-task inputs`): `FILE`, or
 * `FILE#ID` for one process of a packed document (`$graph`), as cwltool reads it. Read, parsed,
 * its references to other files resolved, and turned into the port model here; every failure is
 * one message that says what to fix.
 */
import { promises as fs } from 'node:fs';
import { AmbiguousProcessError, parseApp } from '../service/cwl/parseApp';
import type { AppModel } from '../service/cwl/model';
import { parseAppDocument } from '../service/cwl/parseAppText';
import { readText } from './readText';
import { resolveReferences } from './appReferences';

export type AppFileResult = { kind: 'ready'; model: AppModel; file: string } | { kind: 'error'; message: string };

export async function readAppFile(spec: string): Promise<AppFileResult> {
  const { file, processId } = await splitProcessId(spec);
  const read = await readText(file);
  if (read.kind === 'error') return read;
  try {
    if (read.text.trim() === '') throw new Error('the app file is empty; expected a CWL document in JSON or YAML');
    // Files the app refers to ($import, $include, $mixin) are read here, relative to the app file.
    const { document, unresolved } = await resolveReferences(parseAppDocument(read.text), file);
    return { kind: 'ready', model: parseApp(document, { processId, unresolved }), file };
  } catch (error) {
    let message = `${file} is not an app this tool can read: ${(error as Error).message}`;
    if (error instanceof AmbiguousProcessError && error.ids.length > 0) {
      message += ` (write ${file}#ID, such as ${file}#${error.ids[0]})`;
    }
    return { kind: 'error', message };
  }
}

/** `dir/app.cwl#tool` is the file `dir/app.cwl` and the process `tool`, unless a file has that whole name. */
async function splitProcessId(spec: string): Promise<{ file: string; processId?: string }> {
  const hash = spec.lastIndexOf('#');
  if (hash <= 0 || hash === spec.length - 1) return { file: spec };
  const exists = await fs.stat(spec).then(() => true, () => false);
  return exists ? { file: spec } : { file: spec.slice(0, hash), processId: spec.slice(hash + 1) };
}
