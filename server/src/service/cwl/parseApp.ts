/**
 * The entry point of the CWL reader: raw CWL (sbg:draft-2 or v1.x, JSON or YAML, or an app as the
 * API returns it) in, the input-port model out. Pure: no file system, no network. Reading the text
 * of an app file (JSON or YAML) is in parseAppText.ts, so that code that has the parsed document
 * (the VS Code client) does not bundle a YAML parser.
 */
import type { AppModel } from './model';
import { readApp, type ReadAppOptions } from './app';

export { AppParseError } from './appParseError';
export { AmbiguousProcessError } from './packedProcess';
export { typeToString } from './typeNotation';
export { portsToJson, type PortJson } from './portsJson';

/** A parsed CWL document, or an API app object `{id, revision, raw: {...}}`. */
export function parseApp(raw: unknown, options: ReadAppOptions = {}): AppModel {
  return readApp(raw, options);
}
