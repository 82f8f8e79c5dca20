/**
 * Maps `METHOD /path` to a handler. Patterns use `:name` segments; the pattern itself is the
 * route key that faults, counters and the request log use ('GET /tasks/:id').
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface RequestContext {
  method: string;
  /** Path below /v2, e.g. /tasks/1234. */
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** Username of the caller (authenticated before any handler runs). */
  user: string;
  /** Emulated epoch ms at which the request is handled. */
  now: number;
  /** http://127.0.0.1:PORT/v2, for hrefs and links. */
  baseUrl: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** Sent as-is instead of JSON (raw YAML of an app). */
  text?: { contentType: string; content: string };
  headers?: Record<string, string>;
}

export type Handler = (context: RequestContext) => Reply;

interface Route {
  method: string;
  segments: string[];
  key: string;
  handler: Handler;
}

export type RouteMatch =
  | { kind: 'found'; key: string; handler: Handler; params: Record<string, string> }
  | { kind: 'no-method'; key: string }
  | { kind: 'none'; key: string };

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: split(pattern), key: `${method} ${pattern}`, handler });
    return this;
  }

  match(method: string, path: string): RouteMatch {
    const segments = split(path);
    let pathKnown: string | undefined;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', key: route.key, handler: route.handler, params };
      pathKnown ??= route.key;
    }
    return pathKnown ? { kind: 'no-method', key: `${method} ${pathKnown.split(' ')[1]}` } : { kind: 'none', key: `${method} (unknown)` };
  }
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) params[pattern[i].slice(1)] = decodeURIComponent(actual[i]);
    else if (pattern[i] !== actual[i]) return undefined;
  }
  return params;
}
