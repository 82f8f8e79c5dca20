/**
 * CWL types said in words, for messages (issue 12 §4): "an integer (int)", "a list of Files",
 * "one of 'fast' or 'full'", "a record with the fields 'low' and 'high'", "a File or a Directory",
 * "any value". Every message that names a port's type in prose goes through `typePhrase`, so the
 * article and plural are right whatever the type; the canonical notation (typeNotation.ts) stays for
 * parentheses, hovers and the CLI.
 */
import type { PortType } from '../cwl/model';
import { typeToString } from '../cwl/typeNotation';
import { listChoices } from './nearest';

/** Past this, a phrase is replaced by the notation (a union of twenty records is no sentence). */
const MAX_PHRASE_LENGTH = 240;
const MAX_DEPTH = 6;

/** The type with its article: "a File", "an integer (int)", "any value". */
export function typePhrase(type: PortType): string {
  const phrase = singular(type, 0);
  return phrase.length <= MAX_PHRASE_LENGTH ? phrase : `a value of type ${typeToString(type)}`;
}

function singular(type: PortType, depth: number): string {
  if (depth > MAX_DEPTH) return `a value of type ${typeToString(type)}`;
  switch (type.kind) {
    case 'File':
      return 'a File';
    case 'Directory':
      return 'a Directory';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a boolean';
    case 'int':
    case 'long':
      return `an integer (${type.kind})`;
    case 'float':
    case 'double':
      return `a number (${type.kind})`;
    case 'any':
      return 'any value';
    case 'enum':
      return type.symbols.length === 1 ? `the string '${type.symbols[0]}'` : `one of ${listChoices(type.symbols)}`;
    case 'array':
      return `a list of ${plural(type.items, depth + 1)}${type.itemsNullable ? ' or nulls' : ''}`;
    case 'record':
      return `${type.name ? `a '${type.name}' record` : 'a record'}${withFields(type)}`;
    case 'union':
      return joinOr(type.members.map((member) => singular(member, depth + 1)));
  }
}

function plural(type: PortType, depth: number): string {
  if (depth > MAX_DEPTH) return `values of type ${typeToString(type)}`;
  switch (type.kind) {
    case 'File':
      return 'Files';
    case 'Directory':
      return 'Directories';
    case 'string':
      return 'strings';
    case 'boolean':
      return 'booleans';
    case 'int':
    case 'long':
      return `integers (${type.kind})`;
    case 'float':
    case 'double':
      return `numbers (${type.kind})`;
    case 'any':
      return 'values of any type';
    case 'enum':
      return type.symbols.length === 1 ? `the string '${type.symbols[0]}'` : `strings from ${listChoices(type.symbols)}`;
    case 'array':
      return `lists of ${plural(type.items, depth + 1)}${type.itemsNullable ? ' or nulls' : ''}`;
    case 'record':
      return `${type.name ? `'${type.name}' records` : 'records'}${withFields(type)}`;
    case 'union':
      return joinOr(type.members.map((member) => plural(member, depth + 1)));
  }
}

function withFields(type: Extract<PortType, { kind: 'record' }>): string {
  const ids = type.fields.map((field) => `'${field.id}'`);
  if (ids.length === 0) return ' without fields';
  if (ids.length === 1) return ` with the field ${ids[0]}`;
  const shown = ids.length > 6 ? [...ids.slice(0, 5), `${ids.length - 5} more`] : ids;
  return ` with the fields ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** "a", "a or b", "a, b or c"; "a; b or c; or d" when three or more parts hold commas or "or" of their own. */
function joinOr(parts: string[]): string {
  if (parts.length <= 2) return parts.join(' or ');
  if (parts.some((part) => part.includes(',') || part.includes(' or '))) return `${parts.slice(0, -1).join('; ')}; or ${parts[parts.length - 1]}`;
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}
