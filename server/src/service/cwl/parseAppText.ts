/**
 * The text of an app file, JSON or YAML, into the input-port model.
 */
import { parseDocument } from 'yaml';
import { AppParseError } from './appParseError';
import { readApp, type ReadAppOptions } from './app';
import type { AppModel } from './model';

/**
 * The text of an app file. JSON is read as JSON; anything else as YAML 1.2 with the core schema,
 * so `off`, `yes` and `no` stay strings as CWL means them (YAML 1.1 would make them booleans).
 */
export function parseAppText(text: string, options: ReadAppOptions = {}): AppModel {
  if (text.trim() === '') {
    throw new AppParseError('the app file is empty; expected a CWL document in JSON or YAML');
  }
  return readApp(parseAppDocument(text), options);
}

/** The parsed document of an app file's text (JSON, else YAML 1.2 core), before it is read as an app. */
export function parseAppDocument(text: string): unknown {
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
