/**
 * When an answer of the server has arrived, read at the pipe: the moment the last byte of the next
 * response frame (a message without a `method`) is read from the server's stdout. This is where a
 * minimal LSP client has the answer; the tests' client (vscode-jsonrpc) hands it on later, after
 * decoding it and a turn of its message queue, which is the client's time, not the server's.
 * It reads beside that client: both get every chunk of the stream.
 */
import type { Readable } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');

export class AnswerClock {
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: ((at: bigint) => void)[] = [];

  constructor(stdout: Readable) {
    stdout.on('data', (chunk: Buffer) => this.read(chunk, process.hrtime.bigint()));
  }

  /** The time (process.hrtime.bigint) at which the next response frame is read in full. */
  nextAnswer(): Promise<bigint> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private read(chunk: Buffer, at: bigint): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const headerEnd = this.buffered.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffered.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (!Number.isInteger(length)) throw new Error(`the server sent a frame without a Content-Length: ${this.buffered.subarray(0, headerEnd).toString('ascii')}`);
      const end = headerEnd + HEADER_END.length + length;
      if (this.buffered.length < end) return;
      const body = JSON.parse(this.buffered.subarray(headerEnd + HEADER_END.length, end).toString('utf8')) as { method?: unknown };
      this.buffered = this.buffered.subarray(end);
      if (body.method === undefined) this.waiting.shift()?.(at);
    }
  }
}
