/**
 * Typed failures of platform requests, each with a message a person can act on.
 *
 * Every non-2xx answer and every failure to get one becomes an SbgApiError whose `kind`
 * says what went wrong and whose `message` says what to do about it. The token is never
 * part of a message: the request core scrubs every text it did not write itself.
 */
import { hasUnsafeSegment } from './urlSafety';

export type SbgErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'rateLimited'
  | 'maintenance'
  | 'badRequest'
  | 'server'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'nonJson'
  | 'unsafeRedirect'
  /** The proxy refused the request (407): it never reached the platform. */
  | 'proxy'
  /** The path would leave the API base (`..`, `.`, empty or encoded segments): nothing was sent. */
  | 'unsafePath'
  /** The answer was larger than the client reads (MAX_RESPONSE_BYTES): it stopped reading. */
  | 'tooLarge';

/** Ids the request was about, so a 403/404 can name the one the platform refused. */
export interface ResourceRefs {
  project?: string;
  app?: string;
  file?: string;
  task?: string;
}

/** What the error builder needs to know about the request that failed. */
export interface RequestContext {
  method: string;
  /** Path and query relative to the API base. */
  path: string;
  environmentName: string;
  resources?: ResourceRefs;
  /** True when sending the request twice could act twice (create, run, abort, clone, PATCH, DELETE). */
  actsOnServer?: boolean;
  /** How far the request got; the request core keeps it current, a cancellation reports it. */
  sendState?: SendState;
  /** The proxy the request went through (from HTTPS_PROXY/HTTP_PROXY), without credentials. */
  proxy?: { display: string; variable: string };
}

/**
 * `unsent`: not sent yet (e.g. waiting for a spent rate limit to reset); `refused`: sent, but
 * every answer was a refusal the platform did not act on (429, maintenance); `sent`: it may
 * have reached the platform and been acted on.
 */
export type SendState = 'unsent' | 'refused' | 'sent';

export interface SbgApiErrorDetails {
  kind: SbgErrorKind;
  method: string;
  path: string;
  status?: number;
  code?: number;
  platformMessage?: string;
  moreInfo?: string;
  requestId?: string;
  /** Epoch ms after which sending again makes sense (rate limit reset). */
  retryAt?: number;
  /** For a cancellation: how far the request had got (absent: it may have reached the platform). */
  sendState?: SendState;
}

export class SbgApiError extends Error {
  readonly kind: SbgErrorKind;
  readonly method: string;
  readonly path: string;
  /** HTTP status; absent when no answer came (network, timeout, cancelled). */
  readonly status?: number;
  /** The platform's error code from the body (e.g. 1000, 3001, 7007). */
  readonly code?: number;
  /** The platform's own message, as sent. */
  readonly platformMessage?: string;
  readonly moreInfo?: string;
  readonly requestId?: string;
  readonly retryAt?: number;
  /** For a cancellation: whether the platform can have acted on the request. */
  readonly sendState?: SendState;

  constructor(message: string, details: SbgApiErrorDetails) {
    super(message);
    this.name = 'SbgApiError';
    this.kind = details.kind;
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.code = details.code;
    this.platformMessage = details.platformMessage;
    this.moreInfo = details.moreInfo;
    this.requestId = details.requestId;
    this.retryAt = details.retryAt;
    this.sendState = details.sendState;
  }
}

export function isSbgApiError(error: unknown, kind?: SbgErrorKind): error is SbgApiError {
  return error instanceof SbgApiError && (kind === undefined || error.kind === kind);
}

/** The platform's error body (docs/PLATFORM.md#error-answers-and-codes). */
export interface PlatformErrorBody {
  status?: number;
  code?: number;
  message?: string;
  more_info?: string;
}

export interface ErrorAnswer {
  status: number;
  /** Parsed body when it was JSON, else undefined. */
  body?: PlatformErrorBody;
  contentType?: string;
  requestId?: string;
  /** X-RateLimit-Limit and -Reset (epoch seconds) of the answer, for 429 messages. */
  rateLimit?: { limit?: number; reset?: number };
}

/** Turns a non-2xx answer into an SbgApiError. */
export function errorFromAnswer(context: RequestContext, answer: ErrorAnswer): SbgApiError {
  const { status, body } = answer;
  if (status === 407) return proxyRefusedError(context);
  const code = typeof body?.code === 'number' ? body.code : undefined;
  const kind = kindOfStatus(status, code);
  const env = context.environmentName;
  const resource = describeResource(context, code);
  const platformSays = body?.message ? ` (${status}, code ${code ?? '?'}: ${body.message})` : ` (${status})`;
  const retryAt = kind === 'rateLimited' && answer.rateLimit?.reset !== undefined ? answer.rateLimit.reset * 1000 : undefined;

  let message: string;
  switch (kind) {
    case 'unauthorized':
      message = `The token is invalid or expired for ${env}: sign in again.`;
      break;
    case 'forbidden':
      message = `No access to ${resource} on ${env}: check the id, or ask the project's administrator to add you.${platformSays}`;
      break;
    case 'notFound':
      message = `${capitalize(resource)} was not found on ${env}: check the id and that it belongs to this environment.${platformSays}`;
      break;
    case 'rateLimited':
      message = rateLimitedMessage(env, answer.rateLimit?.limit, retryAt);
      break;
    case 'maintenance':
      message = `${env} is under maintenance and did not act on ${context.method} ${context.path}: try again in a few minutes.`;
      break;
    case 'badRequest':
      message = `${env} refused ${context.method} ${context.path}: ${body?.message ?? 'bad request'}${body?.message ? ` (${status}, code ${code ?? '?'})` : ` (${status})`}.${refusalAdvice(status, code, resource)}`;
      break;
    default:
      message = `${env} failed on ${context.method} ${context.path}${platformSays}: try again later; if it keeps failing, tell support the request id ${answer.requestId ?? '(none given)'}.`;
  }
  if (!body && kind !== 'unauthorized') {
    message += ` The answer was not JSON${answer.contentType ? ` but ${answer.contentType}` : ''}: check that the API URL is the platform's and ends with /v2${throughProxy(context)}.`;
  }
  return new SbgApiError(message, {
    kind,
    method: context.method,
    path: context.path,
    status,
    code,
    platformMessage: body?.message,
    moreInfo: body?.more_info,
    requestId: answer.requestId,
    retryAt,
  });
}

/** A 2xx answer whose body could not be read as JSON. */
export function nonJsonError(context: RequestContext, status: number, contentType: string | undefined, requestId?: string): SbgApiError {
  return new SbgApiError(
    `${context.environmentName} answered ${context.method} ${context.path} (status ${status}) with a body that is not JSON` +
      `${contentType ? ` (${contentType})` : ''}: check that the API URL is the platform's and ends with /v2${throughProxy(context)}.`,
    { kind: 'nonJson', method: context.method, path: context.path, status, requestId },
  );
}

/** Added to a transport failure of a request that acts on the platform. */
export const MAY_HAVE_REACHED = 'The request may have reached the platform: check whether it took effect before sending it again.';

/** No usable answer: the connection failed, the time ran out, or the caller cancelled. */
export function transportError(
  context: RequestContext,
  kind: 'network' | 'timeout' | 'cancelled',
  detail: { reason?: string; timeoutMs?: number; host?: string; connected?: boolean },
): SbgApiError {
  const env = context.environmentName;
  const request = `${context.method} ${context.path}`;
  let message: string;
  if (kind === 'cancelled') {
    message =
      context.sendState === 'unsent'
        ? `${request} was cancelled before it was sent.`
        : context.sendState === 'refused'
          ? `${request} was cancelled while waiting to send it again; the platform had refused it (rate limit or maintenance), so it did not act on it.`
          : `${request} was cancelled.`;
  } else if (kind === 'timeout') {
    message = `${env} did not answer ${request} within ${formatDuration(detail.timeoutMs ?? 0)}: check the network connection, or raise the timeout.`;
  } else if (context.proxy) {
    message = `Could not reach ${env}${detail.host ? ` at ${detail.host}` : ''} through the proxy ${context.proxy.display} for ${request}` +
      `${detail.reason ? ` (${detail.reason})` : ''}: check the proxy in ${context.proxy.variable} (or list the host in NO_PROXY) and the API URL.`;
  } else {
    message = `Could not reach ${env}${detail.host ? ` at ${detail.host}` : ''} for ${request}${detail.reason ? ` (${detail.reason})` : ''}: check the network connection and the API URL.`;
  }
  const unsent = kind === 'network' && detail.connected === false;
  if (kind !== 'cancelled' && context.actsOnServer && !unsent) {
    message += ` ${MAY_HAVE_REACHED}`;
  }
  const sendState = kind === 'cancelled' ? context.sendState : unsent ? 'unsent' : undefined;
  return new SbgApiError(message, { kind, method: context.method, path: context.path, sendState });
}

/** A 407 from the proxy: the platform never saw the request, so it is safe to fix the proxy and send again. */
function proxyRefusedError(context: RequestContext): SbgApiError {
  const proxy = context.proxy ? `The proxy ${context.proxy.display}` : 'A proxy';
  const fix = context.proxy
    ? `check the user and password in ${context.proxy.variable} (write it like http://user:password@host:port)`
    : "check the proxy settings and the proxy's user and password";
  return new SbgApiError(`${proxy} refused to forward ${context.method} ${context.path} to ${context.environmentName} (407 Proxy Authentication Required): ${fix}. Nothing reached the platform.`, {
    kind: 'proxy',
    method: context.method,
    path: context.path,
    status: 407,
  });
}

/** For messages about a bad answer: where else it may have come from. */
function throughProxy(context: RequestContext): string {
  return context.proxy ? `, and that the proxy ${context.proxy.display} (${context.proxy.variable}) reaches it` : '';
}

/**
 * A redirect or a next-page link to another origin: not followed, so that the token
 * stays with the configured host.
 */
export function foreignOriginError(context: RequestContext, from: string, to: string, status?: number): SbgApiError {
  return new SbgApiError(
    `${context.environmentName} pointed ${context.method} ${context.path} to ${to}, another host; the client does not ` +
      `send the token there, so it stays with ${from}: check the API URL.`,
    { kind: 'unsafeRedirect', method: context.method, path: context.path, status },
  );
}

/**
 * A request whose path would step out of the API base (`/v2/apps/../admin/keys`): refused before
 * anything is sent, so the token goes only to the API's own paths whatever an id says.
 */
export function unsafePathError(context: RequestContext): SbgApiError {
  const refs = Object.entries(context.resources ?? {}).filter(([, id]) => typeof id === 'string' && hasUnsafeSegment(id));
  const culprit = refs.length > 0 ? refs.map(([type, id]) => `${type} id "${id}"`).join(' and ') : `the path ${context.path}`;
  return new SbgApiError(
    `Not sending ${context.method} ${context.path} to ${context.environmentName}: ${culprit} has an empty, "." or ".." part ` +
      '(or an encoded one such as %2e%2e), which would point the request outside the API: fix the id. Nothing was sent.',
    { kind: 'unsafePath', method: context.method, path: context.path, sendState: 'unsent' },
  );
}

/** An answer larger than the client reads: it stopped reading, and the platform may have acted. */
export function tooLargeError(context: RequestContext, limitBytes: number, status: number, requestId?: string): SbgApiError {
  const mb = Math.round(limitBytes / (1024 * 1024));
  return new SbgApiError(
    `${context.environmentName} answered ${context.method} ${context.path} with more than ${mb} MB, more than any answer of the ` +
      `platform's API holds; the client stopped reading it: check that the API URL is the platform's${throughProxy(context)}.` +
      (context.actsOnServer ? ' The request reached it, so it may have acted on it: check before sending it again.' : ''),
    { kind: 'tooLarge', method: context.method, path: context.path, status, requestId },
  );
}

/** A same-origin redirect to a path outside the API base: not followed, so the token stays on the API's paths. */
export function redirectOutsideApiError(context: RequestContext, target: string, status: number): SbgApiError {
  return new SbgApiError(
    `${context.environmentName} pointed ${context.method} ${context.path} to ${target}, outside the API; the client does not ` +
      'send the token there: check the API URL.',
    { kind: 'unsafeRedirect', method: context.method, path: context.path, status },
  );
}

/** The same error with a message that says how long the client already waited. */
export function afterWaiting(error: SbgApiError, waitedMs: number): SbgApiError {
  if (waitedMs <= 0) return error;
  return new SbgApiError(`${error.message} (The client already waited ${formatDuration(waitedMs)}.)`, error);
}

export function rateLimitedMessage(env: string, limit: number | undefined, retryAt: number | undefined): string {
  const budget = limit !== undefined ? ` (${limit} requests per window)` : '';
  const when = retryAt !== undefined ? `it resets at ${new Date(retryAt).toISOString()}, try again after that` : 'try again in a few minutes';
  return `The API rate limit for ${env} is used up${budget}: ${when}.`;
}

/**
 * What to do about a refusal whose code the SDKs know (docs/PLATFORM.md#error-answers-and-codes), beside the
 * platform's own text: a run with missing inputs (7012), a conflict (409: x003 codes, 90007),
 * file listings (5005, 5029, 5031). Empty for other refusals: the platform's text says it.
 */
function refusalAdvice(status: number, code: number | undefined, resource: string): string {
  if (status === 409) return ` It conflicts with the current state of ${resource} (another request may have changed it): refresh to see that state, then try again if it still applies.`;
  switch (code) {
    case 7012:
      return " The task's required inputs need values: fill them in, then run it again.";
    case 5005:
      return ' A project id is written owner/project, as in the project\'s address on the platform.';
    case 5029:
    case 5031:
      return ' A file listing names either a project or a parent folder, exactly one of them.';
    default:
      return '';
  }
}

function kindOfStatus(status: number, code: number | undefined): SbgErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 429) return 'rateLimited';
  if (status === 503 && code === 0) return 'maintenance';
  if (status >= 500) return 'server';
  return 'badRequest';
}

/** Which resource a 403/404 is about: the platform's code says whether project, app, file or task. */
function describeResource(context: RequestContext, code: number | undefined): string {
  const refs = context.resources ?? {};
  const byCode: [number[], keyof ResourceRefs][] = [
    [[3001, 3002], 'project'],
    [[5001, 5002], 'file'],
    [[6001, 6002], 'app'],
    [[7001, 7002], 'task'],
  ];
  for (const [codes, type] of byCode) {
    if (code !== undefined && codes.includes(code)) return refs[type] ? `${type} ${refs[type]}` : `the ${type}`;
  }
  for (const type of ['task', 'file', 'app', 'project'] as const) {
    if (refs[type]) return `${type} ${refs[type]}`;
  }
  return `the resource at ${context.path}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "250 ms", "1.5 s", "300 s": how long, in the unit a person reads most easily. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
