/**
 * The `contextValue` of a task row, e.g. "task watched batch running hasFailed": words that the
 * menus in package.json match (`viewItem =~ /\bdraft\b/`) to offer only what applies.
 */
import type { Task } from '../../../../platform/src/types';

export function taskContextValue(task: Task, role: 'watched' | 'child'): string {
  const words = ['task', role, task.batch ? 'batch' : 'single', (task.status ?? 'unknown').toLowerCase()];
  if (task.batch && (task.execution_status?.failed ?? 0) > 0) words.push('hasFailed');
  return words.join(' ');
}
