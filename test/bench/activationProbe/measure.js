// Test entry (extensionTestsPath) run in code-server's extension host by test/bench/activation.bench.ts:
// activates the empty probe and the extension under measurement, in the order the control file names
// (alternated between rounds), timing each `Extension.activate()` (loading its main module and running
// its activate function), then waits a moment so that any request activation started reaches the
// emulator, and writes the times (ms) back into the control file's `out` path.
'use strict';
const fs = require('fs');
const { performance } = require('perf_hooks');
const vscode = require('vscode');

exports.run = async () => {
  const control = JSON.parse(fs.readFileSync(process.env.SBG_ACTIVATION_PROBE, 'utf8'));
  const times = {};
  for (const id of control.order) {
    const extension = vscode.extensions.getExtension(id);
    if (!extension) throw new Error(`${id} is not installed in this code-server`);
    if (extension.isActive) throw new Error(`${id} was already active before the probe activated it`);
    const start = performance.now();
    await extension.activate();
    times[id] = performance.now() - start;
  }
  await new Promise((resolve) => setTimeout(resolve, control.settleMs));
  fs.writeFileSync(control.out, JSON.stringify(times));
};
