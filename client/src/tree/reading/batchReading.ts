/**
 * One reading of a batch for the tree: the parent row's progress, its status groups and the time
 * every duration is measured against, taken together from the store, so that the parent row and
 * the rows under it never contradict each other.
 *
 * The parent's counters come with every poll of the parent; its children are swept less often
 * (ChildSync). Between a poll and the next sweep the counters may be ahead of the children the
 * store holds: the parent says "3 failed" while two failed children are known. The parent row
 * keeps the counters (they are the platform's latest word); a group whose number of children
 * differs from the counter of its status says so: "Failed (2, updating)". No VS Code here, so it
 * is tested in plain Node.
 */
import type { Task, TaskStatus } from '../../../../platform/src/types';
import { childProgress, countChildren, type ChildCounts } from '../../watch/counts';

/** Failed first, then what still moves, then the rest. */
export const GROUP_ORDER: readonly TaskStatus[] = ['FAILED', 'RUNNING', 'QUEUED', 'COMPLETED', 'ABORTED'];
/** Statuses the parent does not count still get a group, after the others, so no child is hidden. */
export const OTHER_STATUSES: readonly TaskStatus[] = ['ABORTING', 'CREATING', 'DRAFT'];

export interface StatusGroupReading {
  status: TaskStatus;
  /** The children the store holds in this status, in creation order. */
  members: Task[];
  /** The parent's counters count a different number in this status: a sweep will bring the children. */
  updating: boolean;
}

export interface BatchReading {
  parent: Task;
  /** The platform's time when the reading was taken: the parent's and every child's running time are measured against it. */
  now: number;
  /** What the parent row counts; undefined while neither the counters nor the children are known. */
  progress: ChildCounts | undefined;
  /** The status groups; undefined until the children were listed. */
  groups: StatusGroupReading[] | undefined;
}

export function readBatch(parent: Task, children: readonly Task[] | undefined, now: number): BatchReading {
  const stored = children && countChildren(children);
  const progress = parent.status === 'DRAFT' ? undefined : childProgress(parent, stored);
  if (!children) return { parent, now, progress, groups: undefined };
  const byStatus = new Map<TaskStatus, Task[]>();
  for (const child of children) {
    const status = child.status ?? 'DRAFT';
    let list = byStatus.get(status);
    if (!list) byStatus.set(status, (list = []));
    list.push(child);
  }
  const others = OTHER_STATUSES.reduce((sum, status) => sum + (byStatus.get(status)?.length ?? 0), 0);
  const expected = progress && progress !== stored ? countersByGroup(progress, byStatus.get('ABORTING')?.length ?? 0) : progress;
  const groups: StatusGroupReading[] = [];
  for (const status of GROUP_ORDER) {
    const members = byStatus.get(status) ?? [];
    const counted = expected ? expected[counterKey(status)] : members.length;
    // A status the counters count but no stored child has yet still shows, so the parent's "3 failed" has its group.
    if (members.length === 0 && counted <= 0) continue;
    groups.push({ status, members, updating: counted !== members.length });
  }
  for (const status of OTHER_STATUSES) {
    const members = byStatus.get(status) ?? [];
    if (members.length > 0) groups.push({ status, members, updating: expected !== undefined && expected.other !== others });
  }
  return { parent, now, progress, groups };
}

/**
 * The parent's counters as the groups divide the children: an ABORTING child still holds its
 * instance, so the counters count it as running (docs/PLATFORM.md#batch-parents-and-children), while the tree gives it a group
 * of its own. Without this, every batch being aborted read "Running (0, updating)" and
 * "Aborting (n, updating)" though nothing was behind.
 */
function countersByGroup(counters: ChildCounts, aborting: number): ChildCounts {
  return aborting === 0 ? counters : { ...counters, running: counters.running - aborting, other: counters.other + aborting };
}

/** "Failed (2)", or "Failed (2, updating)" while the parent's counters say otherwise. */
export function groupLabel(group: StatusGroupReading): string {
  const label = group.status.charAt(0) + group.status.slice(1).toLowerCase();
  return `${label} (${group.members.length}${group.updating ? ', updating' : ''})`;
}

function counterKey(status: TaskStatus): 'queued' | 'running' | 'completed' | 'failed' | 'aborted' {
  return status.toLowerCase() as 'queued' | 'running' | 'completed' | 'failed' | 'aborted';
}
