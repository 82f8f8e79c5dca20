/**
 * The request core: one place that sends requests to the platform, with the token header,
 * a timeout and the caller's AbortSignal, the rate-limit and Date headers, same-origin redirects
 * only, typed errors, and the retry policy:
 *
 * - a 429 or a maintenance 503 (code 0) means the platform did not act, so ANY request,
 *   a create included, is sent again after waiting (until the reset; for maintenance, with
 *   backoff), as long as the total wait stays within `maxWaitMs`;
 * - a connection failure, a timeout or another 5xx may come after the platform acted, so
 *   only idempotent requests (reads and bulk gets) are sent again, with jittered backoff.
 *
 * Waits go through the injected Clock, so tests run on the emulator's time. The timeout is
 * the exception: it bounds real I/O, so it runs on real time.
 */
import fetch, { Headers, Response } from 'node-fetch';
import { timerDelay, type Clock } from './clock';
import type { RequestLogEntry } from './client';
import { BackoffPolicy, backoffDelay, REFUSAL_BACKOFF, TRANSIENT_BACKOFF } from './backoff';
import {
  afterWaiting, errorFromAnswer, foreignOriginError, nonJsonError, PlatformErrorBody, rateLimitedMessage,
  redirectOutsideApiError, RequestContext, ResourceRefs, SbgApiError, tooLargeError, transportError, unsafePathError,
} from './errors';
import type { ProxyResolver, ProxyRoute } from './proxy';
import { RateLimitTracker } from './rateLimit';
import { ServerClock } from './serverClock';
import { checkApiUrl, isSameOrigin, staysUnderBase } from './urlSafety';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface HttpRequest {
  method: HttpMethod;
  /** Path under the API base (`/tasks/ID`), or an absolute URL on the same origin (a next-page link). */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Reads and bulk gets: safe to send again after they may have reached the platform. */
  idempotent: boolean;
  /** False for GET /rate_limit, which the platform answers without counting it. */
  counted?: boolean;
  /** Ids the request is about, named by a 403/404. */
  resources?: ResourceRefs;
}

export interface HttpResponse<T> {
  status: number;
  /** Parsed JSON; undefined for an empty answer (204). */
  body: T;
  headers: Headers;
}

export interface HttpSettings {
  baseUrl: string;
  token: string;
  environmentName: string;
  clock: Clock;
  timeoutMs: number;
  maxWaitMs: number;
  /** Retries of an idempotent request after a connection failure, timeout or 5xx. */
  transientRetries?: number;
  onRequest?: (entry: RequestLogEntry) => void;
  onWait?: (info: { reason: 'rate-limit' | 'maintenance'; untilMs: number }) => void;
  /** Source of jitter; tests may fix it. */
  random?: () => number;
  /** Sends requests through a proxy (CLI, standalone server); absent: Node's own connections. */
  proxy?: ProxyResolver;
  /** Most bytes of one answer the client reads (default MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number;
}

/**
 * Most bytes of one answer the client reads before it stops and fails: 64 MiB. The largest real
 * answers are an app with its CWL (a big workflow is a few MB) and a bulk get of 100 files or tasks
 * with every field (well under 10 MB); a hostile or broken server streaming gigabytes would
 * otherwise take the process down (DECISIONS.md).
 */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** Added to a rate-limit reset so that the request lands in the new window, not at its edge. */
const RESET_MARGIN_MS = 1_000;
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export class HttpCore {
  readonly base: URL;
  readonly rateLimit = new RateLimitTracker();
  readonly serverClock = new ServerClock();

  constructor(private readonly settings: HttpSettings) {
    this.base = checkApiUrl(settings.baseUrl.replace(/\/+$/, ''));
  }

  get environmentName(): string {
    return this.settings.environmentName;
  }

  /** The platform's current time, from the `Date` of its last answer; the Clock's before any answer. */
  serverNow(): number {
    return this.serverClock.now(this.settings.clock.now());
  }

  async request<T>(request: HttpRequest): Promise<HttpResponse<T>> {
    const url = this.resolve(request);
    // Redirects stay on the same origin, so one route serves every hop.
    const route = this.settings.proxy?.routeFor(url);
    const context: RequestContext = {
      method: request.method,
      path: this.relativePath(url),
      environmentName: this.settings.environmentName,
      resources: request.resources,
      actsOnServer: !request.idempotent,
      sendState: 'unsent',
      proxy: route && { display: route.display, variable: route.variable },
    };
    if (!isSameOrigin(url, this.base)) throw foreignOriginError(context, this.base.origin, url.origin);
    // Defence in depth: whatever built the path (an id from a task file, a next-page link), the
    // token goes only to the API's own paths.
    if (!staysUnderBase(url, this.base, isAbsolute(request.path) ? undefined : request.path)) throw unsafePathError(context);

    let waitedMs = 0;
    let transientFailures = 0;
    let refusals = 0;
    let lastRefusal: SbgApiError | undefined;
    for (;;) {
      if (request.signal?.aborted) throw transportError(context, 'cancelled', {});
      // X-RateLimit-Reset is the platform's epoch time: compare it with the platform's clock, so a
      // machine whose clock is off neither hammers a spent budget nor waits long past the reset.
      const exhaustedUntil = request.counted === false ? undefined : this.rateLimit.exhaustedUntil(this.serverNow());
      if (exhaustedUntil !== undefined) {
        // Sending now would only earn a 429: wait for the window to reset first.
        const refusal = lastRefusal?.kind === 'rateLimited' ? lastRefusal : this.spentBudgetError(context, exhaustedUntil);
        waitedMs += await this.wait('rate-limit', exhaustedUntil - this.serverNow() + RESET_MARGIN_MS, waitedMs, refusal, context, request.signal);
        continue;
      }

      let error: SbgApiError;
      const before = context.sendState;
      context.sendState = 'sent';
      try {
        return await this.exchange<T>(url, request, context, route);
      } catch (caught) {
        if (!(caught instanceof SbgApiError)) throw caught;
        error = caught;
      }

      // A refusal leaves the platform untouched: only an earlier answer that was not one can have acted.
      if (isRefusal(error)) context.sendState = before === 'sent' ? 'sent' : 'refused';
      if (error.kind === 'rateLimited') {
        lastRefusal = error;
        // The check at the top of the loop waits for the reset; without a usable reset time
        // (no X-RateLimit-Reset header), back off instead.
        if (this.rateLimit.exhaustedUntil(this.serverNow()) === undefined) {
          waitedMs += await this.wait('rate-limit', this.backoff(refusals++, REFUSAL_BACKOFF), waitedMs, error, context, request.signal);
        }
      } else if (error.kind === 'maintenance') {
        lastRefusal = error;
        waitedMs += await this.wait('maintenance', this.backoff(refusals++, REFUSAL_BACKOFF), waitedMs, error, context, request.signal);
      } else if (request.idempotent && isTransient(error) && transientFailures < (this.settings.transientRetries ?? 3)) {
        await this.sleep(this.backoff(transientFailures++, TRANSIENT_BACKOFF), context, request.signal);
      } else {
        throw afterWaiting(error, waitedMs);
      }
    }
  }

  /** One exchange: send (following same-origin redirects), read and parse the answer, log it. */
  private async exchange<T>(startUrl: URL, request: HttpRequest, context: RequestContext, route: ProxyRoute | undefined): Promise<HttpResponse<T>> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timerDelay(this.settings.timeoutMs));
    const cancel = () => controller.abort();
    request.signal?.addEventListener('abort', cancel, { once: true });
    const started = Date.now();
    let response: Response | undefined;
    try {
      response = await this.sendFollowingRedirects(startUrl, request, context, controller.signal, route);
      this.rateLimit.update(response.headers);
      this.serverClock.update(response.headers, this.settings.clock.now());
      const text = await this.readBody(response, context, controller);
      const requestId = response.headers.get('x-request-id') ?? undefined;
      const contentType = response.headers.get('content-type') ?? undefined;
      const body = parseJson(text);
      // A 429 means the budget is spent, whatever X-RateLimit-Remaining said.
      if (response.status === 429) this.rateLimit.exhaust();
      if (response.status < 200 || response.status >= 300) {
        throw errorFromAnswer(context, {
          status: response.status,
          body: isErrorBody(body) ? body : undefined,
          contentType,
          requestId,
          rateLimit: { limit: this.rateLimit.state.limit, reset: this.rateLimit.state.reset },
        });
      }
      if (body === NOT_JSON) throw nonJsonError(context, response.status, contentType, requestId);
      this.log(context, started, response);
      return { status: response.status, body: body as T, headers: response.headers };
    } catch (caught) {
      const error = this.scrub(
        caught instanceof SbgApiError
          ? caught
          : timedOut
            ? transportError(context, 'timeout', { timeoutMs: this.settings.timeoutMs })
            : request.signal?.aborted
              ? transportError(context, 'cancelled', {})
              : transportError(context, 'network', { reason: describeNetworkFailure(caught), host: this.base.host, connected: !neverConnected(caught) }),
      );
      this.log(context, started, response, error);
      throw error;
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', cancel);
    }
  }

  private async sendFollowingRedirects(
    startUrl: URL,
    request: HttpRequest,
    context: RequestContext,
    signal: AbortSignal,
    route: ProxyRoute | undefined,
  ): Promise<Response> {
    let url = startUrl;
    let method: string = request.method;
    let body = request.body === undefined ? undefined : JSON.stringify(request.body);
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = {
        Accept: 'application/json',
        'X-SBG-Auth-Token': this.settings.token,
      };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      // node-fetch 2 checks the signal by its class name; Node's own AbortSignal passes.
      const response = await fetch(url.href, { method, headers, body, redirect: 'manual', signal: signal as never, agent: route?.agent });
      const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
      if (location === null) return response;
      const target = new URL(location, url);
      if (!isSameOrigin(target, this.base)) {
        throw foreignOriginError(context, this.base.origin, target.origin, response.status);
      }
      if (!staysUnderBase(target, this.base)) throw redirectOutsideApiError(context, target.pathname, response.status);
      if (hop >= MAX_REDIRECTS) return response;
      if (response.status === 303 || (response.status !== 307 && response.status !== 308 && method !== 'GET')) {
        method = 'GET';
        body = undefined;
      }
      url = target;
    }
  }

  /**
   * The answer's text, read up to maxResponseBytes: past that (or a Content-Length saying so) the
   * connection is cut, so a hostile server cannot make the process read or hold gigabytes.
   */
  private async readBody(response: Response, context: RequestContext, controller: AbortController): Promise<string> {
    const limit = this.settings.maxResponseBytes ?? MAX_RESPONSE_BYTES;
    const tooLarge = () => tooLargeError(context, limit, response.status, response.headers.get('x-request-id') ?? undefined);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limit) {
      controller.abort();
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (received > limit) {
        controller.abort();
        throw tooLarge();
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks, received).toString('utf8');
  }

  /**
   * Waits for a refusal (rate limit, maintenance) to clear, unless that would take the
   * total wait past maxWaitMs: then fails with the refusal, which says when to try again.
   */
  private async wait(
    reason: 'rate-limit' | 'maintenance',
    ms: number,
    waitedMs: number,
    refusal: SbgApiError,
    context: RequestContext,
    signal: AbortSignal | undefined,
  ): Promise<number> {
    const delay = Math.max(0, Math.round(ms));
    if (waitedMs + delay > this.settings.maxWaitMs) throw afterWaiting(refusal, waitedMs);
    this.settings.onWait?.({ reason, untilMs: this.settings.clock.now() + delay });
    await this.sleep(delay, context, signal);
    return delay;
  }

  private async sleep(ms: number, context: RequestContext, signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) throw transportError(context, 'cancelled', {});
    try {
      await this.settings.clock.sleep(ms, signal);
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw transportError(context, 'cancelled', {});
      throw error;
    }
  }

  private backoff(attempt: number, policy: BackoffPolicy): number {
    return backoffDelay(attempt, policy, this.settings.random);
  }

  private spentBudgetError(context: RequestContext, until: number): SbgApiError {
    return new SbgApiError(rateLimitedMessage(context.environmentName, this.rateLimit.state.limit, until), {
      kind: 'rateLimited',
      method: context.method,
      path: context.path,
      retryAt: until,
    });
  }

  private resolve(request: HttpRequest): URL {
    const url = isAbsolute(request.path)
      ? new URL(request.path)
      : new URL(this.base.href + (request.path.startsWith('/') ? request.path : `/${request.path}`));
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
    }
    return url;
  }

  /** The URL as the log and messages show it: relative to the API base. */
  private relativePath(url: URL): string {
    const basePath = this.base.pathname.replace(/\/+$/, '');
    const path = url.origin === this.base.origin && url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.href;
    return (path || '/') + url.search;
  }

  private log(context: RequestContext, started: number, response: Response | undefined, error?: SbgApiError): void {
    this.settings.onRequest?.({
      method: context.method,
      path: this.scrubText(context.path),
      status: response?.status,
      durationMs: Date.now() - started,
      rateLimitRemaining: this.rateLimit.state.remaining,
      requestId: response?.headers.get('x-request-id') ?? undefined,
      error: error?.message,
    });
  }

  /** The token never leaves in an error, even when a server or a proxy echoed it. */
  private scrub(error: SbgApiError): SbgApiError {
    const token = this.settings.token;
    if (token.length < 8 || !(error.message.includes(token) || error.platformMessage?.includes(token))) return error;
    return new SbgApiError(this.scrubText(error.message), { ...error, platformMessage: error.platformMessage && this.scrubText(error.platformMessage) });
  }

  private scrubText(text: string): string {
    const token = this.settings.token;
    return token.length >= 8 ? text.split(token).join('<token>') : text;
  }
}

const NOT_JSON = Symbol('not JSON');

function isAbsolute(path: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(path);
}

function isRefusal(error: SbgApiError): boolean {
  return error.kind === 'rateLimited' || error.kind === 'maintenance';
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

function isErrorBody(body: unknown): body is PlatformErrorBody {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}

/** Failures where the platform may simply not have been reachable for a moment. */
function isTransient(error: SbgApiError): boolean {
  return error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server';
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection closed before an answer came',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'the connection timed out',
  EPIPE: 'the connection closed while sending',
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate could not be verified",
};

/** Failures of the connection itself: the request never left this machine. */
const NEVER_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function neverConnected(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code !== undefined && NEVER_CONNECTED_CODES.has(code);
}

function describeNetworkFailure(error: unknown): string {
  const code = (error as { code?: string; errno?: string })?.code ?? (error as { errno?: string })?.errno;
  if (code && NETWORK_REASONS[code]) return NETWORK_REASONS[code];
  return code ?? 'connection failed';
}
