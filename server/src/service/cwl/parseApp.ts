/**
 * The entry point of the CWL reader: raw CWL (sbg:draft-2 or v1.x, JSON or YAML, or an app as the
 * API returns it) in, the input-port model out. Pure: no file system, no network.
 */
import { parseDocument } from 'yaml';
import type { AppModel } from './model';
import { AppParseError } from './appParseError';
import { readApp } from './app';

export { AppParseError } from './appParseError';
export { typeToString } from './typeNotation';
export { portsToJson, type PortJson } from './portsJson';

/** A parsed CWL document, or an API app object `{id, revision, raw: {...}}`. */
export function parseApp(raw: unknown): AppModel {
  return readApp(raw);
}

/**
 * The text of an app file. JSON is read as JSON; anything else as YAML 1.2 with the core schema,
 * so `off`, `yes` and `no` stay strings as CWL means them (YAML 1.1 would make them booleans).
 */
export function parseAppText(text: string): AppModel {
  if (text.trim() === '') {
    throw new AppParseError('the app file is empty; expected a CWL document in JSON or YAML');
  }
  return readApp(parseJsonOrYaml(text));
}

function parseJsonOrYaml(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: YAML (a superset of JSON) reports where the text goes wrong.
  }
  const document = parseDocument(text, { version: '1.2', schema: 'core' });
  if (document.errors.length > 0) {
    throw new AppParseError(`the app file is neither JSON nor valid YAML: ${document.errors[0].message}`);
  }
  return document.toJS({ maxAliasCount: 1000 });
}
