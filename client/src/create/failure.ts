/**
 * Why a create/update failed, in words a person can act on, and whether the task may exist
 * anyway. The rule that matters: once `POST /tasks` may have reached the platform it is never
 * sent again by us, and the message says to look at the task tree before trying again.
 * The platform client's errors (platform/src/errors.ts) already say what to fix; this adds
 * what it means for the task.
 */
import { SbgApiError } from '../../../platform/src/errors';

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

/** Reasons that mean the connection was never made, so nothing reached the platform. */
const NEVER_CONNECTED = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/;

const CHECK_TREE =
  'It was not sent again: check the task tree (or the project on the web) before trying again, so the task is not created twice.';

export function explainFailure(error: unknown): Failure {
  if (!(error instanceof SbgApiError)) {
    // Not a request failure: a refused API URL, a bug. Nothing was sent.
    return { kind: 'other', maybeCreated: false, message: error instanceof Error ? error.message : String(error) };
  }
  const base = { status: error.status, code: error.code };
  switch (error.kind) {
    case 'unauthorized':
      return { ...base, kind: 'auth', maybeCreated: false, message: `${error.message} Nothing was created.` };
    case 'forbidden':
      return { ...base, kind: 'forbidden', maybeCreated: false, message: error.message };
    case 'notFound':
      return { ...base, kind: 'not-found', maybeCreated: false, message: error.message };
    case 'badRequest':
    case 'unsafeRedirect':
      return { ...base, kind: 'invalid', maybeCreated: false, message: `${error.message} Fix the file and try again.` };
    case 'rateLimited':
      return { ...base, kind: 'rate-limit', maybeCreated: false, retryAt: error.retryAt, message: `${error.message} Nothing was created.` };
    case 'maintenance':
      return { ...base, kind: 'maintenance', maybeCreated: false, message: error.message };
    case 'network':
      if (NEVER_CONNECTED.test(error.message)) return { ...base, kind: 'unreachable', maybeCreated: false, message: `${error.message} Nothing was sent.` };
      return maybeCreated(base, `The connection failed after the request was sent, so the platform may have acted on it. ${CHECK_TREE}`);
    case 'proxy':
      // A proxy's 407: the request stopped there, and the message already says so.
      return { ...base, kind: 'unreachable', maybeCreated: false, message: error.message };
    case 'timeout':
      return maybeCreated(base, `${error.message} ${CHECK_TREE}`);
    case 'cancelled':
      if (error.sendState === 'unsent') return { ...base, kind: 'cancelled', maybeCreated: false, message: 'Cancelled before the request was sent: nothing was created.' };
      if (error.sendState === 'refused') {
        return { ...base, kind: 'cancelled', maybeCreated: false, message: 'Cancelled while waiting to send again: the platform had refused the request (rate limit or maintenance), so nothing was created.' };
      }
      return { ...maybeCreated(base, `Cancelled. If the request had already gone out, the platform may have acted on it. ${CHECK_TREE}`), kind: 'cancelled' };
    case 'server':
    case 'nonJson':
      // An answer came, but not a usable one: the platform may have acted first.
      return maybeCreated(base, `${error.message} ${CHECK_TREE}`);
  }
}

function maybeCreated(base: { status?: number; code?: number }, message: string): Failure {
  return { ...base, kind: 'maybe-created', maybeCreated: true, message };
}
