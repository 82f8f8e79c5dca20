/**
 * The CWL type grammar, both dialects, read into a `PortType`:
 * - sbg:draft-2 writes every type as a union list: `["null", "int"]`, `[{"type": "array", "items": "File"}]`;
 * - CWL v1.x adds the shorthands `T?` (nullable) and `T[]` (array), and allows a bare name or object;
 * - enums (named or anonymous; symbols are strings, `#id/` prefixes of packed documents stripped),
 *   records (fields as a list or a map), arrays of anything, and references by name to types
 *   defined by SchemaDefRequirement or earlier in the document.
 * `null` never appears inside a PortType: it is reported as `nullable` to the caller.
 */
import type { PortType, RecordField } from './model';
import { AppParseError, describeValue } from './appParseError';
import { ownValue } from '../json/ownProperty';

export interface ReadType {
  type: PortType;
  /** The type admits `null` (a `null` union member or a `?` suffix). */
  nullable: boolean;
}

const PRIMITIVES: Record<string, PortType> = {
  File: { kind: 'File' },
  Directory: { kind: 'Directory' },
  string: { kind: 'string' },
  int: { kind: 'int' },
  long: { kind: 'long' },
  float: { kind: 'float' },
  double: { kind: 'double' },
  boolean: { kind: 'boolean' },
  // A CommandLineTool input of type `stdin` is a File the tool reads from standard input.
  stdin: { kind: 'File' },
  Any: { kind: 'any' },
};

/**
 * Named enum and record types, by their short name. Filled from SchemaDefRequirement first and
 * then by every named type met while reading the inputs, since CWL lets a later input refer to
 * a type an earlier one defined.
 */
export class NamedTypes {
  private readonly byName = new Map<string, PortType>();

  /**
   * @param unresolved why a `$import`/`$include`/`$mixin` reference (as written) could not be
   * read, filled by whoever resolved the document's files (the CLI); see references.ts.
   */
  constructor(private readonly unresolved: ReadonlyMap<string, string> = new Map()) {}

  /** Why the file `reference` (as written) was not read, when the resolver said. */
  whyUnresolved(reference: string): string | undefined {
    return this.unresolved.get(reference);
  }

  define(name: string, type: PortType): void {
    this.byName.set(shortName(name), type);
  }

  lookup(reference: string): PortType | undefined {
    return this.byName.get(shortName(reference));
  }
}

/**
 * Reads one raw CWL type. `where` says what is being read ("input \"reads\"") for error messages.
 * Malformed structures throw an AppParseError; a name that is neither a CWL type nor a known
 * named type, or an `$import` nobody resolved, becomes `any` with `unresolved` saying why, which
 * the diagnostics turn into an information on the value they could not check.
 */
export function readType(raw: unknown, named: NamedTypes, where: string): ReadType {
  if (typeof raw === 'string') {
    return readTypeName(raw, named, where);
  }
  if (Array.isArray(raw)) {
    return readUnion(raw, named, where);
  }
  if (isObject(raw)) {
    const reference = fileReference(raw);
    if (reference) return { type: unresolvedReference(reference, named), nullable: false };
    return readTypeObject(raw, named, where);
  }
  throw new AppParseError(`${where}: ${describeValue(raw)} is not a CWL type (expected a type name, a list of types or a type object)`);
}

function readTypeName(name: string, named: NamedTypes, where: string): ReadType {
  if (name.endsWith('?')) {
    return { type: readTypeName(name.slice(0, -1), named, where).type, nullable: true };
  }
  if (name.endsWith('[]')) {
    const items = readTypeName(name.slice(0, -2), named, where);
    return { type: arrayOf(items), nullable: false };
  }
  if (name === 'null') {
    return { type: { kind: 'any' }, nullable: true };
  }
  const type = ownValue(PRIMITIVES, name) ?? named.lookup(name) ?? unknownName(name, named);
  return { type, nullable: false };
}

/**
 * A type name that is neither CWL's nor defined in the document: `file.yml#Name` names a file the
 * reader did not get (or that does not define it); a bare name is not defined at all.
 */
function unknownName(name: string, named: NamedTypes): PortType {
  const hash = name.indexOf('#');
  const file = hash > 0 ? name.slice(0, hash) : undefined;
  if (file === undefined) return { kind: 'any', unresolved: `its type "${name}" is not defined in the app` };
  const why = named.whyUnresolved(file);
  return {
    kind: 'any',
    unresolved: why
      ? `its type "${name}" comes from ${file}, which could not be read (${why})`
      : `its type "${name}" comes from ${file}, which is not part of this app (import it with SchemaDefRequirement, or check the name)`,
  };
}

/** `{$import: "file"}` or `{$mixin: "file", ...}` left in the document: a file nobody read. */
function fileReference(raw: Record<string, unknown>): { directive: string; file: string } | undefined {
  for (const directive of ['$import', '$include', '$mixin']) {
    const file = raw[directive];
    if (typeof file === 'string') return { directive, file };
  }
  return undefined;
}

function unresolvedReference(reference: { directive: string; file: string }, named: NamedTypes): PortType {
  const why = named.whyUnresolved(reference.file) ?? 'an app from the platform does not bring the files it refers to';
  return { kind: 'any', unresolved: `its type is brought in by ${reference.directive} of ${reference.file}, which could not be read (${why})` };
}

/** A union list: `null` members make it nullable; nested unions are flattened; one member is that member. */
function readUnion(members: unknown[], named: NamedTypes, where: string): ReadType {
  if (members.length === 0) {
    throw new AppParseError(`${where}: the type is an empty list; list at least one type, e.g. ["null", "File"]`);
  }
  let nullable = false;
  const types: PortType[] = [];
  for (const member of members) {
    if (member === 'null') {
      nullable = true;
      continue;
    }
    const read = readType(member, named, where);
    nullable ||= read.nullable;
    types.push(...(read.type.kind === 'union' ? read.type.members : [read.type]));
  }
  if (types.length === 0) {
    // Only `null`: a port that can hold nothing else. `any` keeps features from flagging it.
    return { type: { kind: 'any' }, nullable: true };
  }
  return { type: types.length === 1 ? types[0] : { kind: 'union', members: types }, nullable };
}

function readTypeObject(raw: Record<string, unknown>, named: NamedTypes, where: string): ReadType {
  const kind = raw.type;
  let type: PortType;
  if (kind === 'array') {
    if (!('items' in raw)) {
      throw new AppParseError(`${where}: an array type needs "items" (the type of its elements)`);
    }
    return { type: arrayOf(readType(raw.items, named, `${where} (array items)`)), nullable: false };
  } else if (kind === 'enum') {
    type = { kind: 'enum', symbols: readSymbols(raw.symbols, where) };
  } else if (kind === 'record') {
    type = { kind: 'record', fields: readFields(raw.fields, named, where) };
  } else if (kind !== undefined) {
    // `{type: "File"}` or `{type: ["null", "File"]}`: a type wrapped in an object.
    return readType(kind, named, where);
  } else {
    throw new AppParseError(`${where}: the type object ${describeValue(raw)} has no "type" key`);
  }
  if (typeof raw.name === 'string') {
    type.name = shortName(raw.name);
    named.define(raw.name, type);
  }
  return { type, nullable: false };
}

function arrayOf(items: ReadType): PortType {
  return items.nullable
    ? { kind: 'array', items: items.type, itemsNullable: true }
    : { kind: 'array', items: items.type };
}

function readSymbols(raw: unknown, where: string): string[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new AppParseError(`${where}: an enum type needs "symbols", a non-empty list of strings`);
  }
  // Symbols are strings even when a YAML or JSON writer left them as numbers or booleans.
  return raw.map((symbol) => stripPackedPrefix(String(symbol)));
}

/** Record fields as a list of `{name, type}` or a map `{name: type | {type}}`. */
function readFields(raw: unknown, named: NamedTypes, where: string): RecordField[] {
  const entries = Array.isArray(raw)
    ? raw.map((field): [unknown, unknown] => [isObject(field) ? field.name ?? field.id : undefined, field])
    : isObject(raw)
      ? Object.entries(raw)
      : undefined;
  if (entries === undefined) {
    throw new AppParseError(`${where}: a record type needs "fields", a list of {name, type} or a map from name to type`);
  }
  return entries.map(([name, field]) => {
    if (typeof name !== 'string' || name === '') {
      throw new AppParseError(`${where}: the record field ${describeValue(field)} has no "name"`);
    }
    const id = stripPackedPrefix(name);
    const fieldType = isObject(field) && !isTypeObject(field) ? field.type : field;
    if (fieldType === undefined) {
      throw new AppParseError(`${where}: record field "${id}" has no "type"`);
    }
    const read = readType(fieldType, named, `${where}, field "${id}"`);
    return { id, type: read.type, required: !read.nullable };
  });
}

/** A field given in a map may be a bare type object (`{type: enum, symbols: [...]}`) instead of `{type: T}`. */
function isTypeObject(value: Record<string, unknown>): boolean {
  return fileReference(value) !== undefined || (value.type === 'array' && 'items' in value) || (value.type === 'enum' && 'symbols' in value) || (value.type === 'record' && 'fields' in value);
}

/**
 * Packed or resolved CWL writes identifiers as `#tool/input/symbol` or `file.cwl#name`; the
 * short form is the last path segment after the `#`. Identifiers without `#` are kept whole.
 */
export function stripPackedPrefix(identifier: string): string {
  const hash = identifier.lastIndexOf('#');
  if (hash < 0) {
    return identifier;
  }
  const fragment = identifier.slice(hash + 1);
  return fragment.slice(fragment.lastIndexOf('/') + 1);
}

function shortName(name: string): string {
  return stripPackedPrefix(name.includes('#') ? name : `#${name}`);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
