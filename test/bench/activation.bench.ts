/**
 * activation-ms: how long the extension takes to activate in a real VS Code (code-server 4.100.3's
 * extension host), signed in through SB_API_ENDPOINT/SB_AUTH_TOKEN as the demo is. Baseline: an
 * empty extension (test/bench/activationProbe/) activated in the same extension host. The probe's
 * test entry times `Extension.activate()` of both (module loading and the activate function), in
 * alternating order over several fresh extension hosts; the figure is the median.
 *
 * Also checked: activation sends nothing to the platform. The emulator's request log must stay
 * empty through every round, since no user action happened.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator } from '../emulator/index';
import { figure, median, type Figure } from './figure';
import { packVsix, root } from './packVsix';

const ROUNDS = 5;
const SBG_TASKS = 'sbg-tasks-dev.sbg-tasks';
const EMPTY = 'sbg-bench.activation-probe';
const PROBE_DIR = path.join(root, 'test', 'bench', 'activationProbe');

type StartCodeServer = (options: { installExtensions?: string[]; env?: Record<string, string> }) => Promise<{ url: string; stop(): Promise<void> }>;
const { startCodeServer } = require(path.join(root, 'scripts', 'e2e', 'start-code-server.js')) as { startCodeServer: StartCodeServer };
const { runInWorkbench, missingPrerequisites } = require(path.join(root, 'scripts', 'e2e', 'run-extension-tests.js')) as {
  runInWorkbench(options: { baseUrl: string; extensionPath: string; testsPath: string; folder: string; timeoutSeconds: number }): Promise<{ exitCode: number }>;
  missingPrerequisites(): { what: string; install: string }[];
};

export const figureNames = ['activation-ms'];

/** code-server and Chromium run the extension host; without them there is nothing to time. */
export function skipReason(): string | undefined {
  const missing = missingPrerequisites();
  if (missing.length === 0) return undefined;
  return missing.map((m) => `${m.what} not installed (install it with: ${m.install})`).join('; ');
}

export async function run(): Promise<Figure[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-activation-bench-'));
  const workspace = path.join(work, 'workspace');
  fs.mkdirSync(workspace);
  const control = path.join(work, 'control.json');
  const emulator = await startEmulator({ seed: 'demo', corpusDir: null });
  let codeServer: Awaited<ReturnType<StartCodeServer>> | undefined;
  try {
    const vsix = packVsix(path.join(work, 'sbg-tasks.vsix'));
    codeServer = await startCodeServer({
      installExtensions: [vsix],
      env: { SB_API_ENDPOINT: emulator.url, SB_AUTH_TOKEN: emulator.token, SBG_ACTIVATION_PROBE: control, EXTENSIONS_GALLERY: '{}' },
    });
    emulator.resetLog();

    const times: Record<string, number[]> = { [SBG_TASKS]: [], [EMPTY]: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const out = path.join(work, `times-${round}.json`);
      const order = round % 2 === 0 ? [EMPTY, SBG_TASKS] : [SBG_TASKS, EMPTY];
      fs.writeFileSync(control, JSON.stringify({ order, out, settleMs: 2000 }));
      const { exitCode } = await runInWorkbench({
        baseUrl: codeServer.url,
        extensionPath: PROBE_DIR,
        testsPath: path.join(PROBE_DIR, 'measure.js'),
        folder: workspace,
        timeoutSeconds: 180,
      });
      assert.equal(exitCode, 0, `round ${round}: the probe did not finish (exit ${exitCode}); its output is above`);
      const measured = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, number>;
      for (const id of order) times[id].push(measured[id]);
    }

    const sent = emulator.requests.map((request) => `${request.method} ${request.path}`);
    // The times first, so that a run failing the network check still shows them.
    console.error(`activation bench: ${SBG_TASKS} ${fmt(times[SBG_TASKS])} ms, empty ${fmt(times[EMPTY])} ms; requests to the platform: ${sent.length}`);
    assert.deepEqual(sent, [], 'activation sent requests to the platform before any user action');
    return [figure('activation-ms', 'ms', median(times[SBG_TASKS]), median(times[EMPTY]), 'empty extension in the same code-server')];
  } finally {
    await codeServer?.stop();
    await emulator.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function fmt(values: number[]): string {
  return values.map((value) => value.toFixed(1)).join(', ');
}
