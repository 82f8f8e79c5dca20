// The running demo: the emulator (demo seed, real-time clock) in this process, a copy of the sample
// workspace, and code-server with the packed extension, signed in to the emulator through
// SB_API_ENDPOINT/SB_AUTH_TOKEN in its environment. Everything listens on 127.0.0.1 only.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer } = require('../e2e/start-code-server');

const root = path.resolve(__dirname, '..', '..');
/** The committed sample task files, written against the demo seed's apps and file ids. */
const SAMPLE_WORKSPACE = path.join(root, 'demo', 'workspace');

/**
 * An empty extensions gallery: code-server would otherwise look up extensions (and their updates) on
 * a public marketplace. Without a service URL the workbench treats the gallery as switched off, and a
 * .vsix still installs from disk.
 */
const NO_GALLERY = '{}';

/** Settings for the demo's user: the Tasks view and the task files, nothing else competing. */
const DEMO_SETTINGS = {
  'workbench.startupEditor': 'none',
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
};

/**
 * Starts the demo. `stop()` ends code-server's process group, closes the emulator and removes the
 * run folder; it is safe to call more than once.
 * @param {{ vsix: string }} options
 * @returns {Promise<{ url: string, codeServerUrl: string, apiUrl: string, token: string,
 *   workspace: string, cacheDir: string, logFile: string, extensionsDir: string, stop: () => Promise<void> }>}
 */
async function startDemo({ vsix }) {
  const { startEmulator } = require(path.join(root, 'out', 'test', 'emulator', 'index.js'));
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-demo-'));
  const workspace = path.join(runDir, 'workspace');
  const cacheDir = path.join(runDir, 'cache');
  fs.cpSync(SAMPLE_WORKSPACE, workspace, { recursive: true });

  const stops = [async () => fs.rmSync(runDir, { recursive: true, force: true })];
  let stopped;
  const stop = () => (stopped ??= (async () => {
    for (const step of stops.reverse()) await step().catch(() => { /* keep stopping the rest */ });
  })());
  try {
    const emulator = await startEmulator({ seed: 'demo', clock: 'real' });
    stops.push(() => emulator.close());
    const codeServer = await startCodeServer({
      installExtensions: [vsix],
      env: { SB_API_ENDPOINT: emulator.url, SB_AUTH_TOKEN: emulator.token, EXTENSIONS_GALLERY: NO_GALLERY },
      settings: DEMO_SETTINGS,
    });
    stops.push(() => codeServer.stop());
    return {
      url: `${codeServer.url}/?folder=${encodeURIComponent(workspace)}`,
      codeServerUrl: codeServer.url,
      apiUrl: emulator.url,
      token: emulator.token,
      workspace,
      cacheDir,
      logFile: codeServer.logFile,
      extensionsDir: path.join(codeServer.runDir, 'extensions'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

module.exports = { startDemo, SAMPLE_WORKSPACE };
