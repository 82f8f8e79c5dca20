/** What the end of a watched task says, and how loudly (no VS Code here, so it is tested in plain Node). */
import type { Task } from '../../../platform/src/types';
import { childProgress, progressText, type ChildCounts } from '../watch/counts';

export interface EndMessage {
  severity: 'info' | 'warning' | 'error';
  /** Whether it is a failure for `sbgTasks.notifications.taskEnded: failures`. */
  failure: boolean;
  text: string;
}

/**
 * `children`: the batch's children the store holds, counted, so that the progress counts
 * children even when the parent's counters count jobs. A batch that ended COMPLETED with failed
 * children (parents may, SBG-API.md §14.3) is a failure to announce, as a warning.
 */
export function endMessage(task: Task, children?: ChildCounts): EndMessage {
  const name = task.name ?? task.id;
  const counts = task.batch ? childProgress(task, children) : undefined;
  const progress = counts ? ` (${progressText(counts)})` : '';
  if (task.status === 'COMPLETED') {
    return (counts?.failed ?? 0) > 0
      ? { severity: 'warning', failure: true, text: `Task ${name} completed with failed children${progress}.` }
      : { severity: 'info', failure: false, text: `Task ${name} completed${progress}.` };
  }
  if (task.status === 'FAILED') {
    const platformSays = task.execution_status?.message ? ` The platform says: ${task.execution_status.message}` : '';
    return { severity: 'error', failure: true, text: `Task ${name} failed${progress}.${platformSays}` };
  }
  return { severity: 'warning', failure: true, text: `Task ${name} was aborted${progress}.` };
}
