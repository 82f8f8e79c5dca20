/**
 * Create Draft Task / Create and Run / Update Draft against the emulator, without VS Code:
 * client/src/create/ is what the commands run, so what holds here holds in the editor.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { SbgClient, type RequestLogEntry } from '../../../platform/src/client';
import { sendTaskFile, type SendOutcome } from '../../../client/src/create/createTask';
import { SingleFlight } from '../../../client/src/shared/singleFlight';
import { formatRequest } from '../../../client/src/auth/requestLog';
import { startEmulator, type Emulator } from '../../emulator';
import { fileIdOf } from '../../emulator/seed/fileIds';

const INDEX = { class: 'File', path: fileIdOf('alice/rna-seq', 'salmon_index.tar.gz') };
const READS = [
  { class: 'File', path: fileIdOf('alice/rna-seq', 'S01_L001_R1.fastq.gz') },
  { class: 'File', path: fileIdOf('alice/rna-seq', 'S01_L001_R2.fastq.gz') },
];

function taskText(body: Record<string, unknown>): string {
  return JSON.stringify(body, null, 2);
}

const VALID = taskText({ name: 'salmon S01', project: 'alice/rna-seq', app: 'alice/rna-seq/salmon-quant/0', inputs: { index: INDEX, reads: READS } });

describe('sending a task file', () => {
  let emulator: Emulator;
  const logLines: string[] = [];
  const failures: string[] = [];

  function clientFor(token: string, options: { maxWaitMs?: number } = {}): SbgClient {
    return new SbgClient({
      baseUrl: emulator.url,
      token,
      environmentName: 'Emulator',
      clock: emulator.clock(),
      maxWaitMs: options.maxWaitMs ?? 60_000,
      onRequest: (entry: RequestLogEntry) => logLines.push(formatRequest(entry)),
    });
  }

  async function send(options: Parameters<typeof sendTaskFile>[1], token = emulator.token, clientOptions?: { maxWaitMs?: number }): Promise<SendOutcome> {
    const outcome = await sendTaskFile(clientFor(token, clientOptions), options);
    if (outcome.kind === 'failed') failures.push(outcome.failure.message);
    return outcome;
  }

  const posts = () => emulator.counters()['POST /tasks'] ?? 0;

  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
  });
  after(async () => {
    // Every line logged and every message shown in this suite: none carries a token.
    for (const text of [...logLines, ...failures]) {
      for (const token of [emulator.token, emulator.tokens.other, emulator.tokens.expired]) assert.ok(!text.includes(token), `token leaked in: ${text}`);
    }
    await emulator.close();
  });
  beforeEach(() => {
    emulator.resetLog();
  });

  test('a valid file creates one draft without errors, and the log line names method, path, status and duration', async () => {
    const outcome = await send({ text: VALID });
    assert.equal(outcome.kind, 'sent');
    assert.ok(outcome.kind === 'sent');
    assert.equal(outcome.task.status, 'DRAFT');
    assert.equal(outcome.task.project, 'alice/rna-seq');
    assert.deepEqual(outcome.issues, []);
    assert.match(outcome.summary, /^Created draft task "salmon S01" \(.+\)\.$/);
    assert.equal(posts(), 1);
    assert.match(logLines.at(-1) ?? '', /^POST \/tasks \d{3} \d+ ms/);
  });

  test('unsaved text is sent as it is, and the platform’s errors land on the keys of the inputs they name', async () => {
    const text = taskText({ project: 'alice/rna-seq', app: 'alice/rna-seq/salmon-quant/0', inputs: { reads: INDEX, bogus: 1 } });
    const outcome = await send({ text });
    assert.ok(outcome.kind === 'sent', outcome.kind);
    assert.equal(outcome.task.status, 'DRAFT');
    const byInput = new Map(outcome.issues.map((issue) => [issue.inputId, issue]));
    const keyAt = (inputId: string) => {
      const issue = byInput.get(inputId);
      assert.ok(issue, `an issue for ${inputId}: ${JSON.stringify(outcome.issues)}`);
      return text.slice(issue.start, issue.end);
    };
    assert.equal(keyAt('reads'), '"reads"', 'a File for File[] is flagged on the reads key');
    assert.equal(keyAt('bogus'), '"bogus"');
    assert.equal(keyAt('index'), '"inputs"', 'a missing input goes on the inputs key');
    assert.ok(outcome.issues.every((issue) => issue.severity === 'error' || issue.severity === 'warning'));
    assert.match(outcome.summary, /\d+ errors?/);
  });

  test('a file without a project sends nothing and asks for one; with the picked project it creates the task there', async () => {
    const text = taskText({ app: 'alice/rna-seq/salmon-quant/0', inputs: { index: INDEX, reads: READS } });
    const missing = await send({ text });
    assert.equal(missing.kind, 'missing-project');
    assert.equal(posts(), 0);
    const created = await send({ text, project: 'alice/rna-seq' });
    assert.ok(created.kind === 'sent');
    assert.equal(created.task.project, 'alice/rna-seq');
    assert.equal(posts(), 1);
  });

  test('Create and Run sends action=run and the task leaves DRAFT', async () => {
    const outcome = await send({ text: VALID, run: true });
    assert.ok(outcome.kind === 'sent');
    assert.notEqual(outcome.task.status, 'DRAFT');
    assert.match(outcome.summary, /^Created and started task/);
    const post = emulator.requests.find((request) => request.routeKey === 'POST /tasks');
    assert.match(post?.query ?? '', /action=run/);
  });

  test('Create and Run of a file with errors creates a draft that says it did not run', async () => {
    const text = taskText({ project: 'alice/rna-seq', app: 'alice/rna-seq/salmon-quant/0', inputs: {} });
    const outcome = await send({ text, run: true });
    assert.ok(outcome.kind === 'sent');
    assert.equal(outcome.task.status, 'DRAFT');
    assert.match(outcome.summary, /did not run/);
  });

  test("an error of the task itself, shaped {error: \"...\"}, shows the platform's text on the file and in the summary, also when it stops a run", async () => {
    const text = taskText({ project: 'alice/rna-seq', app: 'alice/rna-seq/salmon-quant/0', inputs: { index: INDEX, reads: READS }, execution_settings: { instance_type: 'huge' } });
    const platformText = 'Instance type "huge" is not available; use one such as c5.2xlarge;ebs-gp2;1024.';
    for (const run of [false, true]) {
      const outcome = await send({ text, run });
      assert.ok(outcome.kind === 'sent', outcome.kind);
      assert.deepEqual(outcome.task.errors, [{ error: platformText }], 'the emulator answers the SDK fixture\'s shape');
      assert.deepEqual(outcome.issues.map((issue) => [issue.severity, issue.message, text.slice(issue.start, issue.end)]), [['error', platformText, '"app"']]);
      assert.ok(outcome.summary.includes(platformText), outcome.summary);
      assert.doesNotMatch(outcome.summary, /reported a problem/);
    }
  });

  test('invalid JSON is refused before anything is sent, with the line to fix', async () => {
    const outcome = await send({ text: '{\n  "project": "alice/rna-seq",\n  "app": \n}' });
    assert.ok(outcome.kind === 'invalid-file');
    assert.match(outcome.message, /line 4/);
    assert.equal(emulator.counters().total ?? 0, 0);
  });

  test('two invocations on one file while the first is in flight make exactly one task', async () => {
    emulator.setFault('POST /tasks', { kind: 'latency', ms: 200, times: 1 });
    const before = await countTasks();
    const flights = new SingleFlight();
    const key = 'file:///work/a.sbtask.json';
    const [first, second] = await Promise.all([
      flights.run(key, () => send({ text: VALID })),
      flights.run(key, () => send({ text: VALID })),
    ]);
    assert.equal(first.ran, true);
    assert.equal(second.ran, false);
    assert.equal(posts(), 1);
    assert.equal((await countTasks()) - before, 1);
    // Once it finished, the file can be sent again.
    assert.equal((await flights.run(key, async () => 'again')).ran, true);
  });

  test('a connection dropped after the request was sent is not sent again, and says to check the tree', async () => {
    emulator.setFault('POST /tasks', { kind: 'drop-after', times: 1 });
    const before = await countTasks();
    const outcome = await send({ text: VALID });
    assert.ok(outcome.kind === 'failed');
    assert.equal(outcome.failure.kind, 'maybe-created');
    assert.equal(outcome.failure.maybeCreated, true);
    assert.match(outcome.failure.message, /the request was not sent again: look in the task list of project alice\/rna-seq for a task named "[^"]+"/);
    assert.equal(posts(), 1, 'exactly one POST in the emulator’s request log');
    assert.equal((await countTasks()) - before, 1, 'the platform did create it');
  });

  test('401: an expired token says to sign in again', async () => {
    const outcome = await send({ text: VALID }, emulator.tokens.expired);
    assert.ok(outcome.kind === 'failed');
    assert.equal(outcome.failure.kind, 'auth');
    assert.equal(outcome.failure.maybeCreated, false);
    assert.match(outcome.failure.message, /sign in/i);
  });

  test('403: another user’s project says so and names it', async () => {
    const text = taskText({ project: 'alice/rna-seq', app: 'alice/rna-seq/salmon-quant/0', inputs: {} });
    const outcome = await send({ text }, emulator.tokens.other);
    assert.ok(outcome.kind === 'failed');
    assert.equal(outcome.failure.kind, 'forbidden');
    assert.equal(outcome.failure.maybeCreated, false);
    assert.match(outcome.failure.message, /^No access to project alice\/rna-seq on Emulator: check the id, or ask the project's administrator to add you\./);
  });

  test('404: an app that does not exist says to check the ids', async () => {
    const text = taskText({ project: 'alice/rna-seq', app: 'alice/rna-seq/no-such-app/0', inputs: {} });
    const outcome = await send({ text });
    assert.ok(outcome.kind === 'failed');
    assert.equal(outcome.failure.kind, 'not-found');
    assert.match(outcome.failure.message, /not found/i);
  });

  test('429 with no time to wait fails saying nothing was created; with time, it waits and creates once', async () => {
    emulator.setFault('POST /tasks', { kind: 'status', status: 429, code: 1000, times: 1 });
    const refused = await send({ text: VALID }, emulator.token, { maxWaitMs: 0 });
    assert.ok(refused.kind === 'failed');
    assert.equal(refused.failure.kind, 'rate-limit');
    assert.match(refused.failure.message, /Nothing was created/);

    emulator.resetLog();
    emulator.setFault('POST /tasks', { kind: 'status', status: 429, code: 1000, times: 1 });
    const before = await countTasks();
    // The emulator's window is five minutes; its clock moves as the client sleeps.
    const waited = await send({ text: VALID }, emulator.token, { maxWaitMs: 10 * 60_000 });
    assert.ok(waited.kind === 'sent', waited.kind === 'failed' ? waited.failure.message : waited.kind);
    assert.equal((await countTasks()) - before, 1);
    assert.equal(posts(), 2, 'the refused POST and the one after the wait');
  });

  test('Update Draft from File patches the draft it made, and refuses once the task is no longer a draft', async () => {
    const created = await send({ text: VALID });
    assert.ok(created.kind === 'sent');
    const changed = VALID.replace('salmon S01', 'salmon S01 again');
    const updated = await send({ text: changed, draftId: created.task.id });
    assert.ok(updated.kind === 'sent', updated.kind);
    assert.equal(updated.task.id, created.task.id);
    assert.equal(updated.task.name, 'salmon S01 again');
    assert.equal(emulator.counters()['PATCH /tasks/:id'], 1);

    await clientFor(emulator.token).runTask(created.task.id);
    const refused = await send({ text: changed, draftId: created.task.id });
    assert.ok(refused.kind === 'not-a-draft');
    assert.match(refused.message, /only drafts/);
  });

  async function countTasks(): Promise<number> {
    const page = await clientFor(emulator.token).listTasks({ project: 'alice/rna-seq', limit: 1 });
    return page.total ?? page.items.length;
  }
});
