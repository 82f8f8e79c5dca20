/**
 * Issue 14: the language server as an editor sees it. The bundled server (`node dist/server.js
 * --stdio`) is driven by a small LSP client on the 10,000-file batch body (1.3 MB); each step types
 * one character into a file's name and sends the request at once, timed from sending the change to
 * reading the answer's last byte (answerClock.ts; the time to the test client's library handing the
 * answer on is printed beside it). Baseline: vscode-json-languageservice with the app's flat JSON Schema parsing the same
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
 * Checked while measuring: every answer holds the diagnostics a fresh in-process validation gives
 * for the same text with the same data, and the emulator's request log holds the requests counted.
 * SBG_BENCH_CPU_PROF=<folder> writes a CPU profile of each server (node --cpu-prof) there, sampled
 * every SBG_BENCH_CPU_PROF_INTERVAL microseconds (node's 1000 by default; an edit takes a few ms, 50 shows it);
 * SBG_BENCH_SERVER=out/server/src/main.js profiles the unbundled server (readable names).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { toFileInfo } from '../../server/src/data/liveLookups';
import { parseApp, validate, type TaskContext } from '../../server/src/service/index';
import { MAX_DIAGNOSTICS } from '../../server/src/service/diagnostics/report';
import { startEmulator, type Emulator } from '../emulator/index';
import { testSeed } from '../emulator/seed/testSeed';
import { batchBodyText } from '../service/generatedBodies';
import { JsonLanguageServiceBaseline } from './baseline';
import { figure, median, type Figure } from './figure';
import { LspSession } from './lspSession';
import { root } from './packVsix';

const FILES = 10_000;
const PROJECT = 'alice/bench';
const APP = `${PROJECT}/aligner/3`;
const RUNS = 21;
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
    const expected = expectedDiagnostics(emulator, app);
    let sessionNumber = 0;
    const start = async (liveChecks: boolean) => {
      const home = path.join(work, `home-${++sessionNumber}`);
      const profile = process.env.SBG_BENCH_CPU_PROF;
      return LspSession.start({
        serverMain, home, apiUrl: emulator.url, token: emulator.token, liveChecks,
        nodeArgs: profile ? ['--cpu-prof', '--cpu-prof-interval', process.env.SBG_BENCH_CPU_PROF_INTERVAL ?? '1000', '--cpu-prof-dir', path.resolve(profile)] : [],
      }, `file:///bench/batch-${sessionNumber}.sbtask.json`);
    };

    // Every measured phase alternates the things it compares, step by step, so that a busy
    // machine slows both sides alike instead of whichever ran during the busy moment; a short
    // pause before each step lets the other side's garbage collection threads finish first.
    const baseline = new BaselineEdits(clean, new JsonLanguageServiceBaseline(app));
    const sessions: LspSession[] = [];
    try {
      const off = await start(false);
      sessions.push(off);
      await off.open(clean, expected.count(false));

      // Live checks on, every file on the platform: what opening costs.
      const on = await start(true);
      sessions.push(on);
      emulator.resetLog();
      await on.open(clean, expected.count(true));
      await on.waitForHover(referencePathOffset(on.text), (markdown) => markdown.includes('**human_g1k_v37.fasta**'));
      const openRequests = emulator.counters().total;
      console.error(`lsp bench: opening with live checks sent ${openRequests} requests (${JSON.stringify(emulator.counters())})`);
      // Every id asked once, 100 to a bulk get, and every request a success the log holds.
      assert.equal(emulator.counters()['POST /bulk/files/get'], Math.ceil((FILES + 1) / 100), 'bulk gets of the 10,001 file ids');
      assert.equal(emulator.requests.length, openRequests);
      assert.deepEqual(emulator.requests.filter((request) => request.status !== 200).map((request) => `${request.method} ${request.path} ${request.status}`), []);

      // Diagnostics after an edit: off, on, the baseline and JSON.parse in turn. Only `on` may
      // send requests here (`off` has its app and checks no ids), so the log counts its edits'.
      emulator.resetLog();
      const times = { off: [] as number[], on: [] as number[], theirs: [] as number[], parse: [] as number[], offDispatched: [] as number[] };
      for (let k = 0; k < RUNS; k++) {
        times.off.push(await quiet(() => diagnosticsStep(off, expected(false), times.offDispatched)));
        times.on.push(await quiet(() => diagnosticsStep(on, expected(true))));
        times.theirs.push(await quiet(() => baseline.step((document) => baseline.service.validate(document))));
        times.parse.push(await quiet(() => timeParse(off.text)));
      }
      const editRequests = emulator.counters().total / RUNS;
      console.error(`lsp bench: ${RUNS} edits with live checks then sent ${emulator.counters().total} requests`);

      // Completion in the value of "mode" right after an edit in a file's name.
      const completion = { ours: [] as number[], theirs: [] as number[], dispatched: [] as number[] };
      for (let k = 0; k < RUNS; k++) {
        completion.ours.push(await quiet(() => step(off, async (offset) => {
          const { ms, dispatchedMs, labels } = await off.editThenComplete(offset, modeValueOffset);
          completion.dispatched.push(dispatchedMs);
          assert.equal(labels.filter((label) => /fast|sensitive/.test(label)).length, 2, `completion of "mode" answered ${labels.join(', ')}`);
          return ms;
        })));
        completion.theirs.push(await quiet(() => baseline.step(async (document, at) => {
          const labels = ((await baseline.service.complete(document, at))?.items ?? []).map((item) => item.label);
          assert.equal(labels.filter((label) => /fast|sensitive/.test(label)).length, 2, `the baseline's completion of "mode" answered ${labels.join(', ')}`);
        }, modeValueOffset)));
      }
      await off.stop();
      // The figures stop the clock at the answer's last byte; the test client's library hands it on later.
      console.error(`lsp bench: handed on by the test client's library, medians: diagnostics ${median(times.offDispatched).toFixed(2)} ms (read ${median(times.off).toFixed(2)}), completion ${median(completion.dispatched).toFixed(2)} ms (read ${median(completion.ours).toFixed(2)})`);

      // Live checks on, no file known (10,001 files not found), against the clean body in turn.
      const failed = await start(true);
      sessions.push(failed);
      const first = await failed.open(failing, expected.count(true));
      console.error(`lsp bench: the failing body gets ${first.length} diagnostics: ${summarize(first)}`);
      const failure = { failing: [] as number[], clean: [] as number[] };
      for (let k = 0; k < RUNS; k++) {
        failure.failing.push(await quiet(() => diagnosticsStep(failed, expected(true))));
        failure.clean.push(await quiet(() => diagnosticsStep(on, expected(true))));
      }

      const offDiagnostics = median(times.off);
      return [
        figure('lsp-diagnostics-10k', 'ms', offDiagnostics, median(times.theirs), `${JSON_LS} parse+validate after the same edit, flat JSON Schema, in process`),
        figure('lsp-diagnostics-vs-json-parse-10k', 'ms', offDiagnostics, median(times.parse), 'JSON.parse of the same text, in process'),
        figure('lsp-completion-after-edit-10k', 'ms', median(completion.ours), median(completion.theirs), `${JSON_LS} parse+doComplete after the same edit, flat JSON Schema, in process`),
        figure('live-10k-open-requests', 'requests', openRequests, FILES + 1, 'one GET /files/{id} per file'),
        figure('live-10k-edit-requests', 'requests', editRequests, openRequests, 'checking every file again on each edit'),
        figure('live-10k-diagnostics', 'ms', median(times.on), offDiagnostics, 'lsp-diagnostics-10k (live checks off)'),
        figure('lsp-diagnostics-10k-failing', 'ms', median(failure.failing), median(failure.clean), 'live-10k-diagnostics (every file exists), measured in turn'),
      ];
    } finally {
      for (const session of sessions) await session.stop();
    }
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

/**
 * The in-process service's diagnostics for a text, with the app and (live checks) the emulator's
 * files and projects, validated afresh (a new uri each time: nothing kept from another version),
 * as they come out of JSON; `.count` gives their number, what `LspSession.settle` waits for.
 */
function expectedDiagnostics(emulator: Emulator, app: ReturnType<typeof parseApp>) {
  let fresh = 0;
  const diagnostics = (liveChecks: boolean) => (text: string): Diagnostic[] => {
    const context: TaskContext = { app: { state: 'ready', model: app } };
    if (liveChecks) {
      context.projectExists = (id) => emulator.store.projects.has(id);
      context.fileInfo = (id) => {
        const file = emulator.store.files.get(id);
        return file ? toFileInfo(file) : null;
      };
    }
    const found = validate(TextDocument.create(`file:///expected-${++fresh}.sbtask.json`, 'sbg-task', 1, text), context);
    return JSON.parse(JSON.stringify(found)) as Diagnostic[];
  };
  return Object.assign(diagnostics, { count: (liveChecks: boolean) => (text: string) => diagnostics(liveChecks)(text).length });
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

const PAUSE_MS = 50;

/** Runs a measured step after a pause in which nothing else of the bench runs. */
async function quiet<T>(work: () => T | Promise<T>): Promise<T> {
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  return work();
}

/** One edit and the work after it, at the next of the ten places. */
function step(session: LspSession, work: (offset: number) => Promise<number>): Promise<number> {
  return work(editOffset(session.text, session.editCount));
}

/** ms of edit + pull; the answer must be what a fresh in-process validation gives for that text. */
function diagnosticsStep(session: LspSession, expected: (text: string) => Diagnostic[], dispatched: number[] = []): Promise<number> {
  return step(session, async (offset) => {
    const { ms, dispatchedMs, items } = await session.editThenDiagnostics(offset);
    dispatched.push(dispatchedMs);
    // The whole answer, not only its count: the server keeps findings between versions (reuse.ts).
    assert.deepEqual(items, expected(session.text), 'the server and a fresh in-process validation disagree on the diagnostics');
    return ms;
  });
}

function timeParse(text: string): number {
  const start = process.hrtime.bigint();
  JSON.parse(text);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The baseline on its own copy of the text, typing the same characters at the same places. */
class BaselineEdits {
  private readonly document: TextDocument;
  private edits = 0;

  constructor(text: string, readonly service: JsonLanguageServiceBaseline) {
    this.document = TextDocument.create('file:///baseline.sbtask.json', 'sbg-task', 1, text);
  }

  /**
   * ms of one edit applied to its document and `work` on the new version, as the server applies
   * the change and works; `locate` finds where the work happens (off the clock, as the client's
   * completion position is).
   */
  async step(work: (document: TextDocument, at: number) => Promise<unknown>, locate: (text: string) => number = () => 0): Promise<number> {
    const document = this.document;
    const offset = editOffset(document.getText(), this.edits++);
    const change = { range: { start: document.positionAt(offset), end: document.positionAt(offset) }, text: 'x' };
    const located = locate(document.getText());
    const at = located > offset ? located + 1 : located; // where it will be once the character is in
    const start = process.hrtime.bigint();
    TextDocument.update(document, [change], document.version + 1);
    await work(document, at);
    return Number(process.hrtime.bigint() - start) / 1e6;
  }
}

function summarize(diagnostics: { code?: unknown }[]): string {
  const counts = new Map<unknown, number>();
  for (const diagnostic of diagnostics) counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
  return [...counts].map(([code, count]) => `${count} ${String(code)}`).join(', ') + ` (cap ${MAX_DIAGNOSTICS})`;
}
