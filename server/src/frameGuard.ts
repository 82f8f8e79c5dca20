/**
 * Reads LSP messages from stdio (`Content-Length: N\r\n\r\n` + N bytes of JSON), watching their
 * framing, and hands each one to the connection as soon as its last byte arrives.
 *
 * Why watch: vscode-languageserver's own stdio reader has no way back once a frame is wrong. A
 * Content-Length that is too large makes it swallow the next message's header; one that is too
 * small leaves the body's tail to be read as a header; from then on every body is glued to the
 * next header and the server is alive but deaf.
 * A wrong length is a client bug, and messages are already lost when it shows: a lost didChange
 * means the server's copy of a document differs from the editor's, and formatting or a quick fix
 * computed on that copy would write into the wrong place of the user's file. So we do not try to
 * resynchronize: the guard reports the loss once (the server says why on stderr and exits with 1)
 * and drops everything after it. Editors restart a language server that exits and open their
 * documents in it again, which is the only way back to a known state (DECISIONS.md).
 *
 * The loss is seen as soon as the next message arrives: a header that is not `Name: value`, a
 * header block without Content-Length, or a body that contains a whole `Content-Length: N` line
 * (valid JSON cannot: a raw line break only stands between tokens, and `Content-Length` is no
 * JSON token outside a string). A declared length over `maxContentLength` is refused at once,
 * since waiting for it would buffer every later message.
 *
 * Why not its reader behind a guard (as this was first): that reader decodes each message a turn
 * of the event loop later (a setImmediate per message, to keep order across async decoders) and
 * the guard was a Transform stream in front of it. Decoding in place, in order, saves about
 * 0.15 ms on every request over stdio (docs/DECISIONS.md, "The pipe, measured").
 */
import { AbstractMessageReader, Disposable, type DataCallback, type Message, type MessageReader } from 'vscode-languageserver/node';

/** Larger than any task file an editor can open (V8 strings stop at 512 MiB). */
export const MAX_CONTENT_LENGTH = 256 * 1024 * 1024;
/** A header block is two short lines; 8 KiB without its blank line means it is not a header. */
export const MAX_HEADER_BYTES = 8 * 1024;

const HEADER_END = Buffer.from('\r\n\r\n');
const HEADER_LINE = /^([A-Za-z0-9-]+)[ \t]*:[ \t]*(.*)$/;
/** A complete Content-Length line: never inside a valid JSON body (see above). */
const LENGTH_LINE = /content-length[ \t]*:[ \t]*\d+\r\n/i;
/** Bytes of a body kept from one chunk to the next, so a header line split across chunks is seen. */
const SCAN_OVERLAP = 64;

export interface FrameGuardOptions {
  /** Called once, with what was wrong, when the framing is lost; nothing is read after it. */
  onLost: (reason: string) => void;
  maxContentLength?: number;
  maxHeaderBytes?: number;
}

export class GuardedMessageReader extends AbstractMessageReader implements MessageReader {
  private header = Buffer.alloc(0);
  /** Body bytes still expected for the current message; -1 while reading a header. */
  private remaining = -1;
  private declared = 0;
  private body: Buffer[] = [];
  private scanTail = '';
  private lost = false;
  private callback: DataCallback | undefined;
  private readonly maxContentLength: number;
  private readonly maxHeaderBytes: number;
  /** Whether a `shutdown` request was read: the server then exits with 0 when its input ends, as vscode-languageserver's does. */
  shutdownRequested = false;

  constructor(private readonly input: NodeJS.ReadableStream, private readonly options: FrameGuardOptions) {
    super();
    this.maxContentLength = options.maxContentLength ?? MAX_CONTENT_LENGTH;
    this.maxHeaderBytes = options.maxHeaderBytes ?? MAX_HEADER_BYTES;
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer) => this.read(chunk);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('close', onClose);
    return Disposable.create(() => {
      this.input.off('data', onData);
      this.input.off('error', onError);
      this.input.off('close', onClose);
    });
  }

  /** Reads bytes as they came (any split): each message is handed on when its body is complete. */
  read(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0 && !this.lost) {
      data = this.remaining < 0 ? this.readHeader(data) : this.readBody(data);
    }
  }

  /** Takes header bytes from `data`; returns what follows the header block (or nothing yet). */
  private readHeader(data: Buffer): Buffer {
    const searchFrom = Math.max(0, this.header.length - (HEADER_END.length - 1));
    this.header = Buffer.concat([this.header, data]);
    const end = this.header.indexOf(HEADER_END, searchFrom);
    if (end < 0) {
      if (this.header.length > this.maxHeaderBytes) this.lose(`${this.header.length} bytes without the blank line that ends a header`);
      return Buffer.alloc(0);
    }
    const block = this.header.subarray(0, end).toString('latin1');
    const rest = this.header.subarray(end + HEADER_END.length);
    this.header = Buffer.alloc(0);
    const length = this.contentLength(block);
    if (length === undefined) return Buffer.alloc(0);
    this.remaining = length;
    this.declared = length;
    this.scanTail = '';
    if (length === 0) this.finishBody();
    return rest;
  }

  /** The declared body length, or undefined after reporting what is wrong with the header block. */
  private contentLength(block: string): number | undefined {
    let length: string | undefined;
    for (const line of block.split('\r\n')) {
      const match = HEADER_LINE.exec(line);
      if (!match) {
        this.lose(`a header line is not "Name: value": ${JSON.stringify(line.slice(0, 80))}`);
        return undefined;
      }
      if (match[1].toLowerCase() === 'content-length') length = match[2].trim();
    }
    if (length === undefined) {
      this.lose(`a header without Content-Length: ${JSON.stringify(block.slice(0, 80))}`);
      return undefined;
    }
    if (!/^\d+$/.test(length)) {
      this.lose(`Content-Length is not a number: ${JSON.stringify(length.slice(0, 40))}`);
      return undefined;
    }
    const value = Number(length);
    if (value > this.maxContentLength) {
      this.lose(`Content-Length ${length} is over the limit of ${this.maxContentLength} bytes`);
      return undefined;
    }
    return value;
  }

  /** Passes body bytes on; returns what follows the body in `data`. */
  private readBody(data: Buffer): Buffer {
    const body = data.subarray(0, this.remaining);
    const text = this.scanTail + body.toString('latin1');
    if (LENGTH_LINE.test(text)) {
      this.lose(`the body of a message with Content-Length ${this.declared} holds the next message's header (the length is too large)`);
      return Buffer.alloc(0);
    }
    this.scanTail = text.slice(-SCAN_OVERLAP);
    this.body.push(body);
    this.remaining -= body.length;
    if (this.remaining === 0) this.finishBody();
    return data.subarray(body.length);
  }

  /**
   * Hands the complete body on as a message. A body that is not JSON keeps the framing (its length
   * was right): it is reported through onError, which the connection logs, and reading goes on.
   */
  private finishBody(): void {
    const bytes = this.body.length === 1 ? this.body[0] : Buffer.concat(this.body);
    this.body = [];
    this.remaining = -1;
    let message: Message;
    try {
      message = JSON.parse(bytes.toString('utf8')) as Message;
    } catch (error) {
      this.fireError(error);
      return;
    }
    if ((message as { method?: unknown; id?: unknown }).method === 'shutdown' && 'id' in message) this.shutdownRequested = true;
    try {
      this.callback?.(message);
    } catch (error) {
      this.fireError(error);
    }
  }

  private lose(reason: string): void {
    if (this.lost) return;
    this.lost = true;
    this.header = Buffer.alloc(0);
    this.body = [];
    this.options.onLost(reason);
  }
}
