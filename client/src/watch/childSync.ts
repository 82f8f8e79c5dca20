/**
 * Keeps the children of a batch parent in the store current while spending requests only on
 * what can have changed (issue 5 §2):
 *
 * - the parent's counters (from the tick's GET of the parent) are compared with the counters of
 *   the children in the store; statuses only move forward (QUEUED → RUNNING → final, QUEUED →
 *   ABORTED), so when the two agree no child can be stale and nothing is fetched;
 * - the children are listed in full once, and again only when their number changes;
 * - otherwise a sweep reads the RUNNING children (a listing that max_parallel_instances keeps
 *   short), bulk-gets those that were running before and are not now (they ended), and only when
 *   children left QUEUED without being seen running (short children, or aborted while queued)
 *   reads the most recently ended ones, newest first, until the counters agree.
 *
 * A sweep's cost follows the number of children that changed, never the number queued or
 * finished. Sweeps of a running batch are spaced by `childrenIntervalMs` (the parent's counters
 * still come every tick); a final parent is reconciled at once, so a watch ends exact.
 */
import type { Clock } from '../../../platform/src/clock';
import { isTerminal, type Task } from '../../../platform/src/types';
import { parentCounts, sameCounts, totalOf, type ChildCounts } from './counts';
import { bulkChildren, listChildren, type RequestMeter, type TaskSource } from './taskSource';
import type { TaskStore } from './taskStore';

interface SweepState {
  lastSweepAt: number;
  /** The last sweep could not make the counters agree: sweep again without waiting. */
  unresolved: boolean;
}

export interface ChildSyncOptions {
  force: boolean;
  meter: RequestMeter;
}

export class ChildSync {
  private readonly sweeps = new Map<string, SweepState>();

  constructor(
    private readonly store: TaskStore,
    private readonly clock: Clock,
    private readonly childrenIntervalMs: () => number,
  ) {}

  /** Brings the parent's children up to date as far as this tick allows; true when they agree with its counters. */
  async sync(source: TaskSource, parent: Task, options: ChildSyncOptions): Promise<boolean> {
    // A CREATING parent has no children yet (SBG-API.md §15): nothing to list.
    if (!parent.batch || parent.status === 'DRAFT' || parent.status === 'CREATING') return true;
    const expected = parentCounts(parent);
    const local = this.store.childCounts(parent.id);
    if (local === undefined || local.queued + local.running + local.completed + local.failed + local.aborted !== totalOf(expected)) {
      await this.listAll(source, parent, options.meter);
      return this.agrees(parent.id, expected);
    }
    if (sameCounts(local, expected)) return true;

    const state = this.sweeps.get(parent.id);
    const due = options.force || isTerminal(parent.status) || !state || state.unresolved || this.clock.now() - state.lastSweepAt >= this.childrenIntervalMs();
    if (!due) return false;
    await this.sweep(source, parent, expected, options.meter);
    const agrees = this.agrees(parent.id, expected);
    this.sweeps.set(parent.id, { lastSweepAt: this.clock.now(), unresolved: !agrees });
    return agrees;
  }

  forget(parentId: string): void {
    this.sweeps.delete(parentId);
  }

  private async listAll(source: TaskSource, parent: Task, meter: RequestMeter): Promise<void> {
    const { items } = await listChildren(source, { parent: parent.id, order_by: 'created_time', order: 'asc' }, meter);
    this.store.setChildren(parent.id, items);
    this.sweeps.set(parent.id, { lastSweepAt: this.clock.now(), unresolved: false });
  }

  private async sweep(source: TaskSource, parent: Task, expected: ChildCounts, meter: RequestMeter): Promise<void> {
    const before = this.store.children(parent.id) ?? [];
    // RUNNING, and ABORTING or anything else between queued and final.
    const wereActive = before.filter((child) => child.status !== 'QUEUED' && !isTerminal(child.status)).map((child) => child.id);

    const { items: running } = await listChildren(source, { parent: parent.id, status: 'RUNNING', order_by: 'created_time', order: 'asc' }, meter);
    this.store.updateChildren(parent.id, running);
    const runningNow = new Set(running.map((child) => child.id));
    const left = wereActive.filter((id) => !runningNow.has(id));
    this.store.updateChildren(parent.id, await bulkChildren(source, left, meter));

    if (this.missingFromQueue(parent.id, expected) > 0) await this.findEnded(source, parent, expected, meter);
  }

  /**
   * Children the store still holds as QUEUED that the platform no longer counts as queued and
   * that were not seen running: they ended between two sweeps. The newest ended children are
   * read until none is missing; if the whole listing does not account for them, the children
   * are listed afresh next time.
   */
  private async findEnded(source: TaskSource, parent: Task, expected: ChildCounts, meter: RequestMeter): Promise<void> {
    const { complete } = await listChildren(
      source,
      { parent: parent.id, ended_from: platformTime(parent.created_time), order_by: 'end_time', order: 'desc' },
      meter,
      (page) => {
        this.store.updateChildren(parent.id, page);
        return this.missingFromQueue(parent.id, expected) > 0;
      },
    );
    if (complete && this.missingFromQueue(parent.id, expected) > 0) this.store.dropChildren(parent.id);
  }

  private missingFromQueue(parentId: string, expected: ChildCounts): number {
    return (this.store.childCounts(parentId)?.queued ?? 0) - expected.queued;
  }

  private agrees(parentId: string, expected: ChildCounts): boolean {
    const local = this.store.childCounts(parentId);
    return local !== undefined && sameCounts(local, expected);
  }
}

/** The list filters take UTC date-times without a zone suffix (SBG-API.md §5.1). */
function platformTime(iso: string | undefined): string {
  const time = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(time) ? '1970-01-01' : new Date(time).toISOString().slice(0, 19);
}
