/**
 * Moves tasks through their statuses on emulated time (docs/PLATFORM.md#task-statuses, docs/PLATFORM.md#batch-parents-and-children):
 * a single task runs at once: RUNNING with `execution_status` only `{message: "Initializing..."}`
 * (the run answer the platform gives) until its instance is up QUEUE_DELAY later, then runs its
 * deterministic duration and ends COMPLETED or FAILED. A batch parent is CREATING for
 * CREATING_DELAY while its children are made, then QUEUED; at most `max_parallel_instances`
 * children hold an instance at once (the others wait QUEUED); the parent turns RUNNING with its
 * first running child, its counters follow the children (or their jobs, variant `counters=jobs`),
 * and it ends when they all have: FAILED if any failed (COMPLETED under `parent-end=completed`),
 * ABORTED if all were aborted, else COMPLETED. Abort goes through ABORTING for ABORT_DELAY.
 * Work is driven by a queue of timed events, so `runDue` costs only the transitions that fall due.
 */
import type { Task, TaskStatus } from '../../../platform/src/types';
import { isoTime } from '../clock';
import { uuidFor } from '../ids';
import type { Store, TaskRecord } from '../store';
import { childName, planBatch } from './batch';
import { EventQueue } from './eventQueue';
import { outcomeOf } from './outcome';
import type { Variants } from '../variants';
import { priceOfRun, sumOfPrices } from './pricing';
import { createOutputs, type OutputPort } from '../files/taskFiles';

/** Emulated time between getting an instance and running on it (a single task is RUNNING "Initializing..." meanwhile). */
export const QUEUE_DELAY_MS = 5_000;
/** Emulated time a batch parent is CREATING before its children exist. */
export const CREATING_DELAY_MS = 2_000;
/** Emulated time a task is ABORTING before it is ABORTED. */
export const ABORT_DELAY_MS = 2_000;
/** What a task's `execution_status` holds right after run (corpus cgc_run-task_response.json). */
export const INITIALIZING = 'Initializing...';
export const DEFAULT_MAX_PARALLEL = 4;

/** What the engine needs to know about an app. */
export interface AppFacts {
  steps: string[];
  outputIds: string[];
  /** The output ports with what their files look like (for the files a completed task leaves). */
  outputPorts?: OutputPort[];
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

type Transition =
  | { kind: 'start' | 'finish'; record: TaskRecord; group: RunGroup }
  | { kind: 'expand' | 'aborted'; record: TaskRecord };

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
    task.execution_status = { message: INITIALIZING };
    if (task.batch) {
      this.store.setStatus(record, 'CREATING', now);
      this.events.push(now + CREATING_DELAY_MS, { kind: 'expand', record });
    } else {
      this.store.setStatus(record, 'RUNNING', now);
      task.start_time = isoTime(now);
      this.startGroup({ pending: [record], next: 0, maxParallel: 1, holding: new Set() }, now);
    }
  }

  /** ABORTING now, ABORTED after ABORT_DELAY; a batch parent takes its unfinished children with it. */
  abort(record: TaskRecord, now: number): void {
    if (record.task.batch) {
      // The parent stops first, so that freeing its children's instances starts no other child.
      this.store.setStatus(record, 'ABORTING', now);
      for (const child of this.store.children(record.task.id)) this.abortOne(child, now, false);
      if (record.task.execution_status?.queued !== undefined) this.refreshCounters(record, 'Aborting');
      else setStatusFields(record, { message: 'Aborting' });
    } else {
      this.abortOne(record, now, false);
    }
    this.events.push(now + ABORT_DELAY_MS, { kind: 'aborted', record });
  }

  /** Applies every transition due at or before `now`, each at its own time. */
  runDue(now: number): void {
    for (let event = this.events.popDue(now); event; event = this.events.popDue(now)) {
      const transition = event.payload;
      if (transition.kind === 'start') this.start(transition.record, transition.group, event.at);
      else if (transition.kind === 'finish') this.finish(transition.record, transition.group, event.at);
      else if (transition.kind === 'expand') this.expand(transition.record, event.at);
      else this.aborted(transition.record, event.at);
    }
  }

  /** The batch parent's children exist: it is QUEUED and the first children get instances. */
  private expand(parent: TaskRecord, now: number): void {
    if (parent.task.status !== 'CREATING') return;
    this.store.setStatus(parent, 'QUEUED', now);
    const children = this.createChildren(parent, now);
    this.refreshCounters(parent, 'Queued');
    this.startGroup({ parent, pending: children, next: 0, maxParallel: maxParallelOf(parent.task), holding: new Set() }, now);
    if (children.length === 0) this.finishParent(parent, now);
  }

  /** The end of ABORTING: the task (and a parent's aborting children) are ABORTED. */
  private aborted(record: TaskRecord, now: number): void {
    if (record.task.status !== 'ABORTING') return;
    if (record.task.batch) {
      for (const child of this.store.children(record.task.id)) this.abortedOne(child, now);
      this.store.setStatus(record, 'ABORTED', now);
      record.task.end_time = isoTime(now);
      if (record.task.execution_status?.queued !== undefined) this.refreshCounters(record, 'Aborted');
      else setStatusFields(record, { message: 'Aborted' });
      return;
    }
    this.abortedOne(record, now);
  }

  private createChildren(parent: TaskRecord, now: number): TaskRecord[] {
    const task = parent.task;
    const batchInput = task.batch_input ?? '';
    const facts = this.appFacts(task.app ?? '');
    const plans = planBatch(task.batch_by ?? { type: 'item' }, task.inputs?.[batchInput], (id) => this.store.files.get(id), this.variants);
    return plans.map((plan, index) => {
      const id = uuidFor(`${task.id}/child/${index}`);
      const child: Task = {
        href: task.href?.replace(task.id, id),
        id,
        name: childName(this.variants['child-name'], task.name ?? 'Batch', plan.group.value, id),
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
      if (record.task.status !== 'QUEUED' && !(record.task.status === 'RUNNING' && !group.parent)) continue;
      group.holding.add(record);
      // A single task's execution_status stays {message: "Initializing..."} until its instance is up.
      if (group.parent) setStatusFields(record, { instance_init: true, account_limit: false });
      this.events.push(now + QUEUE_DELAY_MS, { kind: 'start', record, group });
    }
  }

  private start(record: TaskRecord, group: RunGroup, at: number): void {
    const status = record.task.status;
    // A child waits QUEUED for its instance; a single task waits RUNNING "Initializing...".
    if (status !== 'QUEUED' && !(status === 'RUNNING' && !group.parent)) return;
    const queuedMs = at - record.statusSince;
    if (status === 'QUEUED') {
      this.store.setStatus(record, 'RUNNING', at);
      record.task.start_time = isoTime(at);
    }
    const stepsTotal = record.task.execution_status?.steps_total ?? this.appFacts(record.task.app ?? '').steps.length;
    setStatusFields(record, {
      message: 'Running',
      steps_completed: record.task.execution_status?.steps_completed ?? 0,
      steps_total: stepsTotal,
      instance_init: false,
      account_limit: false,
      system_limit: false,
      queued_duration: queuedMs,
    });
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
      const ports = this.appFacts(task.app ?? '').outputPorts ?? [];
      const declared = Object.keys(task.outputs ?? {});
      task.outputs = createOutputs(this.store, task, ports.filter((port) => declared.includes(port.id) || declared.length === 0), at);
    }
    task.price = priceOfRun(task, record.durationMs);
    this.release(record, group, at);
  }

  /** ABORTING; a lone task (not part of its parent's abort) gets its own ABORTED event. */
  private abortOne(record: TaskRecord, now: number, alone = true): void {
    const status = record.task.status;
    if (status !== 'QUEUED' && status !== 'RUNNING') return;
    this.store.setStatus(record, 'ABORTING', now);
    setStatusFields(record, { message: 'Aborting' });
    if (alone) this.events.push(now + ABORT_DELAY_MS, { kind: 'aborted', record });
  }

  /** ABORTED: the task frees its instance (a batch's next child may take it). */
  private abortedOne(record: TaskRecord, now: number): void {
    if (record.task.status !== 'ABORTING') return;
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
    if (parent.task.status === 'ABORTING' || parent.task.status === 'ABORTED') return;
    this.admit(group, now);
    this.refreshCounters(parent, 'Running');
    const unfinished = this.childTasks(parent.task.id);
    if (unfinished.queued + unfinished.running === 0) this.finishParent(parent, now);
  }

  private finishParent(parent: TaskRecord, now: number): void {
    const { failed, aborted, completed } = this.childTasks(parent.task.id);
    const status: TaskStatus =
      failed > 0 && this.variants['parent-end'] === 'failed' ? 'FAILED' : aborted > 0 && completed === 0 && failed === 0 ? 'ABORTED' : 'COMPLETED';
    this.store.setStatus(parent, status, now);
    parent.task.start_time ??= isoTime(now);
    parent.task.end_time = isoTime(now);
    parent.task.price = sumOfPrices([...this.store.children(parent.task.id)].map((child) => child.task));
    this.refreshCounters(parent, status === 'COMPLETED' ? 'Completed' : status === 'FAILED' ? 'Failed: some child tasks failed.' : 'Aborted');
  }

  private refreshCounters(parent: TaskRecord, message: string): void {
    const tasks = this.childTasks(parent.task.id);
    const counters = this.variants.counters === 'jobs' ? jobCounters(tasks, this.appFacts(parent.task.app ?? '').steps.length) : tasks;
    parent.task.execution_status = { ...parent.task.execution_status, message, ...counters };
  }

  /** The children by status; an ABORTING child still holds its instance, so it counts as running. */
  private childTasks(parentId: string): Counters {
    const count = (status: TaskStatus) => this.store.countChildren(parentId, status);
    return {
      queued: count('QUEUED'),
      running: count('RUNNING') + count('ABORTING'),
      completed: count('COMPLETED'),
      failed: count('FAILED'),
      aborted: count('ABORTED'),
    };
  }
}

type Counters = { queued: number; running: number; completed: number; failed: number; aborted: number };

/**
 * Variant `counters=jobs`: the children's jobs, `steps` per child (execution details give each
 * child one job per step). A queued child's jobs all wait; a running child runs one and the rest
 * wait; a failed child failed its last job after completing the others; an aborted child's jobs
 * are all aborted.
 */
function jobCounters(tasks: Counters, steps: number): Counters {
  const per = Math.max(1, steps);
  return {
    queued: per * tasks.queued + (per - 1) * tasks.running,
    running: tasks.running,
    completed: per * tasks.completed + (per - 1) * tasks.failed,
    failed: tasks.failed,
    aborted: per * tasks.aborted,
  };
}

function maxParallelOf(task: Task): number {
  const value = task.execution_settings?.max_parallel_instances;
  return typeof value === 'number' && value >= 1 ? Math.floor(value) : DEFAULT_MAX_PARALLEL;
}

function setStatusFields(record: TaskRecord, fields: Task['execution_status']): void {
  record.task.execution_status = { ...record.task.execution_status, ...fields };
}
