/**
 * Issue 14: the language server as an editor sees it. The bundled server (`node dist/server.js
 * --stdio`) is driven by a small LSP client on the 10,000-file batch body (1.3 MB); each step types
 * one character into a file's name and sends the request at once, timed from the change to the
 * answer. Baseline: vscode-json-languageservice with the app's flat JSON Schema parsing the same
 * text after the same edit, in this process, in the same run.
 *
 * Figures:
 * - lsp-diagnostics-10k, lsp-diagnostics-vs-json-parse-10k, lsp-completion-after-edit-10k (the
 *   edit in a file's name, the completion in the value of "mode"): live checks off (the baseline
 *   checks no ids either).
 * - live-10k-open-requests, live-10k-edit-requests, live-10k-diagnostics: live checks on, every one
 *   of the 10,001 files exists on the emulator (created with POST /_emulator/files).
 * - lsp-diagnostics-10k-failing: live checks on, no file id known to the platform.
 *
 * Checked while measuring: every answer holds as many diagnostics as the in-process service gives
 * for the same text with the same data, and the emulator's request log holds the requests counted.
 * SBG_BENCH_CPU_PROF=<folder> writes a CPU profile of each server (node --cpu-prof) there;
 * SBG_BENCH_SERVER=out/server/src/main.js profiles the unbundled server (readable names).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toFileInfo } from '../../server/src/data/liveLookups';
import { parseApp, validate, type TaskContext } from '../../server/src/service/index';
import { MAX_DIAGNOSTICS } from '../../server/src/service/diagnostics/report';
import { startEmulator, type Emulator } from '../emulator/index';
import { testSeed } from '../emulator/seed/testSeed';
import { batchBodyText } from '../service/generatedBodies';
import { JsonLanguageServiceBaseline } from './baseline';
import { figure, median, timeMedian, type Figure } from './figure';
import { LspSession } from './lspSession';
import { root } from './packVsix';

const FILES = 10_000;
const PROJECT = 'alice/bench';
const APP = `${PROJECT}/aligner/3`;
const RUNS = 21;
const BASELINE_RUNS = 11;
const JSON_LS = 'vscode-json-languageservice 5.7.1';

/** The app of generatedBodies' batchApp() as the platform holds it: CWL with sbg: extensions. */
const ALIGNER_CWL = {
  class: 'Workflow',
  cwlVersion: 'v1.0',
  label: 'Aligner',
  inputs: [
    { id: 'reads', type: { type: 'array', items: 'File' }, label: 'Reads', 'sbg:fileTypes': 'FASTQ, FASTQ.GZ' },
    { id: 'reference', type: 'File', 'sbg:fileTypes': 'FA, FASTA' },
    { id: 'threads', type: 'int?', default: 8 },
    { id: 'mode', type: ['null', { type: 'enum', symbols: ['fast', 'sensitive'], name: 'mode' }] },
    { id: 'trim', type: 'boolean?' },
  ],
  outputs: [],
  steps: [],
  'sbg:batchInput': '#reads',
};

export async function run(): Promise<Figure[]> {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle.js')], { cwd: root, stdio: 'ignore' });
  // SBG_BENCH_SERVER=out/server/src/main.js runs the unbundled server, whose profile names functions.
  const serverMain = path.resolve(root, process.env.SBG_BENCH_SERVER ?? path.join('dist', 'server.js'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-lsp-bench-'));
  const seed = testSeed();
  seed.projects.push({ id: PROJECT, name: 'Bench', members: ['alice'] });
  seed.apps.push({ project: PROJECT, name: 'aligner', revisions: [0, 1, 2, 3].map(() => ({ raw: ALIGNER_CWL })) });
  // Bulk gets of 101 requests per open, several servers: the default 1,000 per window would end the run.
  const emulator = await startEmulator({ seed, corpusDir: null, rateLimit: { limit: 1_000_000, windowSeconds: 300 } });
  try {
    const ids = await createFiles(emulator);
    const clean = batchBodyText(FILES, { project: PROJECT, app: APP, idOf: (n) => ids[n] });
    const failing = batchBodyText(FILES, { project: PROJECT, app: APP }); // generatedBodies' ids: none exists
    const app = parseApp(emulator.store.app(`${PROJECT}/aligner`, 3)!.raw);
    const expected = expectedCount(emulator, app);
    let sessionNumber = 0;
    const start = async (liveChecks: boolean) => {
      const home = path.join(work, `home-${++sessionNumber}`);
      const profile = process.env.SBG_BENCH_CPU_PROF;
      return LspSession.start({
        serverMain, home, apiUrl: emulator.url, token: emulator.token, liveChecks,
        nodeArgs: profile ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profile)] : [],
      }, `file:///bench/batch-${sessionNumber}.sbtask.json`);
    };

    // Live checks off: the server's round trips against the baseline's in-process work.
    const baseline = new JsonLanguageServiceBaseline(app);
    const off = await start(false);
    let offDiagnostics: number;
    let offCompletion: number;
    try {
      await off.open(clean, expected(false));
      offDiagnostics = await diagnosticsRoundTrip(off, expected(false));
      offCompletion = median(await steps(off, RUNS, async (offset) => {
        const { ms, labels } = await off.editThenComplete(offset, modeValueOffset);
        assert.deepEqual(labels.filter((label) => /fast|sensitive/.test(label)).length, 2, `completion of "mode" answered ${labels.join(', ')}`);
        return ms;
      }));
    } finally {
      await off.stop();
    }
    const theirDiagnostics = await baselineAfterEdits(clean, (document) => baseline.validate(document));
    const theirCompletion = await baselineAfterEdits(clean, async (document) => {
      const labels = ((await baseline.complete(document, modeValueOffset(document.getText())))?.items ?? []).map((item) => item.label);
      assert.equal(labels.filter((label) => /fast|sensitive/.test(label)).length, 2, `the baseline's completion of "mode" answered ${labels.join(', ')}`);
    });
    const jsonParse = await timeMedian(() => JSON.parse(clean), 7);

    // Live checks on, every file on the platform: what opening costs, then what editing costs.
    const on = await start(true);
    let openRequests: number;
    let editRequests: number;
    let onDiagnostics: number;
    try {
      emulator.resetLog();
      await on.open(clean, expected(true));
      await on.waitForHover(referencePathOffset(on.text), (markdown) => markdown.includes('**human_g1k_v37.fasta**'));
      openRequests = emulator.counters().total;
      const breakdown = JSON.stringify(emulator.counters());
      emulator.resetLog();
      const editsBefore = on.editCount;
      onDiagnostics = await diagnosticsRoundTrip(on, expected(true));
      const edits = on.editCount - editsBefore;
      editRequests = emulator.counters().total / edits;
      console.error(`lsp bench: opening with live checks sent ${openRequests} requests (${breakdown}); ${edits} edits then sent ${emulator.counters().total}`);
      assert.equal(emulator.requests.length, emulator.counters().total);
    } finally {
      await on.stop();
    }

    // Live checks on, no file known: 10,001 files not found.
    const failed = await start(true);
    let failingDiagnostics: number;
    try {
      await failed.open(failing, expected(true));
      const first = await failed.settle(expected(true));
      console.error(`lsp bench: the failing body gets ${first.length} diagnostics: ${summarize(first)}`);
      failingDiagnostics = await diagnosticsRoundTrip(failed, expected(true));
    } finally {
      await failed.stop();
    }

    return [
      figure('lsp-diagnostics-10k', 'ms', offDiagnostics, theirDiagnostics, `${JSON_LS} parse+validate after the same edit, flat JSON Schema, in process`),
      figure('lsp-diagnostics-vs-json-parse-10k', 'ms', offDiagnostics, jsonParse, 'JSON.parse of the same text, in process'),
      figure('lsp-completion-after-edit-10k', 'ms', offCompletion, theirCompletion, `${JSON_LS} parse+doComplete after the same edit, flat JSON Schema, in process`),
      figure('live-10k-open-requests', 'requests', openRequests, FILES + 1, 'one GET /files/{id} per file'),
      figure('live-10k-edit-requests', 'requests', editRequests, openRequests, 'checking every file again on each edit'),
      figure('live-10k-diagnostics', 'ms', onDiagnostics, offDiagnostics, 'lsp-diagnostics-10k (live checks off)'),
      figure('lsp-diagnostics-10k-failing', 'ms', failingDiagnostics, onDiagnostics, 'live-10k-diagnostics (every file exists)'),
    ];
  } finally {
    await emulator.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The 10,000 reads (sample_00001_R1.fastq.gz ...) and the reference, through the admin API; ids[n] is file n. */
async function createFiles(emulator: Emulator): Promise<string[]> {
  const post = async (body: unknown): Promise<string[]> => {
    const response = await fetch(`${emulator.origin}/_emulator/files`, {
      method: 'POST', headers: { 'X-Emulator-Admin': emulator.adminToken, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    assert.equal(response.status, 200, await response.clone().text());
    return ((await response.json()) as { ids: string[] }).ids;
  };
  const reference = await post({ project: PROJECT, count: 1, name: 'human_g1k_v37.fasta', first: 0 });
  const reads = await post({ project: PROJECT, count: FILES, name: 'sample_{n}_R1.fastq.gz', metadata: { sample_id: 'S{n}' } });
  return [...reference, ...reads];
}

/** The in-process service's diagnostics count for a text, with the app and (live checks) the emulator's files and projects. */
function expectedCount(emulator: Emulator, app: ReturnType<typeof parseApp>) {
  return (liveChecks: boolean) => (text: string): number => {
    const context: TaskContext = { app: { state: 'ready', model: app } };
    if (liveChecks) {
      context.projectExists = (id) => emulator.store.projects.has(id);
      context.fileInfo = (id) => {
        const file = emulator.store.files.get(id);
        return file ? toFileInfo(file) : null;
      };
    }
    return validate(TextDocument.create('file:///expected.sbtask.json', 'sbg-task', 1, text), context).length;
  };
}

/** Where the k-th edit goes: before the name of one of ten files spread over the body (x's pile up there). */
function editOffset(text: string, k: number): number {
  const n = 1 + (k % 10) * (FILES / 10);
  const at = text.indexOf(`sample_${String(n).padStart(5, '0')}_R1.fastq.gz"`);
  if (at < 0) throw new Error(`the bench body lacks file ${n}`);
  return at;
}

/** On the id of the reference file, the last id the server looks up. */
function referencePathOffset(text: string): number {
  return text.indexOf('"path"', text.indexOf('"reference"')) + '"path": "'.length + 1;
}

/** Inside the value of "mode" (an enum: both complete "fast" and "sensitive"), after the edit in a name. */
function modeValueOffset(text: string): number {
  return text.indexOf('"mode": "') + '"mode": "'.length;
}

async function steps(session: LspSession, runs: number, step: (offset: number) => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) times.push(await step(editOffset(session.text, session.editCount)));
  return times;
}

/** Median ms of edit + pull; every answer must count what the in-process service counts for that text. */
async function diagnosticsRoundTrip(session: LspSession, expected: (text: string) => number): Promise<number> {
  return median(await steps(session, RUNS, async (offset) => {
    const { ms, items } = await session.editThenDiagnostics(offset);
    assert.equal(items.length, expected(session.text), 'the server and the in-process service disagree on the diagnostics count');
    return ms;
  }));
}

/** The baseline's median ms for the same one-character edits followed by `work` at the edit. */
async function baselineAfterEdits(text: string, work: (document: TextDocument, offset: number) => Promise<unknown>): Promise<number> {
  const document = TextDocument.create('file:///baseline.sbtask.json', 'sbg-task', 1, text);
  const times: number[] = [];
  for (let k = 0; k < BASELINE_RUNS + 1; k++) {
    const offset = editOffset(document.getText(), k);
    const start = process.hrtime.bigint();
    TextDocument.update(document, [{ range: { start: document.positionAt(offset), end: document.positionAt(offset) }, text: 'x' }], document.version + 1);
    await work(document, offset);
    if (k > 0) times.push(Number(process.hrtime.bigint() - start) / 1e6); // the first warms up
  }
  return median(times);
}

function summarize(diagnostics: { code?: unknown }[]): string {
  const counts = new Map<unknown, number>();
  for (const diagnostic of diagnostics) counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
  return [...counts].map(([code, count]) => `${count} ${String(code)}`).join(', ') + ` (cap ${MAX_DIAGNOSTICS})`;
}
