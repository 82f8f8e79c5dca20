#!/usr/bin/env node
// How long reading broken text into the syntax tree takes, in process: the 1.3 MB batch body
// (10,000 File objects, test/service/generatedBodies.ts) with the comma after `"class": "File"`
// dropped in every object, read by jsonc-parser's visitor into rows (recoveredTree.ts, `new`) or
// by the copy of `parseTree`'s Node objects it replaced (test/service/document/fromJsonc.ts, `old`).
// Run each way in its own process under GNU time for the memory as well (compiled: `tsc -b` first):
//
//   /usr/bin/time -f 'max RSS %M KiB' node scripts/recovered-tree-figures.js old|new [runs]
'use strict';
const path = require('path');
const { parseTree } = require('jsonc-parser');

const out = path.join(__dirname, '..', 'out');
const { batchBodyText } = require(path.join(out, 'test/service/generatedBodies'));
const { treeFromJsonc } = require(path.join(out, 'test/service/document/fromJsonc'));
const { recoveredTree } = require(path.join(out, 'server/src/service/document/recoveredTree'));
const { BROKEN_TEXT_OPTIONS } = require(path.join(out, 'server/src/service/document/taskDocument'));

const way = process.argv[2];
const runs = Number(process.argv[3] ?? 30);
if (way !== 'old' && way !== 'new') {
  console.error('usage: node scripts/recovered-tree-figures.js old|new [runs]');
  process.exit(2);
}
const text = batchBodyText(10_000).replace(/"class": "File",/g, '"class": "File"');
const read = way === 'old' ? () => treeFromJsonc(text, parseTree(text, [], BROKEN_TEXT_OPTIONS)) : () => recoveredTree(text, [], BROKEN_TEXT_OPTIONS);
const times = [];
let rows = 0;
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  rows = read().count;
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
const ms = (t) => `${t.toFixed(1)} ms`;
console.log(`${way}: ${(text.length / 1e6).toFixed(2)} MB, ${rows} rows, ${runs} runs: min ${ms(times[0])}, median ${ms(times[runs >> 1])}, max ${ms(times[runs - 1])}`);
