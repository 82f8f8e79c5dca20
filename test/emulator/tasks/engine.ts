/**
 * Moves tasks through their statuses on emulated time (SBG-API.md §4, §10):
 * run → QUEUED; a task given an instance starts RUNNING QUEUE_DELAY later, runs its deterministic
 * duration and ends COMPLETED or FAILED. A batch parent expands into children on run; at most
 * `max_parallel_instances` of them hold an instance at once; the parent's counters follow the
 * children and it ends when they all have (FAILED if any failed, ABORTED if all were aborted,
 * else COMPLETED). Work is driven by a queue of timed events, so `runDue` costs only the
 * transitions that fall due.
 */
import type { Task, TaskStatus } from '../../../platform/src/types';
import { isoTime } from '../clock';
import { uuidFor } from '../ids';
import type { Store, TaskRecord } from '../store';
import { planBatch } from './batch';
import { EventQueue } from './eventQueue';
import { outcomeOf } from './outcome';
import type { Variants } from '../variants';

/** Emulated time between getting an instance and RUNNING. */
export const QUEUE_DELAY_MS = 5_000;
export const DEFAULT_MAX_PARALLEL = 4;

/** What the engine needs to know about an app. */
export interface AppFacts {
  steps: string[];
  outputIds: string[];
  /** Whether the input takes an array (a batch child then gets an array of its files). */
  isArrayInput(inputId: string): boolean;
}

interface RunGroup {
  parent?: TaskRecord;
  pending: TaskRecord[];
  next: number;
  maxParallel: number;
  holding: Set<TaskRecord>;
}

type Transition = { kind: 'start' | 'finish'; record: TaskRecord; group: RunGroup };

export class TaskEngine {
  private readonly events = new EventQueue<Transition>();
  private readonly groupOf = new Map<string, RunGroup>();

  constructor(
    private readonly store: Store,
    private readonly appFacts: (appId: string) => AppFacts,
    private readonly failShare: number,
    private readonly variants: Variants,
  ) {}

  /** Runs a DRAFT (already checked to have no errors); `disableBatch` runs a batch draft as one task. */
  run(record: TaskRecord, now: number, disableBatch = false): void {
    const task = record.task;
    task.start_time = null;
    task.end_time = null;
    if (task.batch && disableBatch) {
      task.batch = false;
      task.batch_input = null;
      task.batch_by = null;
    }
    this.store.setStatus(record, 'QUEUED', now);
    if (task.batch) {
      const children = this.createChildren(record, now);
      task.execution_status = { message: 'Queued', queued: children.length, running: 0, completed: 0, failed: 0, aborted: 0 };
      this.startGroup({ parent: record, pending: children, next: 0, maxParallel: maxParallelOf(task), holding: new Set() }, now);
      if (children.length === 0) this.finishParent(record, now);
    } else {
      task.execution_status = { message: 'Queued', steps_completed: 0, steps_total: this.appFacts(task.app ?? '').steps.length, account_limit: false, system_limit: false, instance_init: true };
      this.startGroup({ pending: [record], next: 0, maxParallel: 1, holding: new Set() }, now);
    }
  }

  abort(record: TaskRecord, now: number): void {
    if (record.task.batch) {
      // The parent is ABORTED first so that freeing its children's instances starts no other child.
      this.store.setStatus(record, 'ABORTED', now);
      record.task.end_time = isoTime(now);
      for (const child of this.store.children(record.task.id)) this.abortOne(child, now);
      this.refreshCounters(record, 'Aborted');
      return;
    }
    this.abortOne(record, now);
  }

  /** Applies every transition due at or before `now`, each at its own time. */
  runDue(now: number): void {
    for (let event = this.events.popDue(now); event; event = this.events.popDue(now)) {
      const { kind, record, group } = event.payload;
      if (kind === 'start') this.start(record, group, event.at);
      else this.finish(record, group, event.at);
    }
  }

  private createChildren(parent: TaskRecord, now: number): TaskRecord[] {
    const task = parent.task;
    const batchInput = task.batch_input ?? '';
    const facts = this.appFacts(task.app ?? '');
    const plans = planBatch(task.batch_by ?? { type: 'item' }, task.inputs?.[batchInput], (id) => this.store.files.get(id));
    return plans.map((plan, index) => {
      const id = uuidFor(`${task.id}/child/${index}`);
      const child: Task = {
        href: task.href?.replace(task.id, id),
        id,
        name: `${task.name ?? 'Batch'} - ${plan.group.value}`,
        status: 'DRAFT',
        project: task.project,
        app: task.app,
        type: task.type,
        created_by: task.created_by,
        executed_by: task.executed_by,
        created_time: isoTime(now),
        start_time: null,
        end_time: null,
        batch: false,
        parent: task.id,
        batch_group: plan.group,
        inputs: { ...task.inputs, [batchInput]: facts.isArrayInput(batchInput) ? plan.files : plan.files[0] },
        outputs: Object.fromEntries(facts.outputIds.map((outputId) => [outputId, null])),
        execution_settings: task.execution_settings,
        use_interruptible_instances: task.use_interruptible_instances,
        execution_status: { message: 'Queued', steps_completed: 0, steps_total: facts.steps.length },
        errors: [],
        warnings: [],
      };
      const outcome = outcomeOf(id, this.failShare);
      const record = this.store.addTask(child, outcome.durationMs, outcome.willFail, now);
      this.store.setStatus(record, 'QUEUED', now);
      return record;
    });
  }

  private startGroup(group: RunGroup, now: number): void {
    for (const record of group.pending) this.groupOf.set(record.task.id, group);
    this.admit(group, now);
  }

  /** Gives free instances to the next queued tasks of the group. */
  private admit(group: RunGroup, now: number): void {
    while (group.holding.size < group.maxParallel && group.next < group.pending.length) {
      const record = group.pending[group.next++];
      if (record.task.status !== 'QUEUED') continue;
      group.holding.add(record);
      setStatusFields(record, { instance_init: true, account_limit: false });
      this.events.push(now + QUEUE_DELAY_MS, { kind: 'start', record, group });
    }
  }

  private start(record: TaskRecord, group: RunGroup, at: number): void {
    if (record.task.status !== 'QUEUED') return;
    const queuedMs = at - record.statusSince;
    this.store.setStatus(record, 'RUNNING', at);
    record.task.start_time = isoTime(at);
    setStatusFields(record, { message: 'Running', instance_init: false, account_limit: false, queued_duration: queuedMs });
    this.events.push(at + record.durationMs, { kind: 'finish', record, group });
    if (group.parent) {
      if (group.parent.task.status === 'QUEUED') {
        this.store.setStatus(group.parent, 'RUNNING', at);
        group.parent.task.start_time = isoTime(at);
      }
      this.refreshCounters(group.parent, 'Running');
    }
  }

  private finish(record: TaskRecord, group: RunGroup, at: number): void {
    if (record.task.status !== 'RUNNING') return;
    const task = record.task;
    const failed = record.willFail;
    const stepsTotal = task.execution_status?.steps_total ?? 1;
    this.store.setStatus(record, failed ? 'FAILED' : 'COMPLETED', at);
    task.end_time = isoTime(at);
    const queued = task.execution_status?.queued_duration ?? 0;
    setStatusFields(record, {
      message: failed ? 'Failed: the tool exited with a non-zero code (emulated).' : 'Completed',
      steps_completed: failed ? Math.max(0, stepsTotal - 1) : stepsTotal,
      running_duration: record.durationMs,
      execution_duration: record.durationMs,
      duration: queued + record.durationMs,
    });
    if (!failed) {
      task.outputs = Object.fromEntries(
        Object.keys(task.outputs ?? {}).map((outputId) => [outputId, { class: 'File', path: uuidFor(`${task.id}/${outputId}`).replace(/-/g, '').slice(0, 24), name: `${outputId}.out` }]),
      );
    }
    task.price = { currency: 'USD', amount: Math.round(record.durationMs / 36) / 1000, breakdown: { storage: '0.00', computation: (record.durationMs / 36000).toFixed(2) } };
    this.release(record, group, at);
  }

  private abortOne(record: TaskRecord, now: number): void {
    const status = record.task.status;
    if (status !== 'QUEUED' && status !== 'RUNNING') return;
    this.store.setStatus(record, 'ABORTED', now);
    record.task.end_time = isoTime(now);
    setStatusFields(record, { message: 'Aborted' });
    const group = this.groupOf.get(record.task.id);
    if (group) this.release(record, group, now);
  }

  /** A task of the group is done: free its instance, start the next, and settle the parent. */
  private release(record: TaskRecord, group: RunGroup, now: number): void {
    this.groupOf.delete(record.task.id);
    group.holding.delete(record);
    const parent = group.parent;
    if (!parent) return;
    if (parent.task.status === 'ABORTED') return;
    this.admit(group, now);
    this.refreshCounters(parent, 'Running');
    const counts = parent.task.execution_status!;
    if ((counts.queued ?? 0) + (counts.running ?? 0) === 0) this.finishParent(parent, now);
  }

  private finishParent(parent: TaskRecord, now: number): void {
    const counts = parent.task.execution_status ?? {};
    const status: TaskStatus =
      (counts.failed ?? 0) > 0 ? 'FAILED' : (counts.aborted ?? 0) > 0 && (counts.completed ?? 0) === 0 ? 'ABORTED' : 'COMPLETED';
    this.store.setStatus(parent, status, now);
    parent.task.start_time ??= isoTime(now);
    parent.task.end_time = isoTime(now);
    this.refreshCounters(parent, status === 'COMPLETED' ? 'Completed' : status === 'FAILED' ? 'Failed: some child tasks failed.' : 'Aborted');
  }

  private refreshCounters(parent: TaskRecord, message: string): void {
    const id = parent.task.id;
    parent.task.execution_status = {
      ...parent.task.execution_status,
      message,
      queued: this.store.countChildren(id, 'QUEUED'),
      running: this.store.countChildren(id, 'RUNNING'),
      completed: this.store.countChildren(id, 'COMPLETED'),
      failed: this.store.countChildren(id, 'FAILED'),
      aborted: this.store.countChildren(id, 'ABORTED'),
    };
  }
}

function maxParallelOf(task: Task): number {
  const value = task.execution_settings?.max_parallel_instances;
  return typeof value === 'number' && value >= 1 ? Math.floor(value) : DEFAULT_MAX_PARALLEL;
}

function setStatusFields(record: TaskRecord, fields: Task['execution_status']): void {
  record.task.execution_status = { ...record.task.execution_status, ...fields };
}
