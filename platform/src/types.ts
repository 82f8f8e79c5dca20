/**
 * Resources of the Seven Bridges public API (v2) as the client reads them.
 * Shapes follow the platform's API (docs/PLATFORM.md, docs/ARCHITECTURE.md); every field the platform may leave out is optional,
 * because list calls return subsets and drafts omit whole objects (docs/PLATFORM.md#the-task-resource).
 */

export type TaskStatus =
  | 'DRAFT'
  | 'CREATING'
  | 'QUEUED'
  | 'RUNNING'
  | 'COMPLETED'
  | 'ABORTING'
  | 'ABORTED'
  | 'FAILED';

export const TERMINAL_STATUSES: readonly TaskStatus[] = ['COMPLETED', 'FAILED', 'ABORTED'];

export function isTerminal(status: string | undefined): boolean {
  return status !== undefined && (TERMINAL_STATUSES as readonly string[]).includes(status);
}

export interface User {
  href?: string;
  username: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  affiliation?: string;
}

export interface Project {
  href?: string;
  id: string; // owner/project-short-name
  name: string;
  description?: string;
  billing_group?: string;
  type?: string;
  tags?: string[];
  category?: string;
  created_by?: string;
  created_on?: string;
  modified_on?: string;
  root_folder?: string;
}

export interface App {
  href?: string;
  id: string; // owner/project/app/revision
  project: string;
  name: string;
  revision: number;
  raw?: Record<string, unknown>;
}

export interface PlatformFile {
  href?: string;
  id: string; // 24 hex
  /** `FILE`/`FOLDER` as the docs show, or `file`/`folder` as the SDKs normalise: compare with isFolder(). */
  type?: string;
  name: string;
  size?: number;
  project?: string;
  parent?: string;
  created_on?: string;
  modified_on?: string;
  metadata?: Record<string, unknown>;
  tags?: string[];
  origin?: Record<string, unknown>;
  storage?: Record<string, unknown>;
}

/** Whether a file is a folder, whatever the case of its `type` (docs/PLATFORM.md#projects-and-files). */
export function isFolder(file: Pick<PlatformFile, 'type'>): boolean {
  return file.type?.toLowerCase() === 'folder';
}

export interface BatchBy {
  type: string; // item | criteria (any case)
  criteria?: string[];
}

export interface BatchGroup {
  value: string;
  fields?: Record<string, string>;
}

export interface ExecutionStatus {
  message?: string;
  message_code?: string;
  steps_completed?: number;
  steps_total?: number;
  queued?: number;
  running?: number;
  completed?: number;
  failed?: number;
  aborted?: number;
  system_limit?: boolean;
  account_limit?: boolean;
  instance_init?: boolean;
  queued_duration?: number;
  running_duration?: number;
  execution_duration?: number;
  duration?: number;
}

/**
 * One entry of a task's `errors` or `warnings`: documented as `{type, message, input_id}`
 * (docs/PLATFORM.md#validation-errors-and-warnings); an SDK fixture has `{error: "..."}`. Read its text with issueText().
 */
export interface TaskIssue {
  type?: string;
  message?: string;
  input_id?: string;
  error?: string;
}

/** The platform's own words for an issue, whichever shape it came in; undefined when it has none. */
export function issueText(issue: TaskIssue): string | undefined {
  for (const text of [issue.message, issue.error]) if (typeof text === 'string' && text.trim() !== '') return text;
  return typeof issue.type === 'string' && issue.type !== '' ? issue.type : undefined;
}

export interface Price {
  currency: string;
  amount: number;
  breakdown?: Record<string, string>;
}

export interface ExecutionSettings {
  instance_type?: string;
  max_parallel_instances?: number;
  use_memoization?: boolean;
  use_elastic_disk?: boolean;
}

export interface Task {
  href?: string;
  id: string; // UUID
  name?: string;
  description?: string;
  status?: TaskStatus;
  project?: string;
  app?: string;
  type?: string;
  created_by?: string;
  executed_by?: string;
  created_time?: string;
  start_time?: string | null;
  end_time?: string | null;
  batch?: boolean;
  batch_input?: string | null;
  batch_by?: BatchBy | null;
  parent?: string | null;
  batch_group?: BatchGroup | null;
  execution_status?: ExecutionStatus;
  errors?: TaskIssue[];
  warnings?: TaskIssue[];
  price?: Price;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  use_interruptible_instances?: boolean;
  execution_settings?: ExecutionSettings;
  output_location?: Record<string, unknown>;
  origin_id?: string;
}

/** The request body of POST /v2/tasks (and PATCH of a draft). */
export interface TaskRequestBody {
  project?: string;
  app?: string;
  name?: string;
  description?: string;
  inputs?: Record<string, unknown>;
  batch?: boolean;
  batch_input?: string | null;
  batch_by?: BatchBy | null;
  use_interruptible_instances?: boolean;
  execution_settings?: ExecutionSettings;
  output_location?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ExecutionDetails {
  href?: string;
  start_time?: string;
  end_time?: string;
  status?: string;
  message?: string;
  jobs?: Job[] | null;
}

/** One job (an executed step) of a task's execution details (sevenbridges-python job.py and its compounds). */
export interface Job {
  name: string;
  start_time?: string;
  end_time?: string;
  status?: string; // DONE | FAILED | RUNNING ...
  message?: string;
  command_line?: string;
  retried?: boolean;
  instance?: JobInstance;
  docker?: { checksum?: string };
  /** Log name → URL whose path holds the log's file id (`…/files/<id>/…`). */
  logs?: Record<string, string>;
}

export interface JobInstance {
  id?: string;
  type?: string;
  provider?: string;
  disk?: { size?: number; unit?: string; type?: string };
  [key: string]: unknown;
}

export interface RateLimitStatus {
  rate: { limit: number; remaining: number; reset: number };
  instance_limit?: { limit: number; remaining: number };
}

/** A page of a collection: `{href, items, links}` plus the X-Total-Matching-Query header. */
export interface Page<T> {
  href?: string;
  items: T[];
  links?: { href: string; rel: string; method?: string }[];
  total?: number;
}

/** One record of a bulk answer: either the resource or the error for that id. */
export interface BulkRecord<T> {
  resource?: T;
  error?: { status: number; code: number; message: string; more_info?: string };
}
