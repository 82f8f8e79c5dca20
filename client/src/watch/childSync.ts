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
 *
 * The counters may count something other than the children: the Java client documents them as
 * counts of jobs (docs/PLATFORM.md#batch-parents-and-children). When a complete listing holds a different number of children
 * than the counters add up to, they can never agree, so this parent's children are followed by
 * time instead: each sweep (still spaced by `childrenIntervalMs`) reads the running children and
 * those that ended since the last sweep; the final parent's children are listed once.
 */
import type { Clock } from '../../../platform/src/clock';
import { isTerminal, type Task } from '../../../platform/src/types';
import { countLikeCounters, parentCounts, sameCounts, totalOf, type ChildCounts } from './counts';
import { bulkChildren, listChildren, type RequestMeter, type TaskSource } from './taskSource';
import type { TaskStore } from './taskStore';

interface SweepState {
  lastSweepAt: number;
  /** The last sweep could not make the counters agree: sweep again without waiting. */
  unresolved: boolean;
}

/** A parent whose counters do not count its children. */
interface ByTimeState {
  /** The platform's time when the last sweep began: children that ended after it (less a margin) are read. */
  sweptAt: number;
  /** The children were listed in full after the parent ended: nothing more can change. */
  listedFinal: boolean;
}

/** How far before the last sweep the next one looks for ended children: end times and listings on the platform need not be in step. */
const ENDED_MARGIN_MS = 60_000;

export interface ChildSyncOptions {
  force: boolean;
  meter: RequestMeter;
}

export class ChildSync {
  private readonly sweeps = new Map<string, SweepState>();
  private readonly byTime = new Map<string, ByTimeState>();

  constructor(
    private readonly store: TaskStore,
    private readonly clock: Clock,
    private readonly childrenIntervalMs: () => number,
  ) {}

  /** Brings the parent's children up to date as far as this tick allows; true when they agree with its counters. */
  async sync(source: TaskSource, parent: Task, options: ChildSyncOptions): Promise<boolean> {
    // A CREATING parent has no children yet (docs/PLATFORM.md#batch-parents-and-children): nothing to list.
    if (!parent.batch || parent.status === 'DRAFT' || parent.status === 'CREATING') return true;
    const expected = parentCounts(parent);
    const local = this.countedChildren(parent.id);
    const timed = this.byTime.get(parent.id);
    if (timed && local !== undefined) return this.syncByTime(source, parent, timed, options);
    if (local === undefined || local.queued + local.running + local.completed + local.failed + local.aborted !== totalOf(expected)) {
      const listed = await this.listAll(source, parent, options.meter);
      if (listed !== totalOf(expected) && totalOf(expected) > 0) {
        // Not the children's counters (jobs?): they will never agree, so stop comparing.
        this.byTime.set(parent.id, { sweptAt: source.serverNow(), listedFinal: isTerminal(parent.status) });
        return isTerminal(parent.status);
      }
      return this.agrees(parent.id, expected);
    }
    if (sameCounts(local, expected)) return true;

    const state = this.sweeps.get(parent.id);
    // While the parent is ABORTING its children move on their own way to ABORTED: no rush after a sweep that did not settle.
    const rush = state?.unresolved === true && parent.status !== 'ABORTING';
    const due = options.force || isTerminal(parent.status) || !state || rush || this.clock.now() - state.lastSweepAt >= this.childrenIntervalMs();
    if (!due) return false;
    await this.sweep(source, parent, expected, options.meter);
    const agrees = this.agrees(parent.id, expected);
    this.sweeps.set(parent.id, { lastSweepAt: this.clock.now(), unresolved: !agrees });
    return agrees;
  }

  forget(parentId: string): void {
    this.sweeps.delete(parentId);
    this.byTime.delete(parentId);
  }

  /** Lists every child afresh; the number listed. */
  private async listAll(source: TaskSource, parent: Task, meter: RequestMeter): Promise<number> {
    const { items } = await listChildren(source, { parent: parent.id, order_by: 'created_time', order: 'asc' }, meter);
    this.store.setChildren(parent.id, items);
    this.sweeps.set(parent.id, { lastSweepAt: this.clock.now(), unresolved: false });
    return items.length;
  }

  /** Children of a parent whose counters count something else: running ones and those ended since the last sweep; all once it has ended. */
  private async syncByTime(source: TaskSource, parent: Task, timed: ByTimeState, options: ChildSyncOptions): Promise<boolean> {
    if (isTerminal(parent.status)) {
      if (!timed.listedFinal) {
        await this.listAll(source, parent, options.meter);
        timed.listedFinal = true;
      }
      return true;
    }
    const state = this.sweeps.get(parent.id);
    if (!options.force && state && this.clock.now() - state.lastSweepAt < this.childrenIntervalMs()) return false;
    const sweptAt = source.serverNow();
    const { items: running } = await listChildren(source, { parent: parent.id, status: 'RUNNING', order_by: 'created_time', order: 'asc' }, options.meter);
    this.store.updateChildren(parent.id, running);
    if (parent.status === 'ABORTING') {
      // The children being aborted are neither running nor ended: read them, or the tree shows them running until they end.
      const { items: aborting } = await listChildren(source, { parent: parent.id, status: 'ABORTING', order_by: 'created_time', order: 'asc' }, options.meter);
      this.store.updateChildren(parent.id, aborting);
    }
    const { items: ended } = await listChildren(
      source,
      { parent: parent.id, ended_from: platformTime(new Date(timed.sweptAt - ENDED_MARGIN_MS).toISOString()), order_by: 'end_time', order: 'desc' },
      options.meter,
    );
    this.store.updateChildren(parent.id, ended);
    timed.sweptAt = sweptAt;
    this.sweeps.set(parent.id, { lastSweepAt: this.clock.now(), unresolved: false });
    return false;
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

  /** The stored children counted the way the parent's counters count them (ABORTING as running). */
  private countedChildren(parentId: string): ChildCounts | undefined {
    const children = this.store.children(parentId);
    return children && countLikeCounters(children);
  }

  private agrees(parentId: string, expected: ChildCounts): boolean {
    const local = this.countedChildren(parentId);
    return local !== undefined && sameCounts(local, expected);
  }
}

/** The list filters take UTC date-times without a zone suffix (docs/PLATFORM.md#listing-tasks). */
function platformTime(iso: string | undefined): string {
  const time = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(time) ? '1970-01-01' : new Date(time).toISOString().slice(0, 19);
}
