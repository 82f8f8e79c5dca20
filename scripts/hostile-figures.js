#!/usr/bin/env node
// The largest inputs of issue 9, made and measured: `sbg-task lint --app-file` on a 50 MB valid body
// and a 50 MB broken body, and `sbg-task inputs` and lint on the shared-type app
// T_i = {a: T_(i-1), b: T_(i-1)} at i = 22 (2.5 KB of CWL, 2^22 leaves when spelt out).
//
//   node scripts/hostile-figures.js [--cli dist/cli.js] [--dir /tmp/sbg-figures] [--timeout 60] [--vmem-kib 8388608] [--only TEXT]
//
// `--only broken` runs only the rows whose label contains that text (all the inputs are still made).
//
// Each command runs under `/usr/bin/time -v` (GNU time: elapsed time and maximum resident set
// size), capped by `timeout` and `ulimit -v`, with stdout counted and thrown away. Give --cli an
// older build's dist/cli.js to measure before a change. The figures go to stdout as a Markdown
// table; docs/DECISIONS.md quotes them.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const cli = path.resolve(option('cli', path.join(__dirname, '..', 'dist', 'cli.js')));
const dir = path.resolve(option('dir', path.join(require('os').tmpdir(), 'sbg-figures')));
const timeoutSeconds = Number(option('timeout', '60'));
const vmemKib = Number(option('vmem-kib', String(8 * 1024 * 1024)));

/**
 * The small app the 50 MB bodies are checked against (File[] reads, enum mode, int? threads): the
 * CLI tests' own, from the compiled tests (`npx tsc -b` makes them with dist/).
 */
const { SMALL_APP } = require(path.join(__dirname, '..', 'out', 'test', 'cli', 'runCli.js'));

/** The CWL of the shared-type app at depth `n`: inputs `deep: T_n` and `many: T_n[]`. */
function sharedTypeApp(n) {
  const types = [{ type: 'record', name: 'T0', fields: [{ name: 'x', type: 'int' }] }];
  for (let k = 1; k <= n; k++) {
    types.push({ type: 'record', name: `T${k}`, fields: [{ name: 'a', type: `T${k - 1}` }, { name: 'b', type: `T${k - 1}` }] });
  }
  return JSON.stringify({ cwlVersion: 'v1.0', class: 'CommandLineTool', requirements: [{ class: 'SchemaDefRequirement', types }], inputs: [{ id: 'deep', type: `T${n}` }, { id: 'many', type: `T${n}[]` }] });
}

const MB50 = 50 * 1024 * 1024;

/** 50 MB of File objects with distinct ids (the same file twice is a finding of its own). `broken`: every item lacks a comma. */
function bigBody(broken) {
  const item = (n) => `{"class": "File"${broken ? '' : ','} "path": "5e1f0c2b6a3c0000${n.toString(16).padStart(8, '0')}"}`;
  const count = Math.ceil(MB50 / (item(0).length + 2));
  const parts = [];
  for (let n = 0; n < count; n++) parts.push(item(n));
  return `{"project": "alice/rna-seq", "app": "alice/rna-seq/a", "inputs": {"reads": [${parts.join(', ')}], "mode": "fast"}}`;
}

function makeFixtures() {
  fs.mkdirSync(dir, { recursive: true });
  const files = {
    app: path.join(dir, 'small-app.cwl.json'),
    valid: path.join(dir, 'valid-50mb.sbtask.json'),
    broken: path.join(dir, 'broken-50mb.sbtask.json'),
    shared: path.join(dir, 'shared-t22.cwl.json'),
    sharedBody: path.join(dir, 'shared-t22.sbtask.json'),
  };
  fs.writeFileSync(files.app, SMALL_APP);
  fs.writeFileSync(files.valid, bigBody(false));
  fs.writeFileSync(files.broken, bigBody(true));
  fs.writeFileSync(files.shared, sharedTypeApp(22));
  fs.writeFileSync(files.sharedBody, JSON.stringify({ project: 'alice/rna-seq', app: 'alice/rna-seq/deep', inputs: { deep: { a: 1 }, many: [{ a: { b: 2 } }] } }));
  return files;
}

/** Runs `args` under time, timeout and ulimit; what time says, the exit code and the bytes printed. */
function measure(args) {
  const quoted = [process.execPath, cli, ...args].map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(' ');
  const script = `ulimit -v ${vmemKib}; /usr/bin/time -v timeout ${timeoutSeconds} ${quoted} | wc -c`;
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir, XDG_CACHE_HOME: path.join(dir, 'cache') } });
  const stderr = result.stderr;
  const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(stderr)?.[1];
  const rssKib = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]);
  const status = Number(/Exit status: (\d+)/.exec(stderr)?.[1]);
  const signal = /Command terminated by signal (\d+)/.exec(stderr)?.[1];
  const printed = Number(result.stdout.trim());
  const note = status === 124 ? `killed by timeout ${timeoutSeconds}s` : signal ? `signal ${signal}` : /heap out of memory|Allocation failed|Cannot allocate/i.test(stderr) ? 'out of memory' : '';
  return { elapsed, rssMib: Math.round(rssKib / 1024), status: signal ? `signal ${signal}` : status, printed, note };
}

const files = makeFixtures();
const runs = [
  ['lint, 50 MB valid body', ['lint', files.valid, '--app-file', files.app]],
  ['lint, 50 MB broken body', ['lint', files.broken, '--app-file', files.app]],
  ['inputs, T22 app', ['inputs', files.shared]],
  ['lint, body against the T22 app', ['lint', files.sharedBody, '--app-file', files.shared]],
];
const only = option('only', '');
console.log(`CLI: ${cli}; timeout ${timeoutSeconds} s, ulimit -v ${vmemKib} KiB`);
console.log('| command | exit | time (m:ss) | max RSS (MiB) | bytes printed | note |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [label, args] of runs.filter(([name]) => name.includes(only))) {
  const figure = measure(args);
  console.log(`| ${label} | ${figure.status} | ${figure.elapsed} | ${figure.rssMib} | ${figure.printed} | ${figure.note} |`);
}
