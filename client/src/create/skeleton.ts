/**
 * New Task File from App: a task body with `project`, `app` (with its revision) and every
 * required input as a placeholder of the right shape. Optional inputs are left out; completion
 * offers them. New Task File from Outputs hands in values for some inputs (files that fit them),
 * which take the placeholders' place, optional or not. Reads only the input-port model, never
 * raw CWL (docs/ARCHITECTURE.md).
 */
import { placeholderFor, type AppModel } from '../../../server/src/service';

export interface SkeletonSource {
  project: string;
  /** owner/project/app/revision */
  appId: string;
  appName?: string;
  model: AppModel;
  /** Values for some inputs, by port id (New Task File from Outputs). */
  prefilled?: Readonly<Record<string, unknown>>;
}

export function taskSkeleton(source: SkeletonSource): string {
  const inputs: Record<string, unknown> = {};
  for (const port of source.model.inputs) {
    if (source.prefilled && Object.hasOwn(source.prefilled, port.id)) inputs[port.id] = source.prefilled[port.id];
    else if (port.required) inputs[port.id] = placeholderFor(port.type);
  }
  const body = {
    name: source.appName ?? source.model.label ?? source.appId.split('/')[2],
    project: source.project,
    app: source.appId,
    inputs,
  };
  return JSON.stringify(body, null, 2) + '\n';
}

/** A file name for the new task file: the app's short name, safe on every file system. */
export function skeletonFileName(appId: string): string {
  const short = appId.split('/')[2] ?? 'task';
  return `${short.replace(/[^A-Za-z0-9._-]+/g, '-')}.sbtask.json`;
}
