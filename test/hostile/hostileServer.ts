/**
 * A hostile HTTP server on 127.0.0.1 for the hostile tests: it records every request it receives
 * (any path, not only /v2, with the body), counts the bytes it wrote, and answers with whatever the
 * test's handler does, including dropping the connection or streaming without end.
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SeenRequest {
  method: string;
  /** Path and query as sent, not normalized. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type HostileHandler = (request: SeenRequest, response: http.ServerResponse, socket: Socket) => void;

export interface HostileServer {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** The API base to give the client: origin + /v2. */
  readonly apiBase: string;
  readonly requests: SeenRequest[];
  /** Bytes written to response bodies so far (what the handler's writes were accepted for). */
  bytesSent: number;
  handle(handler: HostileHandler): void;
  close(): Promise<void>;
}

/** A platform-shaped JSON answer. */
export function json(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

export async function startHostileServer(handler: HostileHandler = (_request, response) => json(response, 404, { status: 404, code: 6001, message: 'Not found' })): Promise<HostileServer> {
  let current = handler;
  const sockets = new Set<Socket>();
  const state: HostileServer = {
    origin: '',
    apiBase: '',
    requests: [],
    bytesSent: 0,
    handle: (next) => (current = next),
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const seen: SeenRequest = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      state.requests.push(seen);
      current(seen, response, request.socket);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  (state as { origin: string }).origin = `http://127.0.0.1:${port}`;
  (state as { apiBase: string }).apiBase = `http://127.0.0.1:${port}/v2`;
  return state;
}
