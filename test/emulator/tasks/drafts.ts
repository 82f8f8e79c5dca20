/**
 * Turning a POST /tasks (or clone) body into a DRAFT, and re-checking a draft after PATCH.
 * Refusals that stop the request (bad project, app or batch arguments) are thrown as ApiErrors;
 * problems with input values are kept on the draft as `errors`/`warnings` (docs/PLATFORM.md#creating-a-task).
 */
import type { App, BatchBy, Task, TaskIssue, TaskRequestBody } from '../../../platform/src/types';
import type { AppModel } from '../../../server/src/service/cwl/model';
import { isoTime } from '../clock';
import { apiErrors } from '../http/apiError';
import { uuidFor } from '../ids';
import type { EmulatedPlatform } from '../platform';
import { fileLookupFor, readableApp, writableProject } from '../routes/access';
import type { TaskRecord } from '../store';
import { checkInputs } from './checkInputs';
import { outcomeOf } from './outcome';

/** `execution_settings.instance_type` the platform can give (docs/PLATFORM.md#instance-types: AWS, Google, AUTO). */
const INSTANCE_TYPE = /^([a-z][a-z0-9-]*\.[0-9a-z]+(;ebs-gp2;\d+)?|[a-z][a-z0-9]*-[a-z]+-\d+(;pd-ssd;\d+)?|AUTO)$/;

/** Fields a draft takes from a request body as they are. */
const COPIED_FIELDS = ['description', 'use_interruptible_instances', 'execution_settings', 'output_location'] as const;

export interface DraftOptions {
  user: string;
  now: number;
  baseUrl: string;
  /** `batch=false` on the request: ignore the app's default batching. */
  disableBatch: boolean;
}

export function createDraft(platform: EmulatedPlatform, body: unknown, options: DraftOptions): TaskRecord {
  const request = requestBody(body);
  const project = writableProject(platform, options.user, request.project).project;
  const app = readableApp(platform, options.user, request.app);
  const model = platform.models.model(app);
  if (request.inputs !== undefined && !isObject(request.inputs)) throw apiErrors.badRequest('"inputs" must be an object keyed by input id.');
  const id = uuidFor(platform.nextTaskKey());
  const task: Task = {
    href: `${options.baseUrl}/tasks/${id}`,
    id,
    name: typeof request.name === 'string' ? request.name : `${app.name} run - ${isoTime(options.now)}`,
    status: 'DRAFT',
    project: project.id,
    app: app.id,
    type: 'v2',
    created_by: options.user,
    executed_by: options.user,
    created_time: isoTime(options.now),
    // The platform's own DRAFT examples carry a start_time (docs/PLATFORM.md#the-task-resource).
    start_time: isoTime(options.now),
    end_time: null,
    inputs: { ...(request.inputs as Record<string, unknown> | undefined) },
    outputs: Object.fromEntries(platform.models.facts(app).outputIds.map((outputId) => [outputId, null])),
  };
  for (const field of COPIED_FIELDS) if (request[field] !== undefined) Object.assign(task, { [field]: request[field] });
  applyBatching(task, request, model, options.disableBatch);
  checkDraft(platform, task, app, options.user);
  const outcome = outcomeOf(id, platform.failShare);
  return platform.store.addTask(task, outcome.durationMs, outcome.willFail, options.now);
}

/** PATCH of a DRAFT (docs/PLATFORM.md#editing-a-draft): editable fields replace, `inputs` merge. */
export function patchDraft(platform: EmulatedPlatform, record: TaskRecord, body: unknown, user: string): void {
  const request = requestBody(body);
  const task = record.task;
  if (task.status !== 'DRAFT' && Object.keys(request).some((key) => key !== 'name' && key !== 'description')) {
    throw apiErrors.editOnlyDraft(task.status ?? 'unknown');
  }
  if (typeof request.name === 'string') task.name = request.name;
  for (const field of COPIED_FIELDS) if (request[field] !== undefined) Object.assign(task, { [field]: request[field] });
  if (request.inputs !== undefined) {
    if (!isObject(request.inputs)) throw apiErrors.badRequest('"inputs" must be an object keyed by input id.');
    task.inputs = { ...task.inputs, ...request.inputs };
  }
  if (task.status !== 'DRAFT') return;
  const app = platform.appByFullId(task.app ?? '');
  if (!app) return;
  if (request.batch === false || ('batch_input' in request && request.batch_input === null && request.batch_by === null)) {
    task.batch = false;
    task.batch_input = null;
    task.batch_by = null;
  } else if ('batch_input' in request || 'batch_by' in request) {
    applyBatching(task, request, platform.models.model(app), false);
  }
  checkDraft(platform, task, app, user);
}

/** Re-checks a draft's inputs (before run too: files may have changed since creation). */
export function checkDraft(platform: EmulatedPlatform, task: Task, app: App, user: string): void {
  const model = platform.models.model(app);
  const result = checkInputs(model, task.inputs ?? {}, task.batch ? task.batch_input ?? undefined : undefined, fileLookupFor(platform, user));
  for (const port of model.inputs) if (!(port.id in (task.inputs ?? {}))) task.inputs = { ...task.inputs, [port.id]: null };
  // A problem of the task rather than of an input comes in the other shape the SDKs know,
  // `{error: "..."}` (sevenbridges-python tests/providers.py; docs/PLATFORM.md#validation-errors-and-warnings).
  const instanceType = task.execution_settings?.instance_type;
  const taskErrors: TaskIssue[] = instanceType !== undefined && !INSTANCE_TYPE.test(String(instanceType))
    ? [{ error: `Instance type "${instanceType}" is not available; use one such as c5.2xlarge;ebs-gp2;1024.` }]
    : [];
  task.errors = [...result.errors, ...taskErrors];
  task.warnings = result.warnings;
}

/** The fields of an existing task that a clone starts from. */
export function cloneBody(task: Task): TaskRequestBody {
  const inputs = Object.fromEntries(Object.entries(task.inputs ?? {}).filter(([, value]) => value !== null));
  return {
    project: task.project,
    app: task.app,
    name: task.name,
    description: task.description,
    inputs,
    ...(task.batch ? { batch_input: task.batch_input, batch_by: task.batch_by } : { batch: false }),
    execution_settings: task.execution_settings,
    use_interruptible_instances: task.use_interruptible_instances,
    output_location: task.output_location,
  };
}

function applyBatching(task: Task, request: TaskRequestBody, model: AppModel, disableBatch: boolean): void {
  const hasInput = request.batch_input !== undefined && request.batch_input !== null;
  const hasBy = request.batch_by !== undefined && request.batch_by !== null;
  // batch=false (query) or "batch": false turns batching off, explicit batch arguments included (docs/PLATFORM.md#batching).
  if (disableBatch || request.batch === false) {
    task.batch = false;
    task.batch_input = null;
    task.batch_by = null;
    return;
  }
  if (request.batch_input === '') throw apiErrors.emptyBatchInput();
  if (hasInput !== hasBy) throw apiErrors.batchPair();
  let batchInput: string | undefined;
  let batchBy: BatchBy | undefined;
  if (hasInput) {
    batchInput = String(request.batch_input);
    batchBy = checkBatchBy(request.batch_by);
    if (!model.inputs.some((port) => port.id === batchInput)) throw apiErrors.unknownBatchInput(batchInput);
  } else if (model.batchInput && model.batchBy) {
    batchInput = model.batchInput;
    batchBy = { type: model.batchBy.type.toLowerCase(), ...(model.batchBy.criteria ? { criteria: model.batchBy.criteria } : {}) };
  }
  task.batch = batchInput !== undefined;
  task.batch_input = batchInput ?? null;
  task.batch_by = batchBy ?? null;
}

function checkBatchBy(value: unknown): BatchBy {
  const batchBy = value as { type?: unknown; criteria?: unknown };
  const type = typeof batchBy?.type === 'string' ? batchBy.type.toLowerCase() : undefined;
  if (type !== 'item' && type !== 'criteria') throw apiErrors.invalidBatchType(batchBy?.type);
  if (type === 'item') return { type };
  const criteria = batchBy.criteria;
  if (!Array.isArray(criteria) || criteria.length === 0 || criteria.some((criterion) => typeof criterion !== 'string' || criterion === '')) {
    throw apiErrors.missingBatchCriteria();
  }
  return { type, criteria: criteria as string[] };
}

function requestBody(body: unknown): TaskRequestBody {
  if (!isObject(body)) throw apiErrors.badRequest('The request body must be a JSON object with at least "project" and "app".');
  return body as TaskRequestBody;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
