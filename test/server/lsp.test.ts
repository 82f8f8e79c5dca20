/**
 * The language server over real stdio LSP from a test client: capabilities, pull and push
 * diagnostics, completion, hover, code actions, formatting, bad input; and standalone against the
 * emulator: app ports fetched and used, then the emulator gone and the ports read from the disk cache.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startEmulator, type Emulator } from '../emulator/index';
import { isolatedEnv, TestClient } from './lspClient';

const home = mkdtempSync(path.join(os.tmpdir(), 'sbg-lsp-'));
after(() => rmSync(home, { recursive: true, force: true }));

const VALID_IDS = '"project": "alice/rna-seq", "app": "alice/rna-seq/bam-stats"';

function codes(diagnostics: { code?: unknown }[]): unknown[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

describe('language server without platform data (push diagnostics)', () => {
  let client: TestClient;
  let capabilities: any;

  before(async () => {
    const started = await TestClient.start({ env: isolatedEnv(home), pull: false });
    client = started.client;
    capabilities = started.initialize.capabilities;
  });
  after(() => client.stop());

  it('announces incremental sync and every feature, but no pull diagnostics to a client without them', () => {
    assert.equal(capabilities.textDocumentSync.change, 2);
    assert.ok(capabilities.completionProvider);
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeActionProvider.codeActionKinds, ['quickfix']);
    assert.equal(capabilities.documentFormattingProvider, true);
    assert.equal(capabilities.documentRangeFormattingProvider, true);
    assert.equal(capabilities.documentSymbolProvider, true);
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.equal(capabilities.selectionRangeProvider, true);
    assert.equal(capabilities.diagnosticProvider, undefined);
  });

  it('pushes diagnostics on open and again after an incremental edit', async () => {
    const uri = 'file:///push.sbtask.json';
    const text = `{${VALID_IDS}, "inputz": {}}`;
    const from = client.received.length;
    await client.open(uri, text);
    const first = await client.nextDiagnostics(uri, from);
    const unknown = first.find((diagnostic) => diagnostic.code === 'sbg.unknown-key');
    assert.ok(unknown, `expected sbg.unknown-key in ${JSON.stringify(first)}`);
    assert.equal(unknown.source, 'sbg-task');
    const offset = text.indexOf('"inputz"');
    assert.deepEqual(unknown.range.start, { line: 0, character: offset });

    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: offset + 1 }, end: { line: 0, character: offset + 7 } }, text: 'inputs' }],
    });
    // Not the next push: the refresh after the app lookup ended may push version 1 again before the
    // server reads the edit (seen under load, when this process stalls between its two messages).
    const second = await client.diagnosticsOfVersion(uri, 2);
    assert.ok(!codes(second).includes('sbg.unknown-key'), JSON.stringify(second));
  });

  it('completes body keys, hovers over them, and formats', async () => {
    const uri = 'file:///features.sbtask.json';
    const text = `{${VALID_IDS},\n"": 1}`;
    await client.open(uri, text);
    const completion = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 1 } });
    const labels: string[] = (completion.items ?? completion).map((item: { label: string }) => item.label);
    assert.ok(labels.includes('inputs') && labels.includes('batch_input'), labels.join(', '));

    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.match(JSON.stringify(hover.contents), /project/i);

    const edits = await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'sbg-task', 1, text), edits);
    assert.equal(formatted, '{\n  "project": "alice/rna-seq",\n  "app": "alice/rna-seq/bam-stats",\n  "": 1\n}');
  });

  it('offers the missing half of a batch pair as a quick fix', async () => {
    const uri = 'file:///batch.sbtask.json';
    const text = `{${VALID_IDS}, "inputs": {}, "batch_input": "bams"}`;
    const from = client.received.length;
    await client.open(uri, text);
    const diagnostics = await client.nextDiagnostics(uri, from);
    const pair = diagnostics.filter((diagnostic) => diagnostic.code === 'sbg.batch-pair');
    assert.equal(pair.length, 1, JSON.stringify(diagnostics));
    const actions: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri }, range: pair[0].range, context: { diagnostics: pair, only: ['quickfix'] },
    });
    assert.ok(actions.length > 0, 'no quick fix offered');
    const edits = actions[0].edit.changes[uri];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'sbg-task', 1, text), edits);
    assert.match(fixed, /"batch_by"/);
  });

  describe('bad input: diagnostics, never a crash', () => {
    const cases: [string, () => string][] = [
      ['an empty document', () => ''],
      ['a top-level array', () => '[1, 2, {"project": 3}]'],
      ['deep nesting', () => `{"inputs": {"x": ${'['.repeat(50_000)}${']'.repeat(50_000)}}}`],
      ['replacement characters and a lone surrogate', () => `{"project": "\uFFFD\uD800", "app": "a/b/\uFFFD"}`],
      ['50 MB of JSON', () => largeBody(50 * 1024 * 1024)],
    ];
    for (const [name, text] of cases) {
      it(name, async () => {
        const uri = `file:///bad-${name.replace(/\W+/g, '-')}.sbtask.json`;
        const from = client.received.length;
        await client.open(uri, text());
        const diagnostics = await client.nextDiagnostics(uri, from);
        assert.ok(Array.isArray(diagnostics));
        const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
        assert.ok(hover === null || typeof hover === 'object');
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        assert.equal(client.child.exitCode, null, client.stderr);
      });
    }
  });
});

/** A task body of about `bytes` bytes: a File[] input with many file objects. */
export function largeBody(bytes: number): string {
  const item = '{"class": "File", "path": "5f0c1c0de4b0a6d31ab1f0a1"}';
  const count = Math.ceil(bytes / (item.length + 2));
  return `{${VALID_IDS}, "inputs": {"bams": [${new Array(count).fill(item).join(', ')}], "mode": "fast"}}`;
}

describe('standalone language server against the emulator (pull diagnostics)', () => {
  let emulator: Emulator;
  const cacheDir = path.join(home, 'app-cache');
  const uri = 'file:///emulated.sbtask.json';
  const text = `{${VALID_IDS},\n "inputs": {"bamz": 1}}`;

  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
  });
  after(() => emulator.close());

  it('fetches the app, revalidates when its ports arrive, and uses them', async () => {
    const { client, initialize } = await TestClient.start({
      env: isolatedEnv(home, { SB_API_ENDPOINT: emulator.url, SB_AUTH_TOKEN: emulator.token }),
      pull: true,
      initializationOptions: { cacheDir },
    });
    try {
      assert.deepEqual(initialize.capabilities.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });
      await client.open(uri, text);
      // Validation never waits for the platform: the first answer may come before the ports.
      const first = await client.pull(uri);
      assert.ok(!codes(first.items).includes('sbg.app-unavailable'), JSON.stringify(first.items));
      const status = await client.waitFor((m) => m.method === 'sbg/appStatus' && m.params.uri === uri && m.params.state === 'ready');
      assert.equal(status.params.appId, 'alice/rna-seq/bam-stats');
      assert.equal(status.params.fromCache, false);
      await client.waitFor((m) => m.method === 'workspace/diagnostic/refresh');

      const report = await client.pull(uri);
      const found = codes(report.items);
      assert.ok(found.includes('sbg.unknown-input'), JSON.stringify(report.items));
      assert.ok(found.includes('sbg.missing-required-input'), JSON.stringify(report.items));
      assert.ok(emulator.requests.some((request) => request.path.includes('/apps/alice/rna-seq/bam-stats')), 'the app was not fetched');

      const missing = report.items.filter((diagnostic) => diagnostic.code === 'sbg.missing-required-input');
      const actions: any[] = await client.request('textDocument/codeAction', {
        textDocument: { uri }, range: missing[0].range, context: { diagnostics: missing },
      });
      const addInputs = actions.find((action) => action.kind === 'quickfix' && JSON.stringify(action.edit).includes('mode'));
      assert.ok(addInputs, JSON.stringify(actions));

      const completion = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 14 } });
      const labels: string[] = (completion.items ?? completion).map((item: { label: string }) => item.label);
      assert.ok(labels.includes('bams') && labels.includes('mode'), labels.join(', '));
    } finally {
      await client.stop();
    }
  });

  it('answers from the disk cache when the platform is gone (push diagnostics)', async () => {
    const url = emulator.url;
    await emulator.close();
    const { client } = await TestClient.start({
      env: isolatedEnv(home, { SB_API_ENDPOINT: url, SB_AUTH_TOKEN: 'x'.repeat(32) }),
      pull: false,
      initializationOptions: { cacheDir },
    });
    try {
      await client.open(uri, text);
      const status = await client.waitFor((m) => m.method === 'sbg/appStatus' && m.params.uri === uri && m.params.state === 'ready');
      assert.equal(status.params.fromCache, true);
      const diagnostics = await client.nextDiagnostics(uri, 0, (items) => codes(items).includes('sbg.missing-required-input'));
      assert.ok(codes(diagnostics).includes('sbg.unknown-input'));
      assert.ok(!codes(diagnostics).includes('sbg.app-unavailable'), JSON.stringify(diagnostics));
      assert.ok(!client.stderr.includes('x'.repeat(32)), 'the token was logged');
    } finally {
      await client.stop();
    }
  });
});
