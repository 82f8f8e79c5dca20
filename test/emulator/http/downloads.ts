/**
 * File downloads as the platform hands them out: `GET /v2/files/{id}/download_info` answers
 * `{url}`, a link that works without the token (the platform's are pre-signed storage URLs on
 * another host), here `/_downloads/{id}/{name}` on the emulator's own origin. The link honours
 * `Range` (`bytes=a-b`, `bytes=a-`, `bytes=-n`) with 206 answers, as storage services do, so a
 * log's tail costs its tail. Each download is logged under the route key `GET /_downloads/:id`.
 * A latency fault on that route (`setFault('GET /_downloads/:id', {kind: 'latency', ms})`) sends
 * the first half of the body, then waits `ms` (wall time) before the rest: a transfer in flight,
 * for tests that cancel one; the wait ends early when the client goes away.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault } from './faults';
import type { Store } from '../store';
import type { RequestLog } from './requestLog';

export const DOWNLOAD_ROUTE = 'GET /_downloads/:id';

export function downloadUrl(origin: string, fileId: string, name: string): string {
  return `${origin}/_downloads/${fileId}/${encodeURIComponent(name)}`;
}

/** The bytes of a file: its stored content, or a line naming it for seeded files that have none. */
export function contentOf(store: Store, fileId: string): Buffer | undefined {
  const stored = store.contents.get(fileId);
  if (stored) return stored;
  const file = store.files.get(fileId);
  return file && Buffer.from(`${file.name} (${file.id}): emulated content\n`);
}

export function serveDownload(store: Store, log: RequestLog, now: number, request: IncomingMessage, response: ServerResponse, pathname: string, fault?: Fault): void {
  const id = /^\/_downloads\/([0-9a-f]{24})(?:\/|$)/.exec(pathname)?.[1];
  const content = id ? contentOf(store, id) : undefined;
  const record = { method: request.method ?? 'GET', path: pathname, query: '', routeKey: DOWNLOAD_ROUTE, time: now };
  if (!content) {
    log.add({ ...record, status: 404 });
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('No such file.\n');
    return;
  }
  const range = parseRange(request.headers.range, content.length);
  if (range === 'unsatisfiable') {
    log.add({ ...record, status: 416 });
    response.writeHead(416, { 'Content-Range': `bytes */${content.length}` });
    response.end();
    return;
  }
  const [start, end] = range ?? [0, content.length - 1];
  const status = range ? 206 : 200;
  log.add({ ...record, status });
  response.writeHead(status, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(Math.max(0, end - start + 1)),
    'Accept-Ranges': 'bytes',
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${content.length}` } : {}),
  });
  const body = content.subarray(start, end + 1);
  if (fault?.kind !== 'latency' || body.length < 2) {
    response.end(body);
    return;
  }
  const half = Math.floor(body.length / 2);
  response.write(body.subarray(0, half));
  const timer = setTimeout(() => response.end(body.subarray(half)), fault.ms);
  response.once('close', () => clearTimeout(timer));
}

function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | undefined {
  const match = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const length = Math.min(Number(match[2]), size);
    return length === 0 ? 'unsatisfiable' : [size - length, size - 1];
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start >= size || end < start ? 'unsatisfiable' : [start, end];
}
