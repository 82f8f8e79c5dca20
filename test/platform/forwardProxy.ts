/**
 * A small forward proxy on 127.0.0.1 for the proxy tests: absolute-form requests (`GET http://host/path`)
 * for http:// targets and CONNECT tunnels for https:// targets, optionally behind Basic proxy
 * authentication (407 without the right Proxy-Authorization). It counts what it handled and keeps
 * every header it saw, so tests can check what went through it and what it was never shown.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ForwardProxy {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** Absolute-form requests forwarded (or refused), as `METHOD URL`. */
  readonly requests: string[];
  /** CONNECT targets (`host:port`) asked for, whether tunnelled or refused. */
  readonly connects: string[];
  /** Answers of 407. */
  readonly refusals: number;
  /** The request headers of each request and CONNECT received, as JSON, to search for secrets. */
  readonly headers: string[];
  close(): Promise<void>;
}

export async function startForwardProxy(options: { user?: string; password?: string } = {}): Promise<ForwardProxy> {
  const requests: string[] = [];
  const connects: string[] = [];
  const headers: string[] = [];
  let refusals = 0;
  // Tunnelled sockets leave the HTTP server's keeping, so close() ends them itself.
  const tunnels = new Set<net.Socket>();
  const expected = options.user === undefined ? undefined : `Basic ${Buffer.from(`${options.user}:${options.password ?? ''}`).toString('base64')}`;
  const authorized = (request: http.IncomingMessage) => {
    headers.push(JSON.stringify(request.headers));
    if (expected === undefined || request.headers['proxy-authorization'] === expected) return true;
    refusals++;
    return false;
  };

  const server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    if (!authorized(request)) {
      response.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test"', 'Content-Type': 'text/plain' }).end('proxy authentication required');
      return;
    }
    const target = new URL(request.url ?? '');
    const forwardHeaders = { ...request.headers };
    delete forwardHeaders['proxy-authorization'];
    delete forwardHeaders['proxy-connection'];
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: target.pathname + target.search, headers: forwardHeaders },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });

  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    connects.push(request.url ?? '');
    tunnels.add(client);
    client.on('close', () => tunnels.delete(client));
    if (!authorized(request)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const [host, port] = (request.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    connects,
    get refusals() {
      return refusals;
    },
    headers,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of tunnels) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port with nothing listening on it (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
