/**
 * Why a create/update failed, in words a person can act on, and whether the task may exist
 * anyway. The rule that matters: once `POST /tasks` may have reached the platform it is never
 * sent again by us, and the message says where to look (the project's task list, the task's
 * name) before trying again, claiming neither outcome.
 * The platform client's errors (platform/src/errors.ts) already say what to fix; this adds
 * what it means for the task.
 */
import { SbgApiError } from '../../../platform/src/errors';
import { describeUnknownOutcome, howToCheckForTask, mayHaveActed, type TaskToCheck } from '../../../platform/src/unknownOutcome';

export type FailureKind =
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'invalid'
  | 'rate-limit'
  | 'maintenance'
  | 'maybe-created'
  | 'unreachable'
  | 'cancelled'
  | 'other';

export interface Failure {
  kind: FailureKind;
  message: string;
  /** True when the request may have created (or changed) the task although no usable answer came back. */
  maybeCreated: boolean;
  status?: number;
  code?: number;
  /** Epoch ms after which trying again makes sense (rate limit). */
  retryAt?: number;
}

export function explainFailure(error: unknown, task: TaskToCheck = {}): Failure {
  if (!(error instanceof SbgApiError)) {
    // Not a request failure: a refused API URL, a bug. Nothing was sent.
    return { kind: 'other', maybeCreated: false, message: error instanceof Error ? error.message : String(error) };
  }
  const base = { status: error.status, code: error.code };
  // The rule `sbg-task create` follows too (platform/src/unknownOutcome.ts).
  if (mayHaveActed(error)) {
    if (error.kind === 'cancelled') {
      return { ...base, kind: 'cancelled', maybeCreated: true, message: `Cancelled; if the request had already gone out, the platform may have acted on it. ${howToCheckForTask(task)}` };
    }
    return { ...base, kind: 'maybe-created', maybeCreated: true, message: describeUnknownOutcome(error, task) };
  }
  switch (error.kind) {
    case 'unauthorized':
      return { ...base, kind: 'auth', maybeCreated: false, message: `${error.message} Nothing was created.` };
    case 'forbidden':
      return { ...base, kind: 'forbidden', maybeCreated: false, message: error.message };
    case 'notFound':
      return { ...base, kind: 'not-found', maybeCreated: false, message: error.message };
    case 'badRequest':
      // A conflict (409) is not a problem of the file: the message says to refresh.
      if (error.status === 409) return { ...base, kind: 'invalid', maybeCreated: false, message: `${error.message} Nothing was changed.` };
      return { ...base, kind: 'invalid', maybeCreated: false, message: `${error.message} Fix the file and try again.` };
    case 'unsafeRedirect':
    case 'unsafePath':
      return { ...base, kind: 'invalid', maybeCreated: false, message: `${error.message} Fix the file and try again.` };
    case 'rateLimited':
      return { ...base, kind: 'rate-limit', maybeCreated: false, retryAt: error.retryAt, message: `${error.message} Nothing was created.` };
    case 'maintenance':
      return { ...base, kind: 'maintenance', maybeCreated: false, message: error.message };
    case 'network':
      return { ...base, kind: 'unreachable', maybeCreated: false, message: `${error.message} Nothing was sent.` };
    case 'proxy':
      // A proxy's 407: the request stopped there, and the message already says so.
      return { ...base, kind: 'unreachable', maybeCreated: false, message: error.message };
    case 'cancelled':
      if (error.sendState === 'refused') {
        return { ...base, kind: 'cancelled', maybeCreated: false, message: 'Cancelled while waiting to send again: the platform had refused the request (rate limit or maintenance), so nothing was created.' };
      }
      return { ...base, kind: 'cancelled', maybeCreated: false, message: 'Cancelled before the request was sent: nothing was created.' };
    default:
      return { ...base, kind: 'other', maybeCreated: false, message: error.message };
  }
}
