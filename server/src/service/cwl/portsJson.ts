/**
 * The JSON the CLI prints for `sbg-task inputs APP_FILE --format json`: one object per port,
 * `{id, type, required, default?, symbols?, fields?, fileTypes?, label?, description?}`, with
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
  return json;
}

function elementType(type: PortType): PortType {
  return type.kind === 'array' ? elementType(type.items) : type;
}
