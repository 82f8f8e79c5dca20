import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { StreamMessageReader, type Message } from 'vscode-languageserver/node';
import { WholeMessageWriter } from '../../server/src/wholeMessageWriter';

/** A real stream that keeps every write it is given, as the pipe to the editor would get them. */
function recordingStream(): { stream: Writable; writes: Buffer[] } {
  const writes: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writes.push(chunk);
      callback();
    },
  });
  return { stream, writes };
}

const messages: Message[] = [
  { jsonrpc: '2.0', id: 1, result: { items: [{ label: '"fast"' }, { label: '"sensitive"' }] } } as Message,
  // Multi-byte UTF-8: Content-Length counts bytes, not characters.
  { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'Sample “é” → 試料 🧬' } } as Message,
  { jsonrpc: '2.0', id: 'b', error: { code: -32800, message: 'Request cancelled' } } as Message,
];

test('each message is one write: its Content-Length header (the body\'s length in bytes) and the JSON body', async () => {
  const { stream, writes } = recordingStream();
  const writer = new WholeMessageWriter(stream);
  for (const message of messages) await writer.write(message);
  assert.equal(writes.length, messages.length);
  writes.forEach((write, index) => {
    const body = Buffer.from(JSON.stringify(messages[index]), 'utf8');
    assert.deepEqual(write, Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  });
  assert.notEqual(Buffer.byteLength(JSON.stringify(messages[1])), JSON.stringify(messages[1]).length, 'the second message has multi-byte characters');
});

test('messages written without waiting keep their order, and vscode-jsonrpc\'s reader reads them back', async () => {
  const pipe = new PassThrough();
  const writer = new WholeMessageWriter(pipe);
  const reader = new StreamMessageReader(pipe);
  const read: Message[] = [];
  const all = new Promise<void>((resolve) => reader.listen((message) => {
    read.push(message);
    if (read.length === messages.length) resolve();
  }));
  await Promise.all(messages.map((message) => writer.write(message)));
  await all;
  assert.deepEqual(read, messages);
  reader.dispose();
});

test('a failed write rejects, fires onError with the message and a count, and a closed stream fires onClose', async () => {
  const stream = new Writable({ write: (_chunk, _encoding, callback) => callback(new Error('EPIPE: the editor went away')) });
  stream.on('error', () => {}); // the writer listens too; this keeps the test's own stream quiet
  const writer = new WholeMessageWriter(stream);
  const errors: [Error, Message | undefined, number | undefined][] = [];
  writer.onError((event) => errors.push(event));
  let closed = 0;
  writer.onClose(() => closed++);
  await assert.rejects(writer.write(messages[0]), /EPIPE: the editor went away/);
  const fromWrite = errors.find(([, message]) => message !== undefined);
  assert.deepEqual(fromWrite && [fromWrite[0].message, fromWrite[1], fromWrite[2]], ['EPIPE: the editor went away', messages[0], 1]);
  stream.destroy();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(closed, 1);
});

test('a message that cannot be written as JSON rejects before anything is written', async () => {
  const { stream, writes } = recordingStream();
  const writer = new WholeMessageWriter(stream);
  const errors: number[] = [];
  writer.onError(([, , count]) => errors.push(count ?? 0));
  await assert.rejects(writer.write({ jsonrpc: '2.0', id: 2, result: 10n } as unknown as Message), /BigInt/);
  assert.deepEqual(writes, []);
  assert.deepEqual(errors, [1]);
});
