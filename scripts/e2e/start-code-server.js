#!/usr/bin/env node
// Starts code-server (installed by install-code-server.sh) on 127.0.0.1 in a throwaway run folder:
// its own config, user data, extensions and XDG folders, so nothing is written to $HOME, and its own
// process group, so stopping it also ends its extension hosts, file watchers and language servers.
// Used by the end-to-end tests and the demo.
//
// usage: node scripts/e2e/start-code-server.js [--install-extension FILE.vsix] [--folder DIR]
//   prints the URL to open and runs until Ctrl-C.
'use strict';
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const INSTALL_COMMAND = 'bash scripts/e2e/install-code-server.sh';

/** The folder install-code-server.sh installs into (same default, same override). */
function codeServerDir() {
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return process.env.SBG_CODE_SERVER_DIR || path.join(cacheHome, 'sbg-tasks', 'code-server');
}

/** The code-server executable, or undefined when it is not installed. */
function findCodeServer(dir = codeServerDir()) {
  const bin = path.join(dir, 'node_modules', '.bin', 'code-server');
  return fs.existsSync(bin) ? bin : undefined;
}

/** User settings that keep the workbench quiet and offline: no welcome page, no update or trust prompts. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
};

function prepareRunDir(runDir, settings) {
  fs.mkdirSync(path.join(runDir, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(path.join(runDir, 'user-data', 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  // Port 0: the system picks a free port, which code-server reports in its log.
  fs.writeFileSync(path.join(runDir, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const xdg = path.join(runDir, 'xdg');
  return { XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg, XDG_STATE_HOME: xdg };
}

function isolationArgs(runDir) {
  return ['--config', path.join(runDir, 'config.yaml'),
    '--user-data-dir', path.join(runDir, 'user-data'),
    '--extensions-dir', path.join(runDir, 'extensions')];
}

/**
 * Starts code-server and resolves once /healthz answers.
 * @param {object} [options]
 * @param {string[]} [options.installExtensions] .vsix files to install before it starts
 * @param {Record<string, string>} [options.env] extra environment for code-server and its extension hosts
 * @param {Record<string, unknown>} [options.settings] user settings added to the quiet defaults
 * @returns {Promise<{ url: string, runDir: string, logFile: string, stop: () => Promise<void> }>}
 */
async function startCodeServer(options = {}) {
  const bin = findCodeServer();
  if (!bin) throw new Error(`code-server is not installed in ${codeServerDir()}; install it with: ${INSTALL_COMMAND}`);
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-code-server-'));
  const env = { ...process.env, ...prepareRunDir(runDir, { ...USER_SETTINGS, ...options.settings }), ...options.env };
  for (const vsix of options.installExtensions ?? []) {
    execFileSync(bin, [...isolationArgs(runDir), '--install-extension', path.resolve(vsix)], { env, stdio: 'pipe' });
  }
  const logFile = path.join(runDir, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  const child = spawn(bin, [...isolationArgs(runDir), '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override'], { env, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  let stopped;
  const stop = () => (stopped ??= stopProcessGroup(child.pid, exited).then(() => fs.rmSync(runDir, { recursive: true, force: true })));
  try {
    const url = await waitForListening(logFile, exited);
    await waitForHealth(url, exited);
    return { url, runDir, logFile, stop };
  } catch (error) {
    const output = fs.readFileSync(logFile, 'utf8');
    await stop();
    throw new Error(`${error.message}\ncode-server's log:\n${output}`);
  }
}

/** Reads the port code-server chose from its log line "HTTP server listening on http://127.0.0.1:PORT/". */
async function waitForListening(logFile, exited) {
  let hasExited = false;
  exited.then(() => (hasExited = true));
  for (;;) {
    const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(fs.readFileSync(logFile, 'utf8'));
    if (match) return match[1];
    if (hasExited) throw new Error('code-server exited before it listened');
    await sleep(100);
  }
}

async function waitForHealth(url, exited) {
  let hasExited = false;
  exited.then(() => (hasExited = true));
  while (!(await answersHealthz(url))) {
    if (hasExited) throw new Error('code-server exited before /healthz answered');
    await sleep(100);
  }
}

function answersHealthz(url) {
  return new Promise((resolve) => {
    http.get(`${url}/healthz`, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    }).on('error', () => resolve(false));
  });
}

/** Ends the whole process group (a gentle signal first), then waits for the leader to exit. */
async function stopProcessGroup(pid, exited) {
  const signalGroup = (signal) => { try { process.kill(-pid, signal); } catch { /* already gone */ } };
  signalGroup('SIGTERM');
  const gentle = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!gentle) signalGroup('SIGKILL');
  await exited;
  // Extension hosts and watchers may outlive the leader by a moment; make sure none is left.
  signalGroup('SIGKILL');
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main() {
  const args = process.argv.slice(2);
  const valueOf = (flag) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : undefined; };
  const vsix = valueOf('--install-extension');
  const folder = valueOf('--folder');
  const server = await startCodeServer({ installExtensions: vsix ? [vsix] : [] });
  const open = folder ? `${server.url}/?folder=${encodeURIComponent(path.resolve(folder))}` : server.url;
  console.log(`code-server is running: open ${open}  (Ctrl-C stops it)`);
  const shutdown = () => server.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}

module.exports = { startCodeServer, findCodeServer, codeServerDir, INSTALL_COMMAND };
