#!/usr/bin/env node
// `npm run demo`: the extension in a real VS Code (code-server) signed in to a local Seven Bridges
// emulator with demo data, on a copy of the sample task files in demo/workspace/. Prints the URL to
// open in a browser and runs until Ctrl-C, which stops code-server (its whole process group) and the
// emulator. Nothing but 127.0.0.1 is contacted (installing code-server, the first time, uses npm).
//
// usage: npm run demo [-- --no-build] [-- --check]
//   --no-build  use the bundles already in dist/ (npm test has just built them); the .vsix is still packed
//   --check     start everything, check it (scripts/demo/check.js), stop, and exit 0 only if all checks hold
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { findCodeServer, codeServerDir } = require('../e2e/start-code-server');
const { startDemo } = require('./demo');
const { checkDemo } = require('./check');
const { explainInstallFailure, localNodeDir, newestNpmLog } = require('./installFailure');

const root = path.resolve(__dirname, '..', '..');
const VSIX = path.join(root, 'dist', 'sbg-tasks.vsix');
const CODE_SERVER_PACKAGES = 'apt-get install -y libkrb5-dev python3 make g++';

function parseArgs(argv) {
  const options = { build: true, check: false };
  for (const arg of argv) {
    if (arg === '--no-build') options.build = false;
    else if (arg === '--check') options.check = true;
    else throw new Error(`Unknown option "${arg}". Use --no-build and/or --check.`);
  }
  return options;
}

function npmRun(script) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { status } = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (status !== 0) throw new Error(`npm run ${script} failed (exit ${status}); see its output above`);
}

function buildExtension({ build }) {
  if (build) {
    console.log('Building the extension and packing dist/sbg-tasks.vsix ...');
    npmRun('package');
    return;
  }
  for (const bundle of ['client.js', 'server.js', 'cli.js']) {
    if (!fs.existsSync(path.join(root, 'dist', bundle))) throw new Error(`dist/${bundle} is missing: run without --no-build`);
  }
  npmRun('package:vsix');
}

function ensureCodeServer() {
  if (findCodeServer()) return;
  console.log(`code-server is not in ${codeServerDir()} yet: installing it once (about 1.5 minutes).`);
  console.log(`It compiles native modules and needs, on Debian: ${CODE_SERVER_PACKAGES}`);
  const env = { ...process.env };
  // node-gyp would otherwise download Node's headers; this Node's own are used when on disk.
  const nodeDir = env.npm_config_nodedir || localNodeDir();
  if (nodeDir) {
    env.npm_config_nodedir = nodeDir;
    console.log(`Native modules build against this Node's headers in ${nodeDir} (npm_config_nodedir).`);
  }
  const started = Date.now();
  const { status } = spawnSync('bash', [path.join(root, 'scripts', 'e2e', 'install-code-server.sh')], { cwd: root, stdio: 'inherit', env });
  if (status !== 0 || !findCodeServer()) {
    throw new Error(explainInstallFailure(newestNpmLog(started - 1000, env), CODE_SERVER_PACKAGES));
  }
}

function banner(demo) {
  const cli = `SB_API_ENDPOINT=${demo.apiUrl} SB_AUTH_TOKEN=${demo.token} node dist/cli.js lint ${demo.workspace}/*.sbtask.json`;
  return [
    '',
    'The Seven Bridges Tasks demo is running.',
    '',
    `  Open       ${demo.url}`,
    '',
    `  Workspace  ${demo.workspace}`,
    '             a copy of demo/workspace/ (removed when the demo stops)',
    `  Platform   ${demo.apiUrl}  (the emulator: demo data, real-time clock; signed in as alice)`,
    '  Try        align-with-mistakes.sbtask.json: the Problems panel and its quick fixes;',
    '             germline-batch-24-samples.sbtask.json: Create and Run Task, then the Seven Bridges view',
    `  CLI        ${cli}`,
    '',
    'Ctrl-C stops everything.',
  ].join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // Ctrl-C while starting: finish starting, then stop at once (code-server runs in its own process
  // group, so only this process sees the signal and must end the group itself).
  let stopRequested = false;
  let demo;
  const onSignal = () => {
    stopRequested = true;
    if (demo) void shutdown(demo, 0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  buildExtension(options);
  ensureCodeServer();
  console.log('Starting the emulator and code-server ...');
  demo = await startDemo({ vsix: VSIX });
  if (stopRequested) return shutdown(demo, 0);
  console.log(banner(demo));
  if (options.check) {
    const results = await checkDemo(demo);
    console.log('');
    for (const { name, ok, detail } of results) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`);
    const failed = results.filter((result) => !result.ok).length;
    console.log(`${results.length - failed} passed, ${failed} failed`);
    return shutdown(demo, failed > 0 ? 1 : 0);
  }
}

let shuttingDown;
function shutdown(demo, exitCode) {
  shuttingDown ??= (async () => {
    console.log('Stopping code-server and the emulator ...');
    await demo.stop();
    console.log('Stopped.');
    process.exit(exitCode);
  })();
  return shuttingDown;
}

main().catch((error) => {
  console.error(`npm run demo: ${error.message}`);
  process.exit(1);
});
