import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { runSafe } from '../../server/src/runSafe';

test('the work starts at once, in the handler\'s own turn, and its result is the answer', async () => {
  const source = new CancellationTokenSource();
  let started = false;
  const answer = runSafe(() => {}, 'Completion', source.token, null, () => {
    started = true;
    return 'items';
  });
  assert.equal(started, true, 'no turn of the event loop before the work');
  assert.equal(await answer, 'items');
});

test('a request cancelled before it runs answers "cancelled" without running', async () => {
  const source = new CancellationTokenSource();
  source.cancel();
  let ran = false;
  const answer = await runSafe(() => {}, 'Hover', source.token, null, () => {
    ran = true;
    return 'hover';
  });
  assert.equal(ran, false);
  assert.ok(answer instanceof ResponseError);
  assert.equal(answer.code, LSPErrorCodes.RequestCancelled);
});

test('a cancellation while the work waits aborts its signal and answers "cancelled"', async () => {
  const source = new CancellationTokenSource();
  let aborted = false;
  const answer = runSafe(() => {}, 'Completion', source.token, null, async (signal) => {
    signal.addEventListener('abort', () => (aborted = true));
    await new Promise((resolve) => setImmediate(resolve));
    return 'late items';
  });
  source.cancel();
  const result = await answer;
  assert.equal(aborted, true);
  assert.ok(result instanceof ResponseError);
  assert.equal(result.code, LSPErrorCodes.RequestCancelled);
});

test('work that throws is logged with its label and answered with the empty value', async () => {
  const logged: string[] = [];
  const answer = await runSafe((message) => logged.push(message), 'Code actions', new CancellationTokenSource().token, [], () => {
    throw new Error('broken document');
  });
  assert.deepEqual(answer, []);
  assert.equal(logged.length, 1);
  assert.match(logged[0], /^Code actions failed: Error: broken document/);
});
