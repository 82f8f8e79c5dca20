/**
 * The HTTP side of the emulator: every /v2 request passes maintenance, faults, authentication and
 * the rate limit before its handler, and every answer carries the rate-limit headers and an
 * X-Request-Id. /_emulator/ requests go to the admin API instead, /_downloads/ to file downloads
 * (no token, like the platform's pre-signed links) and /u/ to the read-only web pages. Every answer, admin ones
 * included, is dated (`Date`) in emulated time, as the platform dates its answers by its clock.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tokenOf } from '../routes/account';
import type { Store } from '../store';
import { ApiError, apiErrors } from './apiError';
import { DOWNLOAD_ROUTE, serveDownload } from './downloads';
import type { Faults } from './faults';
import { serveWebPage } from './webPages';
import type { RateLimiter, RateState } from './rateLimiter';
import type { RequestLog } from './requestLog';
import type { Reply, RequestContext, Router } from './router';

export interface PipelineParts {
  router: Router;
  store: Store;
  faults: Faults;
  limiter: RateLimiter;
  log: RequestLog;
  now(): number;
  /** Applies due task transitions (real-time clock) before a request is handled. */
  catchUp(): void;
  isMaintenance(): boolean;
  origin(): string;
  admin(request: IncomingMessage, response: ServerResponse, body: unknown): void;
}

const UNCOUNTED_ROUTES = new Set(['GET /rate_limit']);

export function createHandler(parts: PipelineParts) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // Node dates answers by the wall clock only when no Date header is set.
    response.setHeader('Date', new Date(parts.now()).toUTCString());
    const url = new URL(request.url ?? '/', parts.origin());
    if (url.pathname.startsWith('/_emulator/')) {
      parts.admin(request, response, await readJson(request).catch(() => undefined));
      return;
    }
    if (url.pathname.startsWith('/_downloads/')) {
      parts.catchUp();
      return serveDownload(parts.store, parts.log, parts.now(), request, response, url.pathname,
        // Only a fault set for downloads themselves: one for every route ('*') is about the API.
        parts.faults.has(DOWNLOAD_ROUTE) ? parts.faults.take(DOWNLOAD_ROUTE) : undefined);
    }
    if (url.pathname.startsWith('/u/') || url.pathname === '/') {
      parts.catchUp();
      return serveWebPage(parts.store, response, url.pathname);
    }
    if (!url.pathname.startsWith('/v2/')) {
      send(response, 404, apiErrors.notFoundRoute(url.pathname).body(), {});
      return;
    }
    parts.catchUp();
    const path = url.pathname.slice(3);
    const method = request.method ?? 'GET';
    const match = parts.router.match(method, path);
    const token = tokenOf(request.headers);
    const account = parts.store.tokens.get(token);
    const record = { method, path, query: url.search.replace(/^\?/, ''), routeKey: match.key, user: account?.username };
    const finish = (status: number, body: unknown, headers: Record<string, string>, rate: RateState) => {
      parts.log.add({ ...record, status, time: parts.now() });
      send(response, status, body, { ...rateHeaders(rate), ...headers });
    };
    const refuse = (error: ApiError) => finish(error.status, error.body(), {}, parts.limiter.peek(token, parts.now()));

    if (parts.isMaintenance()) return refuse(apiErrors.maintenance());
    const fault = parts.faults.take(match.key);
    if (fault?.kind === 'latency') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.kind === 'status') return refuse(new ApiError(fault.status, fault.code ?? defaultCode(fault.status), `Injected failure (HTTP ${fault.status}).`));
    if (fault?.kind === 'drop-before') return drop(parts, response, record);

    let body: unknown;
    try {
      body = await readJson(request);
    } catch (error) {
      return refuse(apiErrors.undecodableBody((error as Error).message));
    }
    if (!account) return refuse(apiErrors.unauthorized());
    if (account.expired) return refuse(apiErrors.expiredToken());
    let rate: RateState;
    if (UNCOUNTED_ROUTES.has(match.key)) {
      rate = parts.limiter.peek(token, parts.now());
    } else {
      const taken = parts.limiter.take(token, parts.now());
      rate = taken.state;
      if (!taken.allowed) return refuse(apiErrors.rateLimited(rate.reset, parts.now()));
    }
    if (match.kind === 'none') return refuse(apiErrors.notFoundRoute(url.pathname));
    if (match.kind === 'no-method') return refuse(apiErrors.methodNotAllowed(method, url.pathname));

    const context: RequestContext = {
      method,
      path,
      query: url.searchParams,
      params: match.params,
      body,
      headers: request.headers,
      user: account.username,
      now: parts.now(),
      baseUrl: `${parts.origin()}/v2`,
    };
    let reply: Reply;
    try {
      reply = match.handler(context);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      reply = { status: error.status, body: error.body() };
    }
    if (fault?.kind === 'drop-after') return drop(parts, response, record);
    if (fault?.kind === 'malformed-json') {
      parts.log.add({ ...record, status: 200, time: parts.now() });
      response.writeHead(200, { 'Content-Type': 'application/json', ...rateHeaders(rate), 'X-Request-Id': randomUUID() });
      response.end('{"href": "truncated", "items": [{"id": ');
      return;
    }
    if (reply.text) {
      parts.log.add({ ...record, status: reply.status, time: parts.now() });
      response.writeHead(reply.status, { 'Content-Type': reply.text.contentType, ...rateHeaders(rate), 'X-Request-Id': randomUUID() });
      response.end(reply.text.content);
      return;
    }
    finish(reply.status, reply.body, reply.headers ?? {}, rate);
  };
}

/** The code the platform pairs with an HTTP status when an injected fault gives none (docs/PLATFORM.md#error-answers-and-codes). */
function defaultCode(status: number): number {
  return ({ 400: 90000, 401: 90001, 403: 90002, 404: 90003, 405: 90006, 409: 90007, 415: 90008, 500: 90004, 503: 90005 } as Record<number, number>)[status] ?? 90004;
}

function drop(parts: PipelineParts, response: ServerResponse, record: Omit<Parameters<RequestLog['add']>[0], 'status' | 'time'>): void {
  parts.log.add({ ...record, status: 0, time: parts.now() });
  response.socket?.destroy();
}

function rateHeaders(rate: RateState): Record<string, string> {
  return { 'X-RateLimit-Limit': String(rate.limit), 'X-RateLimit-Remaining': String(rate.remaining), 'X-RateLimit-Reset': String(rate.reset) };
}

export function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = status === 204 || body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'X-Request-Id': randomUUID(),
    ...headers,
  });
  response.end(text);
}

export async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`the body is not valid JSON (${(error as Error).message}).`);
  }
}
