/** /tasks: create, list with filters, get, PATCH, DELETE, actions, execution details, bulk get (docs/PLATFORM.md#creating-a-task and the sections after it). */
import { taskAnswer } from '../http/answers';
import { apiErrors } from '../http/apiError';
import { selectFields } from '../http/fields';
import { pageReply } from '../http/pages';
import type { Reply, RequestContext, Router } from '../http/router';
import type { EmulatedPlatform } from '../platform';
import type { TaskRecord } from '../store';
import { checkDraft, cloneBody, createDraft, patchDraft } from '../tasks/drafts';
import { ISSUE } from '../tasks/checkInputs';
import { executionDetails } from '../tasks/executionDetails';
import { registerJobLogs } from '../files/taskFiles';
import { readableProject, readableTask, writableTask } from './access';
import { bulkIds, bulkRecord } from './bulk';

const STATUSES = new Set(['QUEUED', 'DRAFT', 'RUNNING', 'COMPLETED', 'ABORTED', 'ABORTING', 'FAILED']);
const ORDER_BY = new Set(['created_time', 'start_time', 'name', 'end_time', 'created_by']);
const LIST_DEFAULT_FIELDS = ['href', 'id', 'name', 'status', 'project'];

export function addTaskRoutes(router: Router, platform: EmulatedPlatform): void {
  router
    .add('POST', '/tasks', (context) => {
      const record = createDraft(platform, context.body, draftOptions(context));
      if (runRequested(context) && record.task.errors?.length === 0) platform.engine.run(record, context.now);
      return taskReply(platform, context, record, 201);
    })
    .add('GET', '/tasks', (context) => listTasks(platform, context))
    .add('POST', '/bulk/tasks/get', (context) => ({
      status: 200,
      body: {
        items: bulkIds(context.body, 'task_ids').map((id) =>
          bulkRecord(() => selectFields(taskAnswer(readableTask(platform, context.user, id).task, platform.store), context.query.get('fields'))),
        ),
      },
    }))
    .add('GET', '/tasks/:id', (context) => taskReply(platform, context, readableTask(platform, context.user, context.params.id)))
    .add('PATCH', '/tasks/:id', (context) => {
      const record = writableTask(platform, context.user, context.params.id);
      patchDraft(platform, record, context.body, context.user);
      return taskReply(platform, context, record);
    })
    .add('DELETE', '/tasks/:id', (context) => {
      const record = writableTask(platform, context.user, context.params.id);
      if (record.task.status !== 'DRAFT') throw apiErrors.deleteOnlyDraft(record.task.status ?? 'unknown');
      platform.store.deleteTask(record);
      return { status: 204 };
    })
    .add('POST', '/tasks/:id/actions/run', (context) => {
      const record = writableTask(platform, context.user, context.params.id);
      const task = record.task;
      if (task.status !== 'DRAFT') throw apiErrors.onlyDraft('run', task.status ?? 'unknown');
      const disableBatch = context.query.get('batch') === 'false';
      if (disableBatch && !task.batch) throw apiErrors.batchDisableNotBatch();
      const interruptible = context.query.get('use_interruptible_instances');
      if (interruptible !== null) task.use_interruptible_instances = interruptible === 'true';
      const app = platform.appByFullId(task.app ?? '');
      if (app) checkDraft(platform, task, app, context.user);
      const missing = (task.errors ?? []).filter((issue) => issue.type === ISSUE.required).map((issue) => issue.input_id ?? '');
      if (missing.length > 0) throw apiErrors.missingInputs(missing);
      if (task.errors && task.errors.length > 0) throw apiErrors.validationErrors();
      platform.engine.run(record, context.now, disableBatch);
      return taskReply(platform, context, record);
    })
    .add('POST', '/tasks/:id/actions/abort', (context) => {
      const record = writableTask(platform, context.user, context.params.id);
      const status = record.task.status ?? 'DRAFT';
      if (!['QUEUED', 'RUNNING', 'CREATING'].includes(status)) throw apiErrors.notAbortable(status);
      platform.engine.abort(record, context.now);
      return taskReply(platform, context, record);
    })
    .add('POST', '/tasks/:id/actions/clone', (context) => {
      const source = readableTask(platform, context.user, context.params.id);
      const record = createDraft(platform, cloneBody(source.task), draftOptions(context));
      if (runRequested(context) && record.task.errors?.length === 0) platform.engine.run(record, context.now);
      return taskReply(platform, context, record, 201);
    })
    .add('GET', '/tasks/:id/execution_details', (context) => {
      const record = readableTask(platform, context.user, context.params.id);
      const details = executionDetails(record, context.now, context.baseUrl);
      registerJobLogs(platform.store, record.task, details);
      return { status: 200, body: selectFields(details, context.query.get('fields')) };
    });
}

function draftOptions(context: RequestContext) {
  return { user: context.user, now: context.now, baseUrl: context.baseUrl, disableBatch: context.query.get('batch') === 'false' };
}

/** `action=run` (any case) or `run=true` (docs/PLATFORM.md#creating-a-task). */
function runRequested(context: RequestContext): boolean {
  return context.query.get('action')?.toLowerCase() === 'run' || context.query.get('run') === 'true';
}

function taskReply(platform: EmulatedPlatform, context: RequestContext, record: TaskRecord, status = 200): Reply {
  return { status, body: selectFields(taskAnswer(record.task, platform.store), context.query.get('fields')) };
}

function listTasks(platform: EmulatedPlatform, context: RequestContext): Reply {
  const query = context.query;
  const project = query.get('project') ?? undefined;
  const parent = query.get('parent') ?? undefined;
  const status = query.get('status') ?? undefined;
  if (status !== undefined && !STATUSES.has(status)) throw apiErrors.invalidStatus(status);
  if (project !== undefined) readableProject(platform, context.user, project);
  if (parent !== undefined) readableTask(platform, context.user, parent);
  const orderBy = query.get('order_by') ?? 'created_time';
  if (!ORDER_BY.has(orderBy)) throw apiErrors.badRequest(`order_by must be one of ${[...ORDER_BY].join(', ')}, got "${orderBy}".`);
  const order = query.get('order') ?? 'asc';
  if (order !== 'asc' && order !== 'desc') throw apiErrors.badRequest(`order must be asc or desc, got "${order}".`);

  const batch = query.get('batch');
  const originId = query.get('origin_id');
  const ranges = (['created', 'started', 'ended'] as const).map((kind) => timeRange(query, kind));
  const readable = new Map<string, boolean>();
  const canRead = (projectId: string) => {
    let allowed = readable.get(projectId);
    if (allowed === undefined) readable.set(projectId, (allowed = platform.store.canRead(context.user, projectId)));
    return allowed;
  };
  const matching: TaskRecord[] = [];
  for (const record of platform.store.candidateTasks({ project, parent, status })) {
    const task = record.task;
    if (project !== undefined && task.project !== project) continue;
    if (status !== undefined && task.status !== status) continue;
    if (parent === undefined && project === undefined && !canRead(task.project ?? '')) continue;
    if (batch !== null && Boolean(task.batch) !== (batch === 'true')) continue;
    if (originId !== null && task.origin_id !== originId) continue;
    if (!ranges.every((range, i) => range.contains([task.created_time, task.start_time, task.end_time][i]))) continue;
    matching.push(record);
  }
  const direction = order === 'asc' ? 1 : -1;
  const key = (record: TaskRecord) => (record.task as unknown as Record<string, string | null | undefined>)[orderBy];
  matching.sort((a, b) => direction * (compareNullable(key(a), key(b)) || a.seq - b.seq));
  return pageReply(context, matching, (record) => taskAnswer(record.task, platform.store), platform.listDefault(LIST_DEFAULT_FIELDS));
}

function compareNullable(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** `<kind>_from` / `<kind>_to`: `yyyy-MM-dd` or ISO date-times; a date-only `_to` includes that whole day. */
function timeRange(query: URLSearchParams, kind: 'created' | 'started' | 'ended') {
  const from = parseTime(query.get(`${kind}_from`), `${kind}_from`, false);
  const to = parseTime(query.get(`${kind}_to`), `${kind}_to`, true);
  return {
    contains(value: string | null | undefined): boolean {
      if (from === undefined && to === undefined) return true;
      if (!value) return false;
      const time = Date.parse(value);
      return (from === undefined || time >= from) && (to === undefined || time <= to);
    },
  };
}

function parseTime(raw: string | null, name: string, endOfDay: boolean): number | undefined {
  if (raw === null || raw === '') return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const time = Date.parse(dateOnly ? `${raw}T00:00:00Z` : /[zZ]|[+-]\d{2}:\d{2}$/.test(raw) ? raw : `${raw}Z`);
  if (Number.isNaN(time)) throw apiErrors.badRequest(`${name} must be a UTC date (yyyy-MM-dd) or date-time (yyyy-MM-ddTHH:mm:ss), got "${raw}".`);
  return dateOnly && endOfDay ? time + 86_400_000 - 1 : time;
}
