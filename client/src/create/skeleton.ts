/**
 * New Task File from App: a task body with `project`, `app` (with its revision) and every
 * required input as a placeholder of the right shape. Optional inputs are left out; completion
 * offers them. Reads only the input-port model, never raw CWL (DESIGN.md §3).
 */
import type { AppModel, PortType } from '../../../server/src/service/cwl/model';

export interface SkeletonSource {
  project: string;
  /** owner/project/app/revision */
  appId: string;
  appName?: string;
  model: AppModel;
}

export function taskSkeleton(source: SkeletonSource): string {
  const inputs: Record<string, unknown> = {};
  for (const port of source.model.inputs) {
    if (port.required) inputs[port.id] = placeholder(port.type);
  }
  const body = {
    name: source.appName ?? source.model.label ?? source.appId.split('/')[2],
    project: source.project,
    app: source.appId,
    inputs,
  };
  return JSON.stringify(body, null, 2) + '\n';
}

/** A value of the port's shape: File objects with an empty id to fill in, the first enum symbol, empty strings, zeros. */
export function placeholder(type: PortType): unknown {
  switch (type.kind) {
    case 'File':
    case 'Directory':
      return { class: type.kind, path: '' };
    case 'string':
    case 'any':
      return '';
    case 'int':
    case 'long':
    case 'float':
    case 'double':
      return 0;
    case 'boolean':
      return false;
    case 'enum':
      return type.symbols[0] ?? '';
    case 'array':
      return [placeholder(type.items)];
    case 'record':
      return Object.fromEntries(type.fields.filter((field) => field.required).map((field) => [field.id, placeholder(field.type)]));
    case 'union':
      return type.members.length > 0 ? placeholder(type.members[0]) : '';
  }
}

/** A file name for the new task file: the app's short name, safe on every file system. */
export function skeletonFileName(appId: string): string {
  const short = appId.split('/')[2] ?? 'task';
  return `${short.replace(/[^A-Za-z0-9._-]+/g, '-')}.sbtask.json`;
}
