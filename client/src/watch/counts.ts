/**
 * A batch parent's child counters (docs/PLATFORM.md#batch-parents-and-children) and the same counters computed from
 * the children the store holds. The watcher compares the two: when they agree, no child can have
 * a stale status (statuses only move forward: QUEUED → RUNNING → final, QUEUED → ABORTED), so
 * nothing needs fetching.
 */
import type { Task, TaskStatus } from '../../../platform/src/types';

const COUNTED_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'ABORTED'] as const;
type CountedStatus = (typeof COUNTED_STATUSES)[number];

export interface ChildCounts {
  queued: number;
  running: number;
  completed: number;
  failed: number;
  aborted: number;
  /** Children in a status the parent does not count (ABORTING, DRAFT, CREATING). */
  other: number;
}

/** Whether the parent carries counters at all (a draft, a CREATING parent and the run answer have only a message). */
export function hasCounters(parent: Task): boolean {
  const status = parent.execution_status;
  return status !== undefined && (['queued', 'running', 'completed', 'failed', 'aborted'] as const).some((counter) => status[counter] !== undefined);
}

/**
 * The children's progress as the tree shows it: the parent's counters, unless the store holds
 * every child and their number differs from the counters' total — then the counters count
 * something else (jobs, docs/PLATFORM.md#batch-parents-and-children) and the children themselves are counted. Undefined while
 * neither is known.
 */
export function childProgress(parent: Task, children: ChildCounts | undefined): ChildCounts | undefined {
  const listed = children !== undefined && totalOf(children) > 0 ? children : undefined;
  if (!hasCounters(parent)) return listed;
  const counters = parentCounts(parent);
  return listed && totalOf(listed) !== totalOf(counters) ? listed : counters;
}

/** A task that failed, or a batch that ended COMPLETED with failed children (docs/PLATFORM.md#batch-parents-and-children: parents may). */
export function endedWithFailures(task: Task): boolean {
  return task.status === 'FAILED' || (task.status === 'COMPLETED' && task.batch === true && (task.execution_status?.failed ?? 0) > 0);
}

/** The parent's counters; a missing counter is 0 (drafts and just-started parents omit them). */
export function parentCounts(parent: Task): ChildCounts {
  const status = parent.execution_status ?? {};
  return {
    queued: status.queued ?? 0,
    running: status.running ?? 0,
    completed: status.completed ?? 0,
    failed: status.failed ?? 0,
    aborted: status.aborted ?? 0,
    other: 0,
  };
}

/**
 * The children as the parent's counters count them, for the watcher to compare the two: an
 * ABORTING child still holds its instance, so it counts as running (docs/PLATFORM.md#batch-parents-and-children; the emulator
 * plays it so). Kept apart from countChildren, whose `other` gives ABORTING children their own
 * group in the tree. Without this, a batch being aborted never agreed with its counters and every
 * child was listed again on every tick until the abort ended.
 */
export function countLikeCounters(children: Iterable<Task>): ChildCounts {
  const counts = countChildren([]);
  for (const child of children) {
    const key = child.status === 'ABORTING' ? 'running' : counterOf(child.status);
    counts[key ?? 'other']++;
  }
  return counts;
}

export function countChildren(children: Iterable<Task>): ChildCounts {
  const counts: ChildCounts = { queued: 0, running: 0, completed: 0, failed: 0, aborted: 0, other: 0 };
  for (const child of children) {
    const key = counterOf(child.status);
    if (key) counts[key]++;
    else counts.other++;
  }
  return counts;
}

export function totalOf(counts: ChildCounts): number {
  return counts.queued + counts.running + counts.completed + counts.failed + counts.aborted + counts.other;
}

export function sameCounts(a: ChildCounts, b: ChildCounts): boolean {
  return a.queued === b.queued && a.running === b.running && a.completed === b.completed && a.failed === b.failed && a.aborted === b.aborted && a.other === b.other;
}

/** "812/1000 done, 3 failed": done counts every finished child. */
export function progressText(counts: ChildCounts): string {
  const total = totalOf(counts);
  const done = counts.completed + counts.failed + counts.aborted;
  const failed = counts.failed > 0 ? `, ${counts.failed} failed` : '';
  const aborted = counts.aborted > 0 ? `, ${counts.aborted} aborted` : '';
  return `${done}/${total} done${failed}${aborted}`;
}

function counterOf(status: TaskStatus | undefined): keyof ChildCounts | undefined {
  switch (status) {
    case 'QUEUED':
      return 'queued';
    case 'RUNNING':
      return 'running';
    case 'COMPLETED':
      return 'completed';
    case 'FAILED':
      return 'failed';
    case 'ABORTED':
      return 'aborted';
    default:
      return undefined;
  }
}
