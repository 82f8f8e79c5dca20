/**
 * Everything the UI tests drive, started once: the emulator on a manual clock, a workspace of
 * task files, code-server signed in to the emulator through SB_API_ENDPOINT/SB_AUTH_TOKEN, and
 * headless Chromium showing the workbench with the repository loaded as the extension under
 * development. No test index goes in the URL, so the extension host stays up while the page is
 * driven (E2E-NOTES pitfall 13).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { startEmulator, type Emulator } from '../../emulator';
import { writeTaskFiles } from './taskFiles';
import { Workbench } from './workbench';

export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

interface CodeServer {
  url: string;
  stop(): Promise<void>;
}

const { startCodeServer } = require(path.join(repoRoot, 'scripts', 'e2e', 'start-code-server.js')) as {
  startCodeServer(options: { env?: Record<string, string>; settings?: Record<string, unknown> }): Promise<CodeServer>;
};
const { launchChromium } = require(path.join(repoRoot, 'scripts', 'e2e', 'run-extension-tests.js')) as {
  launchChromium(): Promise<{ browser: BrowserContext; close(): Promise<void> }>;
};

/**
 * Polling at the settings' floor, so a change on the emulator shows in the Tasks view within
 * seconds; the tests never wait for a fixed time, only for the rows to change.
 */
const SETTINGS = {
  'sbgTasks.polling.minIntervalSeconds': 5,
  'sbgTasks.polling.queuedIntervalSeconds': 5,
  'sbgTasks.polling.childrenIntervalSeconds': 5,
  // code-server would otherwise offer to forward the emulator's port, a badge in every screenshot.
  'remote.autoForwardPorts': false,
};

export interface UiSession {
  readonly emulator: Emulator;
  readonly workspace: string;
  readonly workbench: Workbench;
  stop(): Promise<void>;
}

export async function startUiSession(screenshotDir: string): Promise<UiSession> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    // The manual clock starts at its fixed date, months from the wall clock: durations in the tree
    // are measured on the platform's clock (its Date header), so they read right all the same.
    // About a fifth of the children fail (which ones is fixed by their ids), so the batch ends with a Failed group.
    const emulator = await startEmulator({ seed: 'test', corpusDir: null, clock: 'manual', failShare: 0.2 });
    cleanups.push(() => emulator.close());

    // A plain folder name inside the temporary one: it is the title the screenshots show.
    const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-ui-'));
    cleanups.push(() => fs.rmSync(temporary, { recursive: true, force: true }));
    const workspace = path.join(temporary, 'rna-seq-tasks');
    fs.mkdirSync(workspace);
    writeTaskFiles(workspace);

    const server = await startCodeServer({ env: { SB_API_ENDPOINT: emulator.url, SB_AUTH_TOKEN: emulator.token }, settings: SETTINGS });
    cleanups.push(() => server.stop());

    const { browser, close } = await launchChromium();
    cleanups.push(close);
    const page = browser.pages()[0] ?? (await browser.newPage());
    const host = new URL(server.url).host;
    const payload = [['extensionDevelopmentPath', `vscode-remote://${host}${repoRoot}`]];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const workbench = new Workbench(page, screenshotDir);
    await workbench.waitUntilReady();
    return { emulator, workspace, workbench, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
