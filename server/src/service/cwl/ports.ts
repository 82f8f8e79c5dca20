/**
 * An app's own input parameters (its top-level `inputs`, never a step's) read into InputPorts.
 * Handles the list form (`[{id, type, ...}]`, draft-2 ids with `#`) and the v1.x map form
 * (`{id: type}` or `{id: {type, ...}}`).
 */
import type { InputPort } from './model';
import { AppParseError, describeValue } from './appParseError';
import { isObject, NamedTypes, readType, stripPackedPrefix } from './types';

export function readInputs(raw: unknown, named: NamedTypes): InputPort[] {
  const ports = inputEntries(raw).map(([id, parameter]) => readPort(id, parameter, named));
  const seen = new Set<string>();
  for (const port of ports) {
    if (seen.has(port.id)) {
      throw new AppParseError(`input "${port.id}" is declared twice; input ids must be unique`);
    }
    seen.add(port.id);
  }
  return ports;
}

/** Pairs of (id, parameter object) in document order, whichever form `inputs` is written in. */
function inputEntries(raw: unknown): [string, Record<string, unknown>][] {
  if (Array.isArray(raw)) {
    return raw.map((parameter, index) => {
      if (!isObject(parameter)) {
        throw new AppParseError(`inputs[${index}] is ${describeValue(parameter)}; each input must be an object with an "id" and a "type"`);
      }
      if (typeof parameter.id !== 'string' || parameter.id === '' || parameter.id === '#') {
        throw new AppParseError(`inputs[${index}] has no "id"; give each input a string id`);
      }
      return [portId(parameter.id), parameter];
    });
  }
  if (isObject(raw)) {
    // Map form: the value is the parameter object, or its type alone (`reads: File[]`).
    return Object.entries(raw).map(([id, value]) => [portId(id), isObject(value) ? value : { type: value }]);
  }
  throw new AppParseError(`"inputs" is ${describeValue(raw)}; it must be a list of input objects or a map from input id to input`);
}

/** The key a task body uses: draft-2 `#reads` and packed `#main/reads` both become `reads`. */
function portId(id: string): string {
  return stripPackedPrefix(id);
}

function readPort(id: string, parameter: Record<string, unknown>, named: NamedTypes): InputPort {
  const where = `input "${id}"`;
  if (parameter.type === undefined) {
    throw new AppParseError(`${where} has no "type"`);
  }
  const { type, nullable } = readType(parameter.type, named, where);
  // A `default: null` gives no value, so it does not make the input optional.
  const hasDefault = parameter.default !== undefined && parameter.default !== null;
  const port: InputPort = { id, type, required: !nullable && !hasDefault };
  if (hasDefault) {
    port.default = parameter.default;
  }
  const label = text(parameter.label);
  if (label !== undefined) {
    port.label = label;
  }
  // v1.x says `doc`, draft-2 `description`; some SBG exports carry both (the same text).
  const description = text(parameter.doc) ?? text(parameter.description);
  if (description !== undefined) {
    port.description = description;
  }
  const fileTypes = readFileTypes(parameter['sbg:fileTypes']);
  if (fileTypes !== undefined) {
    port.fileTypes = fileTypes;
  }
  const category = text(parameter['sbg:category']);
  if (category !== undefined) {
    port.category = category;
  }
  // Hints only: `sbg:toolDefaultValue` describes the tool's own behaviour and is often not even a
  // legal value; `sbg:suggestedValue` is something to offer. Neither makes the input optional.
  const toolDefault = parameter['sbg:toolDefaultValue'];
  if (toolDefault !== undefined && toolDefault !== null && typeof toolDefault !== 'object') {
    port.toolDefault = String(toolDefault);
  }
  if (parameter['sbg:suggestedValue'] !== undefined) {
    port.suggestedValue = parameter['sbg:suggestedValue'];
  }
  return port;
}

/** `"BAM, SAM"` or `"FASTQ,FASTQ.GZ"` (spacing varies) or a list: upper-cased, empties dropped. */
function readFileTypes(raw: unknown): string[] | undefined {
  const parts = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw.map(String) : undefined;
  const fileTypes = parts?.map((part) => part.trim().toUpperCase()).filter((part) => part !== '');
  return fileTypes !== undefined && fileTypes.length > 0 ? fileTypes : undefined;
}

/** A string, or a list of strings joined by lines (CWL v1.1+ allows `doc` as a list). */
function text(raw: unknown): string | undefined {
  if (typeof raw === 'string') {
    return raw;
  }
  if (Array.isArray(raw) && raw.every((line) => typeof line === 'string')) {
    return raw.join('\n');
  }
  return undefined;
}
