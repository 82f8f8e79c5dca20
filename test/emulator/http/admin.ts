/**
 * The admin API under /_emulator/ for other processes (code-server tests, benchmarks): the same
 * controls the in-process API offers. Every call needs `X-Emulator-Admin: <adminToken>`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BulkFilesRequest } from '../seed/bulkFiles';
import type { Fault } from './faults';
import type { RequestRecord } from './requestLog';
import { send } from './server';

export interface AdminControls {
  adminToken: string;
  advance(seconds: number): void;
  setFault(route: string, fault: Fault | null): void;
  setMaintenance(on: boolean): void;
  setRateLimit(limit: number, windowSeconds: number): void;
  requests(): RequestRecord[];
  counters(): Record<string, number>;
  resetLog(): void;
  now(): number;
  tasks(): unknown[];
  variants(): Record<string, string>;
  setVariants(settings: Record<string, unknown>): void;
  addFiles(request: BulkFilesRequest): string[];
  deleteTask(id: string): void;
}

type Body = Record<string, unknown>;
type AdminRoute = (body: Body) => unknown;

export function adminHandler(controls: AdminControls) {
  const routes: Record<string, AdminRoute> = {
    'POST /_emulator/advance': (body) => {
      controls.advance(numberField(body, 'seconds'));
      return { now: controls.now() };
    },
    'POST /_emulator/fault': (body) => {
      if (typeof body.route !== 'string') throw new TypeError('"route" must be a route key such as "POST /tasks" or "*"');
      controls.setFault(body.route, (body.fault ?? null) as Fault | null);
      return { ok: true };
    },
    'POST /_emulator/maintenance': (body) => {
      if (typeof body.on !== 'boolean') throw new TypeError('"on" must be true or false');
      controls.setMaintenance(body.on);
      return { ok: true };
    },
    'POST /_emulator/rate-limit': (body) => {
      controls.setRateLimit(numberField(body, 'limit'), numberField(body, 'windowSeconds'));
      return { ok: true };
    },
    'GET /_emulator/requests': () => controls.requests(),
    'GET /_emulator/counters': () => controls.counters(),
    'POST /_emulator/reset-log': () => {
      controls.resetLog();
      return { ok: true };
    },
    'GET /_emulator/now': () => ({ now: controls.now() }),
    'GET /_emulator/tasks': () => controls.tasks(),
    'GET /_emulator/variant': () => controls.variants(),
    // {"counters": "jobs", ...}: every named variant changes, the others stay.
    'POST /_emulator/variant': (body) => {
      controls.setVariants(body);
      return controls.variants();
    },
    // {"project": "alice/rna-seq", "count": 10000, "name": "S{n}_R1.fastq.gz", "metadata": {"sample_id": "S{n}"}}
    // {"id": "<task id>"}: the task is gone from the platform whatever its status (its owner deleted it, its project went).
    'POST /_emulator/delete-task': (body) => {
      if (typeof body.id !== 'string') throw new TypeError('"id" must be a task id');
      controls.deleteTask(body.id);
      return { ok: true };
    },
    'POST /_emulator/files': (body) => {
      const ids = controls.addFiles(body as unknown as BulkFilesRequest);
      return { project: body.project, count: ids.length, ids };
    },
  };
  return (request: IncomingMessage, response: ServerResponse, body: unknown): void => {
    if (request.headers['x-emulator-admin'] !== controls.adminToken) {
      send(response, 403, { status: 403, message: 'The emulator admin API needs the header X-Emulator-Admin with the admin token.' }, {});
      return;
    }
    const route = routes[`${request.method} ${new URL(request.url ?? '/', 'http://x').pathname}`];
    if (!route) {
      send(response, 404, { status: 404, message: `No admin route; known: ${Object.keys(routes).join(', ')}` }, {});
      return;
    }
    try {
      send(response, 200, route(typeof body === 'object' && body !== null ? (body as Body) : {}), {});
    } catch (error) {
      send(response, 400, { status: 400, message: (error as Error).message }, {});
    }
  };
}

function numberField(body: Body, name: string): number {
  const value = body[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`"${name}" must be a number`);
  return value;
}
