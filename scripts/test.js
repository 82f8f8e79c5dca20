#!/usr/bin/env node
// `npm test`: type-check and compile (tsc -b), bundle, run every Node test area under out/test/ with
// Node's test runner, then the variant matrix (the product's tests that read what the emulator's
// variants change, under every variant value: scripts/variant-matrix.js), then the extension tests
// inside code-server, then the UI tests (a user's path through the workbench in headless Chromium). Ends with one combined line
// "N passed, N failed[, N skipped]" and exits non-zero when anything failed.
//
// Where Chromium or code-server is missing, each code-server suite is skipped loudly, naming the
// commands that install them; with CI=true that is a failure instead.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runExtensionTests, missingPrerequisites, SUMMARY_LINE } = require('./e2e/run-extension-tests');
const { runMatrix } = require('./variant-matrix');

const root = path.resolve(__dirname, '..');
const outTest = path.join(root, 'out', 'test');
const inCI = process.env.CI === 'true';
const totals = { passed: 0, failed: 0, skipped: 0 };

function heading(title) {
  console.log(`\n=== ${title} ===`);
}

/** Runs a build step; a failing step counts as one failure and the remaining steps still run. */
function step(title, command, args) {
  heading(title);
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (status === 0) return true;
  console.error(`${title} failed (exit ${status})`);
  totals.failed += 1;
  return false;
}

function holdsTests(dir) {
  return fs.readdirSync(dir, { withFileTypes: true })
    .some((entry) => entry.isDirectory() ? holdsTests(path.join(dir, entry.name)) : entry.name.endsWith('.test.js'));
}

/** Every out/test/<area>/ with *.test.js in it, except e2e, which only runs inside VS Code. */
function nodeTestAreas() {
  if (!fs.existsSync(outTest)) return [];
  return fs.readdirSync(outTest, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'e2e' && holdsTests(path.join(outTest, entry.name)))
    .map((entry) => path.relative(root, path.join(outTest, entry.name)) + path.sep);
}

/** Runs the areas with Node's test runner: the spec report on the console, a TAP copy to count from. */
function runNodeTests() {
  const areas = nodeTestAreas();
  heading(`Node tests: ${areas.join(' ') || '(none found)'}`);
  if (areas.length === 0) return;
  const tapFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-test-')), 'report.tap');
  const { status } = spawnSync(process.execPath, ['--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, ...areas], { cwd: root, stdio: 'inherit' });
  const tap = fs.existsSync(tapFile) ? fs.readFileSync(tapFile, 'utf8') : '';
  fs.rmSync(path.dirname(tapFile), { recursive: true, force: true });
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  const counted = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
  if (status !== 0 && counted.failed === 0) counted.failed = 1; // the runner itself failed; say so in the count
  addToTotals(counted);
}

/**
 * Says loudly that a suite inside code-server cannot run here and counts it (skipped, or failed
 * with CI=true). False when everything it needs is present.
 */
function skippedForMissingPrerequisites(suite) {
  const missing = missingPrerequisites();
  if (missing.length === 0) return false;
  const banner = '!'.repeat(100);
  console.error(`${banner}\n!! ${suite} inside VS Code (code-server) cannot run on this machine:`);
  for (const { what, install } of missing) console.error(`!!   ${what} is missing; install it with: ${install}`);
  console.error(inCI ? '!! CI=true: this counts as a failure.' : '!! They are SKIPPED (with CI=true this is a failure).');
  console.error(banner);
  totals[inCI ? 'failed' : 'skipped'] += 1;
  return true;
}

async function runCodeServerTests() {
  heading('Extension tests in code-server');
  if (skippedForMissingPrerequisites('The extension tests')) return;
  const result = await runExtensionTests({
    extensionPath: root,
    testsPath: path.join(outTest, 'e2e', 'index.js'),
    timeoutSeconds: Number(process.env.E2E_TIMEOUT_SECONDS) || 300,
    screenshot: path.join(root, 'test-artifacts', 'e2e', 'extension-tests.png'),
  });
  if (result.passed === undefined) {
    console.error(`the extension tests ended (exit ${result.exitCode}) without their "N passed, N failed" line`);
    totals.failed += 1;
    return;
  }
  addToTotals(result);
  if (result.exitCode !== 0 && !result.failed) totals.failed += 1;
}

/** The UI suite in its own Node process (out/test/e2e/ui/run.js): its output shown as it comes, its closing line counted. */
async function runUiTests() {
  heading('UI tests in code-server (screenshots in test-artifacts/ui/)');
  if (skippedForMissingPrerequisites('The UI tests')) return;
  const runner = path.join(outTest, 'e2e', 'ui', 'run.js');
  if (!fs.existsSync(runner)) {
    console.error(`no UI test runner at ${path.relative(root, runner)}: the compile step did not produce it`);
    totals.failed += 1;
    return;
  }
  const child = spawn(process.execPath, [runner], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    output += chunk;
  });
  const status = await new Promise((resolve) => child.on('close', resolve));
  const summary = output.trim().split('\n').map((line) => SUMMARY_LINE.exec(line.trim())).filter(Boolean).pop();
  if (!summary) {
    console.error(`the UI tests ended (exit ${status}) without their "N passed, N failed" line`);
    totals.failed += 1;
    return;
  }
  const counted = { passed: +summary[1], failed: +summary[2], skipped: +(summary[3] ?? 0) };
  addToTotals(counted);
  if (status !== 0 && counted.failed === 0) totals.failed += 1;
}

function addToTotals({ passed = 0, failed = 0, skipped = 0 }) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
}

async function main() {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  step('Type-check and compile (tsc -b)', process.execPath, [tsc, '-b']);
  const bundled = step('Bundle (scripts/bundle.js)', process.execPath, [path.join(__dirname, 'bundle.js')]);
  runNodeTests();
  heading('Variant matrix: the product under every emulator variant (test/emulator/README.md)');
  try {
    addToTotals(runMatrix());
  } catch (error) {
    console.error(error.message);
    totals.failed += 1;
  }
  if (bundled) {
    await runCodeServerTests();
    await runUiTests();
  } else {
    console.error('\nthe extension tests and UI tests in code-server did not run: they need the bundles, and the bundle step failed');
  }

  const { passed, failed, skipped } = totals;
  console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  console.log(`\n${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exitCode = 1;
});
