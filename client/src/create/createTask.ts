/**
 * Create Draft Task / Create and Run / Update Draft without VS Code: text in, one request out,
 * an outcome the command turns into a notification and diagnostics. Exactly one request is
 * made per call and a failure is never retried here (the platform client retries only what is
 * safe to repeat, which a POST is not).
 */
import type { SbgClient } from '../../../platform/src/client';
import type { Task, TaskRequestBody } from '../../../platform/src/types';
import type { TaskToCheck } from '../../../platform/src/unknownOutcome';
import { explainFailure, type Failure } from '../shared/failure';
import { locateTaskIssues, summarizeIssues, type LocatedIssue } from './platformIssues';
import { appIdWithoutRevision, hasProject, readTaskFile, withProject } from './taskFile';

export type TaskWriter = Pick<SbgClient, 'createTask' | 'updateTask' | 'getTask'>;

export interface SendOptions {
  /** The file's current text, saved or not. */
  text: string;
  /** Create and Run (`action=run`); ignored for updates. */
  run?: boolean;
  /** Overrides (or supplies) the file's `project`. */
  project?: string;
  /** PATCH this draft instead of creating a task. */
  draftId?: string;
  signal?: AbortSignal;
}

export type SendOutcome =
  | { kind: 'invalid-file'; message: string }
  | { kind: 'missing-project'; body: TaskRequestBody }
  | { kind: 'failed'; failure: Failure }
  /** Update only: the remembered task is no longer a draft (or now names another app). */
  | { kind: 'not-a-draft'; message: string }
  | { kind: 'sent'; task: Task; issues: LocatedIssue[]; summary: string };

export async function sendTaskFile(client: TaskWriter, options: SendOptions): Promise<SendOutcome> {
  const reading = readTaskFile(options.text);
  if (!reading.ok) return { kind: 'invalid-file', message: reading.message };
  const body = options.project ? withProject(reading.body, options.project) : reading.body;
  if (!options.draftId && !hasProject(body)) return { kind: 'missing-project', body };
  let task: Task;
  try {
    if (options.draftId) {
      const current = await client.getTask(options.draftId, { signal: options.signal });
      const refusal = draftRefusal(current, body);
      if (refusal) return { kind: 'not-a-draft', message: refusal };
      task = await client.updateTask(options.draftId, draftPatch(body), { signal: options.signal });
    } else {
      task = await client.createTask(body, { run: options.run === true, signal: options.signal });
    }
  } catch (error) {
    return { kind: 'failed', failure: explainFailure(error, taskToCheck(body)) };
  }
  return { kind: 'sent', task, issues: locateTaskIssues(options.text, task), summary: describeTask(task, options) };
}

/** What to look for in the project when the platform may have created the task without saying so. */
function taskToCheck(body: TaskRequestBody): TaskToCheck {
  return {
    project: typeof body.project === 'string' ? body.project : undefined,
    name: typeof body.name === 'string' && body.name !== '' ? body.name : undefined,
    app: typeof body.app === 'string' ? body.app : undefined,
  };
}

/** "Created draft task "RNA run" (3f2a…). 1 error. reads: …" */
function describeTask(task: Task, options: Pick<SendOptions, 'run' | 'draftId'>): string {
  const name = task.name ? `"${task.name}" ` : '';
  const what = options.draftId
    ? `Updated draft ${name}(${task.id}).`
    : options.run
      ? task.status === 'DRAFT'
        ? `Created task ${name}(${task.id}) but it did not run: it is still a draft.`
        : `Created and started task ${name}(${task.id}), now ${task.status ?? 'submitted'}.`
      : `Created draft task ${name}(${task.id}).`;
  const issues = summarizeIssues(task);
  return issues ? `${what} ${issues}` : what;
}

function draftRefusal(current: Task, body: TaskRequestBody): string | undefined {
  if (current.status !== 'DRAFT') {
    return `Task ${current.id} is ${current.status ?? 'no longer a draft'}, and only drafts can be changed. Use Create Draft Task to make a new one.`;
  }
  if (typeof body.app === 'string' && current.app !== undefined && appIdWithoutRevision(body.app) !== appIdWithoutRevision(current.app)) {
    return `The file now names app ${body.app}, but draft ${current.id} was made from ${current.app}. A draft's app cannot change: use Create Draft Task.`;
  }
  return undefined;
}

/** PATCH takes the editable fields only (docs/PLATFORM.md#editing-a-draft): project and app stay as created. */
function draftPatch(body: TaskRequestBody): TaskRequestBody {
  const { project: _project, app: _app, ...editable } = body;
  return editable;
}
