/**
 * Writes each LSP message to a stream (the server's stdout) in one write: the `Content-Length`
 * header and the JSON body in one buffer.
 *
 * Why: vscode-jsonrpc's StreamMessageWriter writes the 22-byte header, waits for that write to
 * finish, then writes the body. Over a pipe the first write wakes the editor's reader for a header
 * it cannot use yet, and the body follows only when the server runs again. Measured over stdio on
 * the project's 2-core machine (docs/DECISIONS.md, "The pipe, measured"), the body of a completion
 * answer reached the client 0.13–0.15 ms after its header. In one write the client wakes once,
 * with the whole message.
 */
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

const HEADER_END = '\r\n\r\n';

export class WholeMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  /** Resolves once the stream took the message; rejects (and fires onError) when it failed. */
  write(message: Message): Promise<void> {
    let frame: Buffer;
    try {
      frame = encode(message);
    } catch (error) {
      this.failed(error, message);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      // Writes are taken in call order, so messages keep their order without a queue of our own.
      this.stream.write(frame, (error?: Error | null) => {
        if (error) {
          this.failed(error, message);
          reject(error);
        } else {
          resolve();
        }
      });
    });
  }

  end(): void {
    this.stream.end();
  }

  private failed(error: unknown, message: Message): void {
    this.fireError(error instanceof Error ? error : new Error(String(error)), message, ++this.errorCount);
  }
}

/** `Content-Length: N\r\n\r\n` and the UTF-8 JSON, N being the body's length in bytes (as vscode-jsonrpc encodes it). */
export function encode(message: Message): Buffer {
  const json = JSON.stringify(message);
  const length = Buffer.byteLength(json, 'utf8');
  const header = `Content-Length: ${length}${HEADER_END}`;
  const frame = Buffer.allocUnsafe(header.length + length);
  frame.write(header, 0, 'ascii');
  frame.write(json, header.length, 'utf8');
  return frame;
}
