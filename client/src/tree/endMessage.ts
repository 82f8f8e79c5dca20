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
 * children (parents may, docs/PLATFORM.md#batch-parents-and-children) is a failure to announce, as a warning.
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

/**
 * One message for a set of re-runs of a batch's failed children, however many there are:
 * "The 3 re-runs of align by sample ended: 2 completed, 1 failed (S03)." The children that failed
 * again are named (the first few), so the user knows where to look without opening the tree.
 * `unreadable`: re-runs the platform no longer gives (deleted, no access), named with why.
 */
export function rerunsEndMessage(
  batchName: string,
  reruns: readonly { task: Task; childLabel: string }[],
  unreadable: readonly { childLabel: string; message: string }[] = [],
): EndMessage {
  const completed = reruns.filter(({ task }) => task.status === 'COMPLETED');
  const failed = reruns.filter(({ task }) => task.status === 'FAILED');
  const aborted = reruns.filter(({ task }) => task.status === 'ABORTED');
  const named = (list: readonly { childLabel: string }[]) => {
    const shown = list.slice(0, MAX_NAMED).map(({ childLabel }) => childLabel);
    return ` (${shown.join(', ')}${list.length > MAX_NAMED ? `, and ${list.length - MAX_NAMED} more` : ''})`;
  };
  const parts = [
    completed.length > 0 ? `${completed.length} completed` : undefined,
    failed.length > 0 ? `${failed.length} failed${named(failed)}` : undefined,
    aborted.length > 0 ? `${aborted.length} aborted${named(aborted)}` : undefined,
    unreadable.length > 0 ? `${unreadable.length} could not be read${named(unreadable)}` : undefined,
  ].filter((part): part is string => part !== undefined);
  // Why the first unreadable one could not be read, in the platform client's words (code and message).
  const why = unreadable.length > 0 ? ` ${unreadable[0].childLabel}: ${unreadable[0].message}` : '';
  const total = reruns.length + unreadable.length;
  const text =
    total === 1 && unreadable.length === 1
      ? `The re-run of ${unreadable[0].childLabel} in ${batchName} could not be read.${why}`
      : total === 1
        ? `The re-run of ${reruns[0].childLabel} in ${batchName} ${{ COMPLETED: 'completed', FAILED: 'failed', ABORTED: 'was aborted' }[reruns[0].task.status as string] ?? 'ended'}.`
        : `The ${total} re-runs of ${batchName} ended: ${parts.join(', ') || 'no result read'}.${why}`;
  if (failed.length > 0) return { severity: 'error', failure: true, text };
  if (aborted.length > 0 || completed.length < total) return { severity: 'warning', failure: true, text };
  return { severity: 'info', failure: false, text };
}

/** Children named in a re-run summary before "and N more". */
const MAX_NAMED = 3;
