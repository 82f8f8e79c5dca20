/**
 * The JSON the CLI prints for `sbg-task inputs APP_FILE --format json`: one object per port,
 * `{id, type, required, default?, symbols?, fields?, fileTypes?, label?, description?, unchecked?}`, with
 * `type` in the canonical notation of typeToString.
 */
import type { AppModel, InputPort, PortType } from './model';
import { typeToString } from './typeNotation';

export interface PortJson {
  id: string;
  type: string;
  required: boolean;
  default?: unknown;
  symbols?: string[];
  fields?: { id: string; type: string; required: boolean }[];
  fileTypes?: string[];
  label?: string;
  description?: string;
  /** Why part of the port's type could not be read, so values for it are not fully checked (issue 12 §3). */
  unchecked?: string;
}

export function portsToJson(model: AppModel): PortJson[] {
  return model.inputs.map(portToJson);
}

function portToJson(port: InputPort): PortJson {
  const json: PortJson = { id: port.id, type: typeToString(port.type), required: port.required };
  if (port.default !== undefined) {
    json.default = port.default;
  }
  // Symbols and fields of the port's enum or record, also when the port is an array of them
  // (each element takes one of the symbols). Unions are left out: whose symbols would they be?
  const element = elementType(port.type);
  if (element.kind === 'enum') {
    json.symbols = element.symbols;
  }
  if (element.kind === 'record') {
    json.fields = element.fields.map((field) => ({ id: field.id, type: typeToString(field.type), required: field.required }));
  }
  if (port.fileTypes !== undefined) {
    json.fileTypes = port.fileTypes;
  }
  if (port.label !== undefined) {
    json.label = port.label;
  }
  if (port.description !== undefined) {
    json.description = port.description;
  }
  const unchecked = unresolvedIn(port.type);
  if (unchecked !== undefined) {
    json.unchecked = unchecked;
  }
  return json;
}

/** The first reason found why a part of `type` was not read (types are a graph: each visited once). */
export function unresolvedIn(type: PortType, seen = new Set<PortType>()): string | undefined {
  if (seen.has(type)) return undefined;
  seen.add(type);
  switch (type.kind) {
    case 'any':
      return type.unresolved;
    case 'array':
      return unresolvedIn(type.items, seen);
    case 'record':
      for (const field of type.fields) {
        const reason = unresolvedIn(field.type, seen);
        if (reason !== undefined) return `field "${field.id}": ${reason}`;
      }
      return undefined;
    case 'union':
      for (const member of type.members) {
        const reason = unresolvedIn(member, seen);
        if (reason !== undefined) return reason;
      }
      return undefined;
    default:
      return undefined;
  }
}

function elementType(type: PortType): PortType {
  return type.kind === 'array' ? elementType(type.items) : type;
}
