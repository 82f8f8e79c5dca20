/**
 * The `contextValue` of a task row, e.g. "task watched batch running hasFailed", and of an output
 * row ("output file", "output folder"): words that the menus in package.json match
 * (`viewItem =~ /\bdraft\b/`) to offer only what applies.
 */
import { outputFileRefs } from '../../../../platform/src/taskOutputs';
import type { Task } from '../../../../platform/src/types';

export function taskContextValue(task: Task, role: 'watched' | 'child'): string {
  const words = ['task', role, task.batch ? 'batch' : 'single', (task.status ?? 'unknown').toLowerCase()];
  if (task.batch && (task.execution_status?.failed ?? 0) > 0) words.push('hasFailed');
  if (hasOutputFiles(task)) words.push('hasOutputs');
  return words.join(' ');
}

/** A completed task (not a batch parent) whose outputs hold files: its row expands into them. */
export function hasOutputFiles(task: Task): boolean {
  return task.status === 'COMPLETED' && !task.batch && outputFileRefs(task).length > 0;
}

export function outputContextValue(kind: 'file' | 'folder'): string {
  return `output ${kind}`;
}
