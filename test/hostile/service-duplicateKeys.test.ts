/**
 * Issue 9 §8: a body with two "app" or two "inputs" keys linted clean against the first while
 * `create` sent the second (JSON.parse and jsonc-parser keep the last). Now a repeated key is
 * `sbg.duplicate-key` (an error: the platform reads one of them, not necessarily the first), and
 * `sbg-task create` and Create Draft Task send `checkedBody`, the body the checks read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkedBody, validate } from '../../server/src/service';
import { readTaskFile } from '../../client/src/create/taskFile';
import { diagnose } from '../test-utils/diagnose';
import { documentOf } from '../test-utils/cursor';
import { appModel } from '../test-utils/fakeContext';
import { startEmulator } from '../emulator/index';
import { isolatedEnv } from '../server/lspClient';
import { runCli } from '../cli/runCli';

const twoApps = ['{', '  "project": "me/proj",', '  "app": "me/proj/checked/1",', '  "inputs": {"n": 1},', '  "app": "me/proj/other/1",', '  "inputs": {"n": "x", "extra": 2}', '}'].join('\n');

test('a second "app" and a second "inputs" are errors naming the line of the first', () => {
  const findings = diagnose(twoApps, { app: { state: 'ready', model: appModel({ n: 'int' }) } });
  assert.deepEqual(
    findings.map((f) => [f.code, f.at, f.severity, f.message]),
    [
      ['sbg.duplicate-key', '"app"', 'error', "'app' is written twice in this object (first on line 3): the platform reads one of them, not necessarily the first, which is the one checked and sent. Remove one."],
      ['sbg.duplicate-key', '"inputs"', 'error', "'inputs' is written twice in this object (first on line 4): the platform reads one of them, not necessarily the first, which is the one checked and sent. Remove one."],
    ],
  );
});

test('repeats are found at every level, in objects of any size, each repeat once', () => {
  const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
  const text = `{"project": "me/proj", "app": "me/proj/wf", "inputs": {"rec": {"a": 1, "a": 2, "a": 3}, "big": ${JSON.stringify(many).replace('}', ', "k7": 0}')}}, "execution_settings": {"use_memoization": true, "use_memoization": false}}`;
  assert.deepEqual(
    diagnose(text).map((f) => [f.code, f.at]),
    [
      ['sbg.duplicate-key', '"a"'],
      ['sbg.duplicate-key', '"a"'],
      ['sbg.duplicate-key', '"k7"'],
      ['sbg.duplicate-key', '"use_memoization"'],
    ],
  );
});

test('checkedBody keeps the first of equal keys, the one every check read; parse would keep the last', () => {
  const checked = checkedBody(documentOf(twoApps, 'file:///two.sbtask.json'));
  assert.deepEqual(checked, { ok: true, body: { project: 'me/proj', app: 'me/proj/checked/1', inputs: { n: 1 } } });
  assert.equal(JSON.parse(twoApps).app, 'me/proj/other/1');
  const client = readTaskFile(twoApps);
  assert.deepEqual(client, { ok: true, body: { project: 'me/proj', app: 'me/proj/checked/1', inputs: { n: 1 } } });
});

test('checkedBody sends a "__proto__" key as written, decodes escapes, and refuses what is not a body', () => {
  const text = '{"project": "me/proj", "app": "me/proj/wf", "__proto__": {"x": 1}, "inputs": {"s": "a\\"b\\u00e9", "n": -1.5e2, "l": [true, null, {}]}}';
  const checked = checkedBody(documentOf(text, 'file:///proto.sbtask.json'));
  assert.ok(checked.ok);
  assert.equal(Object.getPrototypeOf(checked.body), Object.prototype);
  assert.deepEqual(Object.keys(checked.body), ['project', 'app', '__proto__', 'inputs']);
  assert.equal(JSON.stringify(checked.body), JSON.stringify(JSON.parse(text)));
  assert.deepEqual(checkedBody(documentOf('', 'file:///e.sbtask.json')), { ok: false, reason: 'empty', offset: 0, message: 'The file is empty: a task body is a JSON object with "project", "app" and "inputs".' });
  assert.deepEqual(checkedBody(documentOf('[1]', 'file:///a.sbtask.json')), { ok: false, reason: 'not-an-object', offset: 0, message: 'A task body is a JSON object with "project", "app" and "inputs", not a list or a single value.' });
  assert.deepEqual(checkedBody(documentOf('{"a" 1}', 'file:///s.sbtask.json')), { ok: false, reason: 'syntax', offset: 5, message: 'Colon expected' });
});

test('checkedBody builds a body nested 100,000 deep without recursion', () => {
  const depth = 100_000;
  const text = `{"project": "me/proj", "app": "me/proj/wf", "inputs": {"x": ${'['.repeat(depth)}1${']'.repeat(depth)}}}`;
  const checked = checkedBody(documentOf(text, 'file:///deep.sbtask.json'));
  assert.ok(checked.ok);
  let value: unknown = (checked.body.inputs as Record<string, unknown>).x;
  let levels = 0;
  while (Array.isArray(value)) {
    value = value[0];
    levels++;
  }
  assert.deepEqual([levels, value], [depth, 1]);
});

test('sbg-task create sends the app and inputs lint checked: the emulator holds a task of the first "app"', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sbg-dup-'));
  const emulator = await startEmulator({ corpusDir: null });
  try {
    const env = isolatedEnv(dir, { SB_API_ENDPOINT: emulator.url, SB_AUTH_TOKEN: emulator.token });
    const file = path.join(dir, 'dup.sbtask.json');
    writeFileSync(file, '{"project": "alice/rna-seq", "app": "alice/rna-seq/bam-stats", "name": "first", "inputs": {"mode": "fast"}, "app": "alice/rna-seq/no-such-app", "name": "second", "inputs": {}}');
    const lint = validate(documentOf('{"project": "alice/rna-seq", "app": "alice/rna-seq/bam-stats", "app": "x"}', 'file:///l.sbtask.json'), {});
    assert.deepEqual(lint.map((d) => d.code), ['sbg.duplicate-key']);
    const result = await runCli(['create', file], env);
    const id = result.stdout.split('\n')[0];
    const task = emulator.store.task(id)?.task;
    assert.ok(task, `no task ${id}: ${result.stderr}`);
    assert.match(task.app ?? "", /^alice\/rna-seq\/bam-stats(\/\d+)?$/);
    assert.deepEqual([task.name, task.inputs?.mode], ['first', 'fast']);
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
