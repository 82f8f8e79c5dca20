/** The app's ports by id, built once per model (models are immutable snapshots). */
import type { AppModel, InputPort, PortType, RecordField } from '../cwl/model';

const byModel = new WeakMap<AppModel, Map<string, InputPort>>();

export function portsById(model: AppModel): Map<string, InputPort> {
  let ports = byModel.get(model);
  if (!ports) {
    ports = new Map(model.inputs.map((port) => [port.id, port]));
    byModel.set(model, ports);
  }
  return ports;
}

const fieldMaps = new WeakMap<PortType, Map<string, RecordField>>();
const symbolSets = new WeakMap<PortType, Set<string>>();

/** A record type's fields by id, built once per type: a value's keys are looked up, not searched. */
export function fieldsById(type: Extract<PortType, { kind: 'record' }>): Map<string, RecordField> {
  let fields = fieldMaps.get(type);
  if (!fields) {
    fields = new Map(type.fields.map((field) => [field.id, field]));
    fieldMaps.set(type, fields);
  }
  return fields;
}

const fieldIdLists = new WeakMap<PortType, string[]>();

/** A record type's field ids in order, built once per type (for "did you mean" and lists). */
export function fieldIds(type: Extract<PortType, { kind: 'record' }>): string[] {
  let ids = fieldIdLists.get(type);
  if (!ids) {
    ids = type.fields.map((field) => field.id);
    fieldIdLists.set(type, ids);
  }
  return ids;
}

const portIdLists = new WeakMap<AppModel, string[]>();

/** The app's port ids in order, built once per model. */
export function portIds(model: AppModel): string[] {
  let ids = portIdLists.get(model);
  if (!ids) {
    ids = model.inputs.map((port) => port.id);
    portIdLists.set(model, ids);
  }
  return ids;
}

/** An enum type's symbols as a set, built once per type (an app may list tens of thousands). */
export function symbolSet(type: Extract<PortType, { kind: 'enum' }>): Set<string> {
  let symbols = symbolSets.get(type);
  if (!symbols) {
    symbols = new Set(type.symbols);
    symbolSets.set(type, symbols);
  }
  return symbols;
}


/** Whether a port takes files or folders (directly, in a list, in a union). */
export function takesFiles(type: PortType): boolean {
  switch (type.kind) {
    case 'File':
    case 'Directory':
      return true;
    case 'array':
      return takesFiles(type.items);
    case 'union':
      return type.members.some(takesFiles);
    default:
      return false;
  }
}
