/**
 * The platform side of input checking: a task's `inputs` against the app's ports, giving the
 * `errors`/`warnings` entries a created task carries (docs/PLATFORM.md#validation-errors-and-warnings, docs/PLATFORM.md#input-values). This is
 * deliberately a second implementation, independent of the language server's checks.
 *
 * Types of entries: `error/task_validation/input/schema` is the platform's; `.../required`,
 * `.../unknown`, `.../file` and `warning/task_validation/input/file_type` are the emulator's own.
 */
import type { PlatformFile, TaskIssue } from '../../../platform/src/types';
import type { AppModel, InputPort, PortType } from '../../../server/src/service/cwl/model';

export const ISSUE = {
  schema: 'error/task_validation/input/schema',
  required: 'error/task_validation/input/required',
  unknown: 'error/task_validation/input/unknown',
  file: 'error/task_validation/input/file',
  fileType: 'warning/task_validation/input/file_type',
} as const;

/** Looks a file or folder up as the caller sees it. */
export type FileLookup = (id: string) => { file: PlatformFile } | { problem: 'missing' | 'forbidden' };

export interface InputCheck {
  errors: TaskIssue[];
  warnings: TaskIssue[];
}

interface Problem {
  type: string;
  message: string;
}

export function checkInputs(
  model: AppModel,
  inputs: Record<string, unknown>,
  batchInput: string | undefined,
  lookup: FileLookup,
): InputCheck {
  const result: InputCheck = { errors: [], warnings: [] };
  const ports = new Map(model.inputs.map((port) => [port.id, port]));
  for (const key of Object.keys(inputs)) {
    if (!ports.has(key)) {
      result.errors.push({ type: ISSUE.unknown, message: `The app has no input "${key}".`, input_id: key });
    }
  }
  for (const port of model.inputs) {
    const value = inputs[port.id];
    if (value === undefined || value === null) {
      if (port.required) {
        result.errors.push({ type: ISSUE.required, message: `Required input "${port.id}" has no value.`, input_id: port.id });
      }
      continue;
    }
    const checker = new ValueChecker(lookup, port, result.warnings);
    const problem = checker.check(batchTypeOf(port, batchInput), value, port.id);
    if (problem) result.errors.push({ type: problem.type, message: problem.message, input_id: port.id });
  }
  return result;
}

/** The batch input may take an array of Files even when its port is a single File (docs/PLATFORM.md#input-values). */
function batchTypeOf(port: InputPort, batchInput: string | undefined): PortType {
  if (port.id !== batchInput || !acceptsSingleFile(port.type)) return port.type;
  return { kind: 'union', members: [port.type, { kind: 'array', items: { kind: 'File' } }] };
}

function acceptsSingleFile(type: PortType): boolean {
  return type.kind === 'File' || (type.kind === 'union' && type.members.some((member) => member.kind === 'File'));
}

class ValueChecker {
  constructor(
    private readonly lookup: FileLookup,
    private readonly port: InputPort,
    private readonly warnings: TaskIssue[],
  ) {}

  check(type: PortType, value: unknown, where: string): Problem | undefined {
    switch (type.kind) {
      case 'any':
        return undefined;
      case 'File':
      case 'Directory':
        return this.checkFileLike(type.kind, value, where);
      case 'string':
        return typeof value === 'string' ? undefined : schema(where, 'a string', value);
      case 'int':
      case 'long':
        return Number.isInteger(value) ? undefined : schema(where, 'an integer', value);
      case 'float':
      case 'double':
        return typeof value === 'number' && Number.isFinite(value) ? undefined : schema(where, 'a number', value);
      case 'boolean':
        return typeof value === 'boolean' ? undefined : schema(where, 'true or false', value);
      case 'enum':
        return typeof value === 'string' && type.symbols.includes(value)
          ? undefined
          : schema(where, `one of ${type.symbols.map((symbol) => JSON.stringify(symbol)).join(', ')}`, value);
      case 'array':
        return this.checkArray(type, value, where);
      case 'record':
        return this.checkRecord(type, value, where);
      case 'union':
        return this.checkUnion(type, value, where);
    }
  }

  private checkArray(type: Extract<PortType, { kind: 'array' }>, value: unknown, where: string): Problem | undefined {
    if (!Array.isArray(value)) return schema(where, `an array (${typeName(type)})`, value);
    for (let i = 0; i < value.length; i++) {
      if (value[i] === null && type.itemsNullable) continue;
      const problem = this.check(type.items, value[i], `${where}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }

  private checkRecord(type: Extract<PortType, { kind: 'record' }>, value: unknown, where: string): Problem | undefined {
    if (!isPlainObject(value)) return schema(where, `an object with fields ${type.fields.map((f) => f.id).join(', ')}`, value);
    const known = new Set(type.fields.map((field) => field.id));
    const stray = Object.keys(value).find((key) => !known.has(key));
    if (stray) return { type: ISSUE.schema, message: `${where} has no field "${stray}"; its fields are ${[...known].join(', ')}.` };
    for (const field of type.fields) {
      const fieldValue = value[field.id];
      if (fieldValue === undefined || fieldValue === null) {
        if (field.required) return { type: ISSUE.schema, message: `${where}.${field.id} is required.` };
        continue;
      }
      const problem = this.check(field.type, fieldValue, `${where}.${field.id}`);
      if (problem) return problem;
    }
    return undefined;
  }

  private checkUnion(type: Extract<PortType, { kind: 'union' }>, value: unknown, where: string): Problem | undefined {
    let firstProblem: Problem | undefined;
    for (const member of type.members) {
      const problem = this.check(member, value, where);
      if (!problem) return undefined;
      firstProblem ??= problem;
    }
    // A file that is missing is a clearer message than "matches none of the types".
    if (firstProblem?.type === ISSUE.file) return firstProblem;
    return schema(where, `one of ${type.members.map(typeName).join(' | ')}`, value);
  }

  private checkFileLike(kind: 'File' | 'Directory', value: unknown, where: string): Problem | undefined {
    const article = kind === 'File' ? 'a File object {"class": "File", "path": "<file id>"}' : 'a Directory object {"class": "Directory", "path": "<folder id>"}';
    if (!isPlainObject(value) || value.class !== kind || typeof value.path !== 'string') return schema(where, article, value);
    const found = this.lookup(value.path);
    if ('problem' in found) {
      const why = found.problem === 'missing' ? 'does not exist' : 'is in a project you cannot read';
      return { type: ISSUE.file, message: `${where}: ${kind === 'File' ? 'file' : 'folder'} ${value.path} ${why}.` };
    }
    const isFolder = found.file.type === 'folder';
    if (isFolder !== (kind === 'Directory')) {
      return { type: ISSUE.schema, message: `${where}: ${value.path} is a ${isFolder ? 'folder' : 'file'}, but the input expects a ${kind}.` };
    }
    if (kind === 'File') this.checkFileType(found.file, where);
    return undefined;
  }

  private checkFileType(file: PlatformFile, where: string): void {
    const fileTypes = this.port.fileTypes;
    if (!fileTypes || fileTypes.length === 0) return;
    const name = file.name.toUpperCase();
    if (fileTypes.some((fileType) => name.endsWith(`.${fileType}`))) return;
    this.warnings.push({
      type: ISSUE.fileType,
      message: `${where}: ${file.name} is not one of the expected file types (${fileTypes.join(', ')}).`,
      input_id: this.port.id,
    });
  }
}

function schema(where: string, expected: string, value: unknown): Problem {
  return { type: ISSUE.schema, message: `Value for ${where} does not match the expected type: expected ${expected}, got ${describe(value)}.` };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

export function typeName(type: PortType): string {
  switch (type.kind) {
    case 'enum':
      return `enum(${type.symbols.join('|')})`;
    case 'array':
      return `${typeName(type.items)}[]`;
    case 'record':
      return `record{${type.fields.map((field) => field.id).join(', ')}}`;
    case 'union':
      return type.members.map(typeName).join('|');
    default:
      return type.kind;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
