/**
 * Fetching a file's bytes from the link `download_info` gives (a pre-signed storage URL on the
 * platform): never with the token, which must not leave for another host. Two ways:
 *  - `downloadToFile` streams to disk through a temporary file beside the target, renamed into
 *    place only when every byte arrived; a cancel or a failure removes it, so no partial file is
 *    ever left under the target's name (or under any name).
 *  - `fetchTail` reads at most the last `maxBytes` (a `Range: bytes=-N` request); a server that
 *    ignores Range is read to the end keeping only the tail, and given up on past `capBytes`.
 */
import { createWriteStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export interface TransferProgress {
  /** Bytes received so far. */
  received: number;
  /** Bytes expected, when the server said. */
  total?: number;
}

export interface TransferOptions {
  signal?: AbortSignal;
  onProgress?(progress: TransferProgress): void;
}

export class TransferError extends Error {
  constructor(
    message: string,
    readonly kind: 'http' | 'network' | 'cancelled' | 'too-large',
  ) {
    super(message);
    this.name = 'TransferError';
  }
}

/** The link without its query: pre-signed links carry credentials there. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(an unreadable link)';
  }
}

async function open(url: string, headers: Record<string, string>, signal: AbortSignal | undefined): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { headers, signal, redirect: 'follow' });
  } catch (error) {
    if (signal?.aborted) throw new TransferError('Cancelled.', 'cancelled');
    throw new TransferError(`Could not reach ${redactUrl(url)}: ${(error as Error).message}`, 'network');
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new TransferError(`The download link answered HTTP ${response.status} (${redactUrl(url)}).`, 'http');
  }
  return response;
}

/** Streams `url` into `target`; resolves with the byte count. Nothing is left at `target` (or beside it) unless it succeeded. */
export async function downloadToFile(url: string, target: string, options: TransferOptions = {}): Promise<number> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.part`);
  let received = 0;
  try {
    const response = await open(url, {}, options.signal);
    const total = Number(response.headers.get('content-length') ?? NaN);
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        options.onProgress?.({ received, total: Number.isFinite(total) ? total : undefined });
        done(null, chunk);
      },
    });
    if (!response.body) throw new TransferError('The download link answered without a body.', 'http');
    await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), counter, createWriteStream(temporary, { flags: 'wx' }), { signal: options.signal });
    if (Number.isFinite(total) && received !== total) throw new TransferError(`The download ended after ${received} of ${total} bytes.`, 'network');
    await fs.rename(temporary, target);
    return received;
  } catch (error) {
    await fs.rm(temporary, { force: true });
    if (options.signal?.aborted) throw new TransferError('Cancelled.', 'cancelled');
    if (error instanceof TransferError) throw error;
    throw new TransferError(`The download failed: ${(error as Error).message}`, 'network');
  }
}

export interface Tail {
  /** The last bytes of the file (at most maxBytes). */
  bytes: Buffer;
  /** The whole file's size, when known. */
  size?: number;
  /** Whether bytes is less than the whole file. */
  truncated: boolean;
}

/** The last `maxBytes` of the file at `url`; reads no more than `capBytes` from a server that ignores Range. */
export async function fetchTail(url: string, maxBytes: number, capBytes: number, options: TransferOptions = {}): Promise<Tail> {
  const response = await open(url, { Range: `bytes=-${maxBytes}` }, options.signal);
  const range = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
  const size = range ? Number(range[1]) : Number(response.headers.get('content-length') ?? NaN);
  const chunks: Buffer[] = [];
  let kept = 0;
  let received = 0;
  try {
    for await (const chunk of Readable.fromWeb(response.body as import('node:stream/web').ReadableStream)) {
      const buffer = chunk as Buffer;
      received += buffer.length;
      if (received > capBytes) throw new TransferError(`The log is larger than ${capBytes} bytes and its server ignores ranges: not read.`, 'too-large');
      chunks.push(buffer);
      kept += buffer.length;
      while (kept - chunks[0].length >= maxBytes) kept -= chunks.shift()!.length;
      options.onProgress?.({ received, total: response.status === 206 ? Math.min(maxBytes, size) : Number.isFinite(size) ? size : undefined });
    }
  } catch (error) {
    if (options.signal?.aborted) throw new TransferError('Cancelled.', 'cancelled');
    if (error instanceof TransferError) throw error;
    throw new TransferError(`Reading the log failed: ${(error as Error).message}`, 'network');
  }
  const all = Buffer.concat(chunks);
  const bytes = all.length > maxBytes ? all.subarray(all.length - maxBytes) : all;
  const knownSize = Number.isFinite(size) ? size : received;
  return { bytes, size: knownSize, truncated: bytes.length < knownSize };
}
