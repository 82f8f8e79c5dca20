/**
 * A task as a new task file's body: its app, project, inputs and batch and execution settings,
 * ready to edit and send again. File objects keep what a request needs (class, path, name),
 * not what the platform added when it answered (size, metadata, checksum, ...).
 */
import type { Task, TaskRequestBody } from '../../../platform/src/types';

export function taskFileBody(task: Task): TaskRequestBody {
  const body: TaskRequestBody = { name: task.name, project: task.project, app: task.app, inputs: slimValue(task.inputs ?? {}) as Record<string, unknown> };
  if (task.batch && task.batch_input && task.batch_by) {
    body.batch_input = task.batch_input;
    body.batch_by = task.batch_by;
  }
  if (task.execution_settings) body.execution_settings = task.execution_settings;
  if (task.use_interruptible_instances !== undefined) body.use_interruptible_instances = task.use_interruptible_instances;
  return body;
}

/** `align - S01` → `align-s01`, for a file name. */
export function fileNameFor(task: Task): string {
  const stem = (task.name ?? task.id).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${stem || 'task'}.sbtask.json`;
}

function slimValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(slimValue);
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  if (object.class === 'File' || object.class === 'Directory') {
    const slim: Record<string, unknown> = { class: object.class, path: object.path };
    if (typeof object.name === 'string') slim.name = object.name;
    if (Array.isArray(object.secondaryFiles) && object.secondaryFiles.length > 0) slim.secondaryFiles = slimValue(object.secondaryFiles);
    return slim;
  }
  return Object.fromEntries(Object.entries(object).filter(([, item]) => item !== null).map(([key, item]) => [key, slimValue(item)]));
}
