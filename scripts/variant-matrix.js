#!/usr/bin/env node
// The variant matrix: the product's Node tests that read what the emulator's variants change
// (VARIANT_SUITES in test/emulator/variants.ts) run once under every value that is not a default of
// a variant they read, each with SBG_EMULATOR_VARIANTS set, which startEmulator reads. The defaults run with the rest of
// `npm test`. Prints one line per variant and ends with "N passed, N failed" like the other steps.
// Run after `tsc -b`: node scripts/variant-matrix.js [NAME=VALUE ...] (only those rows).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const outTest = path.join(root, 'out', 'test');

function runMatrix(filters = []) {
  const { variantMatrix, VARIANT_SUITES, suitesFor } = require(path.join(outTest, 'emulator', 'variants.js'));
  const missing = VARIANT_SUITES.map((suite) => path.join(outTest, suite.file)).filter((suite) => !fs.existsSync(suite));
  if (missing.length > 0) throw new Error(`variant matrix: no ${missing.map((m) => path.relative(root, m)).join(', ')} (run tsc -b first)`);
  const rows = variantMatrix().filter((row) => row.label !== 'defaults' && (filters.length === 0 || filters.includes(row.label)));
  const totals = { passed: 0, failed: 0 };
  for (const row of rows) {
    const suites = suitesFor(row.variants).map((suite) => path.join(outTest, suite));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-matrix-'));
    const tapFile = path.join(dir, 'report.tap');
    const started = Date.now();
    const { status } = spawnSync(process.execPath, ['--test', '--test-reporter=dot', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, ...suites], {
      cwd: root,
      env: { ...process.env, SBG_EMULATOR_VARIANTS: row.label },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tap = fs.existsSync(tapFile) ? fs.readFileSync(tapFile, 'utf8') : '';
    fs.rmSync(dir, { recursive: true, force: true });
    const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
    const passed = count('pass');
    let failed = count('fail') + count('cancelled');
    if (status !== 0 && failed === 0) failed = 1;
    totals.passed += passed;
    totals.failed += failed;
    console.log(`${failed > 0 ? 'FAIL' : 'ok  '} ${row.label.padEnd(36)} ${String(suites.length).padStart(2)} suites: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (failed > 0) {
      for (const line of tap.split('\n').filter((l) => /^\s*not ok/.test(l))) console.log(`       ${line.trim()}`);
    }
  }
  return totals;
}

module.exports = { runMatrix };

if (require.main === module) {
  const { passed, failed } = runMatrix(process.argv.slice(2));
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}
