/**
 * The Seven Bridges REST client that the extension, the language server and the CLI share:
 * one method per endpoint they use, each a thin description of its request handed to the
 * request core (http.ts), which owns the token, timeouts, errors, rate limit and retries.
 *
 * Its signatures are the agreement the other parts are built against; change them only
 * together with their callers.
 */
import { Clock, systemClock } from './clock';
import { environmentForApiBase } from './environments';
import { ResourceRefs, SbgApiError } from './errors';
import { HttpCore, HttpMethod, QueryValue } from './http';
import { paginate, PagedIterable } from './pagination';
import type { ProxyResolver } from './proxy';
import type { RateLimitState } from './rateLimit';
import type {
  App, BulkRecord, ExecutionDetails, Page, PlatformFile, Project, RateLimitStatus, Task,
  TaskRequestBody, TaskStatus, User,
} from './types';

export interface ClientOptions {
  /** API base URL including `/v2`, e.g. https://api.sbgenomics.com/v2 or http://127.0.0.1:PORT/v2. */
  baseUrl: string;
  /** Developer token (X-SBG-Auth-Token). Never logged, never put in an error message. */
  token: string;
  /** Environment's display name for messages ("Seven Bridges (US)", "CGC", "custom"). */
  environmentName?: string;
  clock?: Clock;
  /** Per-request timeout, ms (default 30 000). */
  timeoutMs?: number;
  /** Longest total wait for a rate-limit reset or maintenance before failing (default 60 000 ms). */
  maxWaitMs?: number;
  /** Called after every response (and every failure) for the log channel: no headers, no token. */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Called when the client starts waiting for a rate-limit reset or maintenance, so UIs can show it. */
  onWait?: (info: { reason: 'rate-limit' | 'maintenance'; untilMs: number }) => void;
  /**
   * The proxy to send requests through: `proxyFromEnv(process.env)` (proxy.ts) in the CLI and the
   * standalone server. Leave it unset in VS Code, whose own proxy support already applies.
   */
  proxy?: ProxyResolver;
  /** Most bytes of one answer read before failing (default MAX_RESPONSE_BYTES, 64 MiB). */
  maxResponseBytes?: number;
}

export interface RequestLogEntry {
  method: string;
  /** Path and query relative to the base URL, e.g. /tasks?parent=...; never a token. */
  path: string;
  status?: number;
  durationMs: number;
  rateLimitRemaining?: number;
  requestId?: string;
  error?: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** `fields` selector (docs/PLATFORM.md#the-fields-selector). */
  fields?: string;
}

export interface ListOptions extends RequestOptions {
  offset?: number;
  limit?: number;
}

export interface TaskListFilter extends ListOptions {
  project?: string;
  parent?: string;
  status?: TaskStatus;
  batch?: boolean;
  created_from?: string;
  created_to?: string;
  started_from?: string;
  started_to?: string;
  ended_from?: string;
  ended_to?: string;
  origin_id?: string;
  order_by?: 'created_time' | 'start_time' | 'name' | 'end_time' | 'created_by';
  order?: 'asc' | 'desc';
}

export type { RateLimitState } from './rateLimit';

/** The platform's limit of ids per bulk call (docs/PLATFORM.md#bulk-calls). */
export const BULK_LIMIT = 100;
/** The largest page the platform serves; iterators use it to spend the fewest requests. */
export const MAX_PAGE_SIZE = 100;

type ProjectListOptions = ListOptions & { name?: string };
type AppListOptions = ListOptions & { project?: string; visibility?: 'public' | 'private'; q?: string };
type FileListOptions = ListOptions & { name?: string[]; metadata?: Record<string, string> };

interface Call {
  method: HttpMethod;
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  options?: RequestOptions;
  /** Reads and bulk gets; everything else acts on the platform and is never re-sent after it may have arrived. */
  idempotent: boolean;
  resources?: ResourceRefs;
}

export class SbgClient {
  /** The API base URL, with /v2 and without a trailing slash. */
  readonly baseUrl: string;
  private readonly http: HttpCore;

  /** Throws UnsafeUrlError for a URL the token must not be sent to (plain HTTP off this machine, ...). */
  constructor(options: ClientOptions) {
    const environmentName = options.environmentName ?? environmentForApiBase(options.baseUrl, `the platform at ${safeHost(options.baseUrl)}`).name;
    this.http = new HttpCore({
      baseUrl: options.baseUrl,
      token: options.token,
      environmentName,
      clock: options.clock ?? systemClock,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxWaitMs: options.maxWaitMs ?? 60_000,
      onRequest: options.onRequest,
      onWait: options.onWait,
      proxy: options.proxy,
      maxResponseBytes: options.maxResponseBytes,
    });
    this.baseUrl = this.http.base.href.replace(/\/+$/, '');
  }

  /** Last seen X-RateLimit-* values. */
  get rateLimit(): RateLimitState {
    return this.http.rateLimit.state;
  }

  /**
   * The platform's current time (epoch ms), from the `Date` header of its last answer: task
   * times are on its clock, so a running task's duration is `serverNow() - start_time` whatever
   * this machine's clock says. Before any answer, this machine's (the Clock's) time.
   */
  serverNow(): number {
    return this.http.serverNow();
  }

  async getUser(options?: RequestOptions): Promise<User> {
    return this.read('/user', options);
  }

  /** GET /rate_limit: not counted by the platform, so it is sent even when the budget is spent. */
  async getRateLimit(options?: RequestOptions): Promise<RateLimitStatus> {
    const response = await this.http.request<RateLimitStatus>({
      method: 'GET', path: '/rate_limit', query: { fields: options?.fields }, signal: options?.signal, idempotent: true, counted: false,
    });
    return response.body;
  }

  async listProjects(options: ProjectListOptions = {}): Promise<Page<Project>> {
    return this.page('/projects', { name: options.name }, options);
  }

  /** `limit` sets the page size (default 100, the most the platform serves). */
  allProjects(options: ListOptions & { name?: string } = {}): PagedIterable<Project> {
    return this.all('/projects', { name: options.name }, options);
  }

  async getProject(projectId: string, options?: RequestOptions): Promise<Project> {
    return this.read(`/projects/${idPath(projectId, 'project')}`, options, { project: projectId });
  }

  async listApps(options: AppListOptions = {}): Promise<Page<App>> {
    return this.page('/apps', appFilter(options), options, { project: options.project });
  }

  allApps(options: AppListOptions = {}): PagedIterable<App> {
    return this.all('/apps', appFilter(options), options, { project: options.project });
  }

  /** appId with or without a trailing revision; `revision` overrides. Includes `raw` unless `fields` says otherwise. */
  async getApp(appId: string, options: RequestOptions & { revision?: number } = {}): Promise<App> {
    const segments = appId.split('/');
    const idRevision = segments.length === 4 && /^\d+$/.test(segments[3]) ? segments.pop() : undefined;
    const revision = options.revision ?? idRevision;
    const path = `/apps/${idPath(segments.join('/'), 'app')}${revision !== undefined ? `/${revision}` : ''}`;
    return this.read(path, options, { app: appId });
  }

  async listFiles(projectOrParent: { project?: string; parent?: string }, options: FileListOptions = {}): Promise<Page<PlatformFile>> {
    return this.page('/files', fileFilter(projectOrParent, options), options, { project: projectOrParent.project });
  }

  allFiles(projectOrParent: { project?: string; parent?: string }, options: FileListOptions = {}): PagedIterable<PlatformFile> {
    return this.all('/files', fileFilter(projectOrParent, options), options, { project: projectOrParent.project });
  }

  async getFile(fileId: string, options?: RequestOptions): Promise<PlatformFile> {
    return this.read(`/files/${idPath(fileId, 'file')}`, options, { file: fileId });
  }

  /** GET /files/{id}/download_info: a link to the file's bytes that needs no token (fetch it with transfer.ts). */
  async getDownloadInfo(fileId: string, options?: RequestOptions): Promise<{ url: string }> {
    return this.read(`/files/${idPath(fileId, 'file')}/download_info`, options, { file: fileId });
  }

  /** POST /bulk/files/get, split into requests of ≤100 ids. */
  async bulkGetFiles(fileIds: string[], options?: RequestOptions): Promise<BulkRecord<PlatformFile>[]> {
    return this.bulkGet('/bulk/files/get', 'file_ids', fileIds, options);
  }

  /** POST /tasks (`action=run` when run is true). Never retried after it may have reached the server. */
  async createTask(body: TaskRequestBody, options: RequestOptions & { run?: boolean } = {}): Promise<Task> {
    return this.send({
      method: 'POST', path: '/tasks', query: { action: options.run ? 'run' : undefined }, body, options, idempotent: false,
      resources: { project: body.project, app: body.app },
    });
  }

  async getTask(taskId: string, options?: RequestOptions): Promise<Task> {
    return this.read(`/tasks/${idPath(taskId, 'task')}`, options, { task: taskId });
  }

  async updateTask(taskId: string, body: TaskRequestBody, options?: RequestOptions): Promise<Task> {
    return this.send({ method: 'PATCH', path: `/tasks/${idPath(taskId, 'task')}`, body, options, idempotent: false, resources: { task: taskId } });
  }

  async deleteTask(taskId: string, options?: RequestOptions): Promise<void> {
    await this.send({ method: 'DELETE', path: `/tasks/${idPath(taskId, 'task')}`, options, idempotent: false, resources: { task: taskId } });
  }

  async listTasks(filter: TaskListFilter = {}): Promise<Page<Task>> {
    return this.page('/tasks', taskFilter(filter), filter, { project: filter.project, task: filter.parent });
  }

  allTasks(filter: TaskListFilter = {}): PagedIterable<Task> {
    return this.all('/tasks', taskFilter(filter), filter, { project: filter.project, task: filter.parent });
  }

  /** POST /bulk/tasks/get, split into requests of ≤100 ids. */
  async bulkGetTasks(taskIds: string[], options?: RequestOptions): Promise<BulkRecord<Task>[]> {
    return this.bulkGet('/bulk/tasks/get', 'task_ids', taskIds, options);
  }

  /** Runs a draft; `batch: false` runs a batch draft as one task. */
  async runTask(taskId: string, options: RequestOptions & { batch?: boolean } = {}): Promise<Task> {
    return this.action(taskId, 'run', { batch: options.batch }, options);
  }

  async abortTask(taskId: string, options?: RequestOptions): Promise<Task> {
    return this.action(taskId, 'abort', {}, options);
  }

  /** POST /tasks/{id}/actions/clone, `action=run` when run is true. */
  async cloneTask(taskId: string, options: RequestOptions & { run?: boolean } = {}): Promise<Task> {
    return this.action(taskId, 'clone', { action: options.run ? 'run' : undefined }, options);
  }

  async getExecutionDetails(taskId: string, options?: RequestOptions): Promise<ExecutionDetails> {
    return this.read(`/tasks/${idPath(taskId, 'task')}/execution_details`, options, { task: taskId });
  }

  private action(taskId: string, action: 'run' | 'abort' | 'clone', query: Record<string, QueryValue>, options?: RequestOptions): Promise<Task> {
    return this.send({
      method: 'POST', path: `/tasks/${idPath(taskId, 'task')}/actions/${action}`, query, options, idempotent: false, resources: { task: taskId },
    });
  }

  private read<T>(path: string, options?: RequestOptions, resources?: ResourceRefs): Promise<T> {
    return this.send({ method: 'GET', path, options, idempotent: true, resources });
  }

  private async send<T>(call: Call): Promise<T> {
    const response = await this.http.request<T>({
      method: call.method,
      path: call.path,
      query: { ...call.query, fields: call.options?.fields },
      body: call.body,
      signal: call.options?.signal,
      idempotent: call.idempotent,
      resources: call.resources,
    });
    return response.body;
  }

  /** One page: the first one from a path and filter, or the one a next link points at. */
  private async page<T>(pathOrHref: string, filter: Record<string, QueryValue> | undefined, options: ListOptions, resources?: ResourceRefs): Promise<Page<T>> {
    const query = filter && { ...filter, offset: options.offset, limit: options.limit, fields: options.fields };
    const response = await this.http.request<Page<T>>({
      method: 'GET', path: pathOrHref, query, signal: options.signal, idempotent: true, resources,
    });
    const total = Number(response.headers.get('x-total-matching-query') ?? NaN);
    const body = response.body ?? { items: [] };
    return { ...body, items: Array.isArray(body.items) ? body.items : [], total: Number.isFinite(total) ? total : undefined };
  }

  /** Every item from `offset` on, in pages of `limit` items (default: the largest page). */
  private all<T>(path: string, filter: Record<string, QueryValue>, options: ListOptions, resources?: ResourceRefs): PagedIterable<T> {
    const first: ListOptions = { ...options, limit: options.limit ?? MAX_PAGE_SIZE };
    return paginate<T>((next) => (next === undefined ? this.page<T>(path, filter, first, resources) : this.page<T>(next, undefined, first, resources)));
  }

  private async bulkGet<T>(path: string, key: 'file_ids' | 'task_ids', ids: string[], options?: RequestOptions): Promise<BulkRecord<T>[]> {
    const records: BulkRecord<T>[] = [];
    for (let start = 0; start < ids.length; start += BULK_LIMIT) {
      const response = await this.http.request<{ items?: BulkRecord<T>[] }>({
        method: 'POST', path, query: { fields: options?.fields }, body: { [key]: ids.slice(start, start + BULK_LIMIT) },
        signal: options?.signal, idempotent: true,
      });
      records.push(...(response.body?.items ?? []));
    }
    return records;
  }
}

function appFilter(options: { project?: string; visibility?: string; q?: string }): Record<string, QueryValue> {
  return { project: options.project, visibility: options.visibility, q: options.q };
}

function fileFilter(
  where: { project?: string; parent?: string },
  options: { name?: string[]; metadata?: Record<string, string> },
): Record<string, QueryValue> {
  const filter: Record<string, QueryValue> = { project: where.project, parent: where.parent, name: options.name };
  for (const [key, value] of Object.entries(options.metadata ?? {})) filter[`metadata.${key}`] = value;
  return filter;
}

function taskFilter(filter: TaskListFilter): Record<string, QueryValue> {
  const { signal: _signal, fields: _fields, offset: _offset, limit: _limit, ...query } = filter;
  return query;
}

/**
 * An id as path segments, each encoded so that no id can step into another path. An empty
 * id would silently turn a get into a list, so it is refused.
 */
function idPath(id: string, what: 'project' | 'app' | 'file' | 'task'): string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new SbgApiError(`No ${what} id was given: pass the ${what}'s id.`, { kind: 'badRequest', method: 'GET', path: `/${what}s/` });
  }
  return what === 'project' || what === 'app' ? id.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(id);
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
