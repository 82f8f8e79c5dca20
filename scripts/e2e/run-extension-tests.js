#!/usr/bin/env node
// Runs the extension's Mocha tests inside a real VS Code: code-server's extension host, opened by
// headless Chromium through playwright-core. The workbench URL carries the extension under development
// and the test index; the extension host reports its console through window.codeAutomationLog and
// its exit code through window.codeAutomationExit, which the page exposes before the workbench loads.
//
// usage: node scripts/e2e/run-extension-tests.js [--base URL] [--extension DIR] [--tests INDEX.js]
//          [--folder DIR] [--timeout SECONDS] [--screenshot FILE.png]
//   Without --base it starts its own code-server (start-code-server.js) and stops it afterwards.
//   Defaults: the repository as extension, out/test/e2e/index.js as tests, a fresh empty workspace.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { startCodeServer, findCodeServer, codeServerDir, INSTALL_COMMAND } = require('./start-code-server');

const root = path.resolve(__dirname, '..', '..');
const CHROMIUM_INSTALL_COMMAND = 'apt-get install -y chromium libkrb5-dev';

function chromiumPath() {
  return process.env.CHROMIUM || '/usr/bin/chromium';
}

/** What the end-to-end tests need and this machine lacks, each with the command that installs it. */
function missingPrerequisites({ needCodeServer = true } = {}) {
  const missing = [];
  if (!fs.existsSync(chromiumPath())) missing.push({ what: `Chromium (${chromiumPath()})`, install: CHROMIUM_INSTALL_COMMAND });
  if (needCodeServer && !findCodeServer()) missing.push({ what: `code-server (${codeServerDir()})`, install: INSTALL_COMMAND });
  return missing;
}

/** The closing line the test index prints: "N passed, N failed" with an optional ", N skipped". */
const SUMMARY_LINE = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/;

/**
 * Opens the workbench on `baseUrl` with the extension under development and its tests, and waits for the
 * extension host to exit.
 * @returns {Promise<{ exitCode: number, passed?: number, failed?: number, skipped?: number }>}
 *   exitCode 124 when the tests did not finish within `timeoutSeconds`.
 */
async function runInWorkbench({ baseUrl, extensionPath, testsPath, folder, timeoutSeconds, screenshot }) {
  const base = new URL(baseUrl);
  const remote = (file) => `vscode-remote://${base.host}${path.resolve(file)}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)], ['extensionTestsPath', remote(testsPath)]];
  const url = `${base.origin}/?folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const { browser, close } = await launchChromium();
  const result = { exitCode: 124 };
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...args);
      if (/ENOTFOUND/.test(text)) return; // the marketplace lookup fails offline, which is expected
      (console[type] ?? console.log)(text);
      const summary = SUMMARY_LINE.exec(text.trim());
      if (summary) Object.assign(result, { passed: +summary[1], failed: +summary[2], skipped: +(summary[3] ?? 0) });
    });
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    if (process.env.VERBOSE) page.on('console', (message) => console.log('[browser]', message.type(), message.text()));
    await page.goto(url);
    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutSeconds * 1000)));
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (code === 'timeout') console.error(`the extension tests did not finish within ${timeoutSeconds} s`);
    else result.exitCode = code;
    if (screenshot) {
      fs.mkdirSync(path.dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot });
    }
  } finally {
    await close();
  }
  return result;
}

/**
 * Headless Debian Chromium with a throwaway profile, quiet and offline, 1400x900.
 * @returns {Promise<{ browser: import('playwright-core').BrowserContext, close: () => Promise<void> }>}
 *   close() ends the browser and removes its profile.
 */
async function launchChromium() {
  const { chromium } = require('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1400, height: 900 },
    // Chromium writes crash reports and dconf under XDG folders even with its own profile folder.
    env: { ...process.env, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const close = async () => {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { browser, close };
}

/**
 * Starts code-server, runs the tests in it and stops it. Options as runInWorkbench, without baseUrl;
 * `folder` defaults to a fresh empty workspace that is removed afterwards.
 */
async function runExtensionTests(options) {
  const workspace = options.folder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-e2e-workspace-'));
  const server = await startCodeServer();
  try {
    return await runInWorkbench({ ...options, baseUrl: server.url, folder: workspace });
  } finally {
    await server.stop();
    if (!options.folder) fs.rmSync(workspace, { recursive: true, force: true });
  }
}

function parseArgs(argv) {
  const options = {
    extensionPath: root,
    testsPath: path.join(root, 'out', 'test', 'e2e', 'index.js'),
    timeoutSeconds: 300,
  };
  const flags = { '--base': 'baseUrl', '--extension': 'extensionPath', '--tests': 'testsPath', '--folder': 'folder',
    '--timeout': 'timeoutSeconds', '--screenshot': 'screenshot' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = flags[argv[i]];
    if (!key || argv[i + 1] === undefined) throw new Error(`unknown option or missing value: ${argv[i]} (options: ${Object.keys(flags).join(', ')})`);
    options[key] = key === 'timeoutSeconds' ? Number(argv[i + 1]) : argv[i + 1];
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(options.testsPath)) throw new Error(`no test index at ${options.testsPath}; build it first with: npx tsc -b`);
  const missing = missingPrerequisites({ needCodeServer: !options.baseUrl });
  if (missing.length > 0) {
    throw new Error(missing.map((m) => `${m.what} is missing; install it with: ${m.install}`).join('\n'));
  }
  const { exitCode } = options.baseUrl ? await runInWorkbench(options) : await runExtensionTests(options);
  process.exitCode = exitCode;
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message);
    process.exitCode = 2;
  });
}

module.exports = { runExtensionTests, runInWorkbench, launchChromium, missingPrerequisites, SUMMARY_LINE };
