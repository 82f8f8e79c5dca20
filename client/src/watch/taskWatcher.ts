/**
 * Polls the watched tasks and keeps the store current: one GET per unfinished watched task per
 * tick, the children of batch parents through ChildSync, and the interval from pollSettings.
 *
 * It runs only while there is something to do: while the view is visible and a watched task is
 * not yet settled (final with its children reconciled), or while the end of a watched task is
 * still to be announced (then only the parents are read). Refusals are waited out (429 until the
 * reset, maintenance with backoff); a lost connection marks the store offline and is retried with
 * backoff. Time comes from the Clock, so tests and the benchmark run emulated hours in seconds.
 */
import { backoffDelay, type BackoffPolicy, REFUSAL_BACKOFF } from '../../../platform/src/backoff';
import { timerDelay, type Clock } from '../../../platform/src/clock';
import { isSbgApiError } from '../../../platform/src/errors';
import { isTerminal, type Task } from '../../../platform/src/types';
import { ChildSync } from './childSync';
import { Emitter } from './emitter';
import { nextInterval, normalizeSettings, type PollSettings } from './pollSettings';
import { RequestMeter, TASK_FIELDS, type TaskSource } from './taskSource';
import type { TaskStore, WatchedTask } from './taskStore';
import type { RerunOf } from './watchState';

/** A set of re-runs of a batch's failed children that has ended: announced once, for the whole set. */
export interface RerunsEnded {
  parentId: string;
  /** The batch as last read (undefined when it could not be read). */
  parent?: Task;
  /** Each re-run's last snapshot, with the child it replaces. */
  reruns: { task: Task; rerunOf: RerunOf }[];
  /**
   * Re-runs the platform no longer gives (deleted: 404; no access: 403) before they were seen
   * ending, with why: they count as ended, or the set would never be announced.
   */
  unreadable: { id: string; rerunOf: RerunOf; message: string }[];
}

/** Between attempts while the platform cannot be reached. */
const OFFLINE_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 300_000 };

export interface TaskWatcherOptions {
  clock: Clock;
  settings?: Partial<PollSettings>;
  /** Source of backoff jitter; tests may fix it. */
  random?: () => number;
  /** False: watch() and visibility do not start the loop; the caller ticks (tests) or calls start(). Default true. */
  autoRun?: boolean;
}

export class TaskWatcher {
  private readonly clock: Clock;
  private settings: PollSettings;
  private readonly random: () => number;
  private readonly children: ChildSync;
  private readonly ended = new Emitter<Task>();
  private readonly rerunsEnded = new Emitter<RerunsEnded>();
  /** Tasks polling is done with: final with their children reconciled, or drafts. */
  private readonly settled = new Set<string>();
  /** Added by id in this session: a task already final at its first answer is not announced. */
  private readonly firstAnswerPending = new Set<string>();
  private readonly autoRun: boolean;
  private visible = false;
  private disposed = false;
  private failures = 0;
  private lastTickRequests = 1;
  private loop: Promise<void> | undefined;
  private wake: AbortController | undefined;
  private ticking: Promise<void> = Promise.resolve();

  /** A watched task that was seen unfinished has ended (fires once per task; not for re-runs). */
  readonly onDidEnd = this.ended.event;
  /** Every re-run of a set has ended (fires once per set, however many re-runs it holds). */
  readonly onDidEndReruns = this.rerunsEnded.event;

  constructor(
    readonly store: TaskStore,
    private readonly source: () => TaskSource | undefined,
    options: TaskWatcherOptions,
  ) {
    this.clock = options.clock;
    this.settings = normalizeSettings(options.settings ?? {});
    this.random = options.random ?? Math.random;
    this.autoRun = options.autoRun ?? true;
    this.children = new ChildSync(store, this.clock, () => this.settings.childrenIntervalMs);
  }

  /** Watches a task (a snapshot or an id) and polls at once; `notifyOnEnd` (default true) announces its end. */
  watch(taskOrId: Task | string, options: { notifyOnEnd?: boolean } = {}): void {
    const id = typeof taskOrId === 'string' ? taskOrId : taskOrId.id;
    if (typeof taskOrId === 'string' && !this.store.has(id)) this.firstAnswerPending.add(id);
    this.store.add(taskOrId, options.notifyOnEnd ?? true);
    this.settled.delete(id);
    this.kick();
  }

  /**
   * Polls a watched task again soon, after an action on it or on one of its children, keeping its
   * place in the list and its end-notification choice (watch() would reset both).
   */
  pollSoon(task: Task): void {
    if (this.store.has(task.id)) this.store.updateTask(task);
    const id = this.store.has(task.id) ? task.id : task.parent ?? undefined;
    if (id === undefined || !this.store.has(id)) return;
    this.settled.delete(id);
    this.kick();
  }

  /**
   * Watches re-runs of failed children under their batch (Re-run Failed Children): they are
   * polled like any watched task, and when the last of them ends one notification covers them all.
   */
  watchReruns(parentId: string, reruns: { task: Task; child: Task; childLabel: string }[]): void {
    const set = `${parentId}:${reruns.map((rerun) => rerun.task.id).join(',')}`;
    for (const { task, child, childLabel } of reruns) {
      this.store.addRerun(task, { parent: parentId, child: child.id, childLabel, set });
      this.settled.delete(task.id);
    }
    this.kick();
  }

  unwatch(id: string): void {
    for (const rerun of this.store.reruns(id)) this.settled.delete(rerun.id);
    this.store.remove(id);
    this.settled.delete(id);
    this.firstAnswerPending.delete(id);
    this.children.forget(id);
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.kick();
  }

  updateSettings(settings: Partial<PollSettings>): void {
    this.settings = normalizeSettings({ ...this.settings, ...settings });
  }

  /** The session changed, or the user asked: start again from a clean connection state. */
  restart(): void {
    this.failures = 0;
    this.store.setConnection({ kind: 'online' });
    this.kick();
  }

  /** Polls every watched task now, children included and errors retried, then goes on on schedule. */
  async refresh(): Promise<void> {
    this.settled.clear();
    for (const entry of this.store.watched()) entry.error = undefined;
    await this.tick({ force: true });
    this.kick();
  }

  /** Starts the polling loop if there is work (it stops by itself when there is none). */
  start(): void {
    this.kick(true);
  }

  /** Resolves when the polling loop has stopped (nothing left to poll, or disposed). */
  async whenIdle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  /** Whether a tick now would poll anything. */
  hasWork(): boolean {
    if (this.disposed || !this.source() || this.store.connection.kind === 'unauthorized') return false;
    return this.store.watched().some((entry) => this.isDue(entry, false));
  }

  /** One round: serialised with any other, so the loop and a Refresh never interleave. */
  tick(options: { force?: boolean } = {}): Promise<void> {
    const run = this.ticking.then(() => this.tickOnce(options.force ?? false));
    this.ticking = run.catch(() => undefined);
    return run;
  }

  /**
   * The platform's current time, as its last answer dated it: a running task's duration is
   * measured against it, because start_time is on the platform's clock and this machine's may
   * be far off. This machine's clock while signed out.
   */
  platformNow(): number {
    return this.source()?.serverNow() ?? this.clock.now();
  }

  /** The wait before the next tick, from the activity, the rate limit and any refusal being waited out. */
  nextDelayMs(): number {
    const now = this.clock.now();
    const connection = this.store.connection;
    if ('retryAt' in connection) return timerDelay(connection.retryAt - now); // a Retry-After years away must not overflow the timer
    const rateLimit = this.source()?.rateLimit ?? {};
    return nextInterval(this.settings, this.somethingRuns(), rateLimit, this.lastTickRequests, now);
  }

  dispose(): void {
    this.disposed = true;
    this.wake?.abort();
    this.ended.dispose();
    this.rerunsEnded.dispose();
  }

  private kick(explicit = false): void {
    if (this.disposed) return;
    if (this.loop) {
      this.wake?.abort();
      return;
    }
    if (!(explicit || this.autoRun) || !this.hasWork()) return;
    this.loop = this.run().finally(() => {
      this.loop = undefined;
      // Work may have arrived while the last round finished.
      if (this.hasWork()) this.kick(explicit);
    });
  }

  private async run(): Promise<void> {
    while (this.hasWork()) {
      await this.tick();
      if (!this.hasWork()) return;
      const wake = (this.wake = new AbortController());
      try {
        await this.clock.sleep(this.nextDelayMs(), wake.signal);
      } catch (error) {
        // Woken early (a task was added, the view became visible, disposed): tick now. Anything else stops the loop.
        if (!wake.signal.aborted) throw error;
      }
    }
  }

  private isDue(entry: WatchedTask, force: boolean): boolean {
    if (force) return true;
    if (this.settled.has(entry.id) || entry.error !== undefined) return false;
    return this.visible || entry.notifyEnd;
  }

  private async tickOnce(force: boolean): Promise<void> {
    const source = this.source();
    if (!source) {
      this.store.setConnection({ kind: 'signed-out' });
      return;
    }
    const meter = new RequestMeter();
    let reachable = true;
    for (const entry of this.store.watched().filter((candidate) => this.isDue(candidate, force))) {
      // Unwatched while this round ran (with its batch, for a re-run): no request for it any more.
      if (!this.isWatched(entry)) continue;
      try {
        await this.poll(source, entry, force, meter);
      } catch (error) {
        if (this.handleFailure(entry, error)) {
          reachable = false;
          break;
        }
      }
    }
    this.lastTickRequests = Math.max(1, meter.count);
    if (reachable) {
      this.failures = 0;
      this.store.setConnection({ kind: 'online' });
    }
  }

  private async poll(source: TaskSource, entry: WatchedTask, force: boolean, meter: RequestMeter): Promise<void> {
    const previous = entry.task;
    meter.add(1);
    const task = await source.getTask(entry.id, { fields: TASK_FIELDS });
    if (!this.isWatched(entry)) return;
    this.store.updateTask(task);
    const final = isTerminal(task.status);
    if (this.firstAnswerPending.delete(entry.id) && final) this.store.markNotified(entry.id);

    // Children are read only for someone to see them; a final parent is reconciled once visible.
    const childrenAgree = task.batch ? (this.visible || force) && (await this.children.sync(source, task, { force, meter })) : true;
    if (!this.isWatched(entry)) {
      // Unwatched while its children were read: drop what the sync kept for it, announce nothing.
      this.children.forget(entry.id);
      return;
    }

    if (final) {
      if (entry.notifyEnd && entry.rerunOf) this.announceRerunsIfAllEnded(entry.rerunOf.set);
      else if (entry.notifyEnd) {
        this.store.markNotified(entry.id);
        if (previous === undefined || !isTerminal(previous.status)) this.ended.fire(task);
      }
      if (childrenAgree) this.settled.add(entry.id);
    } else if (task.status === 'DRAFT') {
      // A draft changes only when someone runs it; Run from the tree watches it again, Refresh re-reads it.
      this.settled.add(entry.id);
    }
  }

  /**
   * Re-runs keep their end to announce until the whole set has ended, so that after a reload or
   * when several end in one tick the set is still announced exactly once, by whichever ends last.
   */
  private announceRerunsIfAllEnded(set: string): void {
    const members = this.store.rerunSet(set);
    if (members.length === 0 || !members.every((member) => member.error !== undefined || isTerminal(member.task?.status))) return;
    if (!members.some((member) => member.notifyEnd)) return;
    for (const member of members) this.store.markNotified(member.id);
    const parentId = members[0].rerunOf!.parent;
    const ended: RerunsEnded = { parentId, parent: this.store.entry(parentId)?.task, reruns: [], unreadable: [] };
    for (const member of members) {
      // A re-run seen ending and then unreadable still ended the way it was seen to.
      if (member.task && isTerminal(member.task.status)) ended.reruns.push({ task: member.task, rerunOf: member.rerunOf! });
      else ended.unreadable.push({ id: member.id, rerunOf: member.rerunOf!, message: member.error ?? '' });
    }
    this.rerunsEnded.fire(ended);
  }

  /** Whether `entry` is still the store's (unwatch() may remove it while a round awaits an answer). */
  private isWatched(entry: WatchedTask): boolean {
    return this.store.entry(entry.id) === entry;
  }

  /**
   * A task the platform no longer gives (not found, no access, refused) shows the error and is
   * not polled again. A re-run of a set counts as ended: once the others have ended, waiting for
   * it would keep the set's notification back for ever.
   */
  private markUnreadable(entry: WatchedTask, message: string): void {
    this.store.setError(entry.id, message);
    if (entry.rerunOf && this.isWatched(entry)) this.announceRerunsIfAllEnded(entry.rerunOf.set);
  }

  /** Records a failure; true when it concerns the connection (the rest of the tick is skipped). */
  private handleFailure(entry: WatchedTask, error: unknown): boolean {
    const message = error instanceof Error ? error.message : String(error);
    const now = this.clock.now();
    if (!isSbgApiError(error)) {
      this.markUnreadable(entry, message);
      return false;
    }
    switch (error.kind) {
      case 'notFound':
      case 'forbidden':
      case 'badRequest':
        this.markUnreadable(entry, message);
        return false;
      case 'unauthorized':
        this.store.setConnection({ kind: 'unauthorized', message });
        return true;
      case 'cancelled':
        return true;
      case 'rateLimited':
        this.store.setConnection({ kind: 'rate-limited', message, retryAt: error.retryAt ?? now + this.backoff(REFUSAL_BACKOFF) });
        return true;
      case 'maintenance':
        this.store.setConnection({ kind: 'maintenance', message, retryAt: now + this.backoff(REFUSAL_BACKOFF) });
        return true;
      default:
        this.store.setConnection({ kind: 'offline', message, retryAt: now + this.backoff(OFFLINE_BACKOFF) });
        return true;
    }
  }

  private backoff(policy: BackoffPolicy): number {
    return backoffDelay(this.failures++, policy, this.random);
  }

  /** Fast polling while something runs (or is not known yet); slow while everything is queued. */
  private somethingRuns(): boolean {
    return this.store.watched().some((entry) => {
      if (!this.isDue(entry, false)) return false;
      const task = entry.task;
      if (!task) return true;
      if (task.status === 'QUEUED') return (task.execution_status?.running ?? 0) > 0;
      return !isTerminal(task.status);
    });
  }
}
