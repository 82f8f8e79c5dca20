/**
 * `npm run bench`: runs every test/bench/*.bench.js module beside this file (or only those whose
 * name contains one of the command-line arguments), then prints a table for people and one JSON
 * line per figure for machines. A module that fails is reported and makes the exit code 1;
 * the others still run. A module whose prerequisites this machine lacks (code-server and Chromium
 * for activation-ms) prints `<figure>: skipped: <reason>` and does not fail the run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BenchModule, Figure } from './figure';

function benchModules(filters: string[]): string[] {
  return fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.bench.js'))
    .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
    .sort()
    .map((name) => path.join(__dirname, name));
}

function round(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3);
}

function table(figures: Figure[]): string {
  const rows = [
    ['figure', 'value', 'baseline', 'baseline name', 'ratio'],
    ...figures.map((f) => [f.figure, `${round(f.value)} ${f.unit}`, `${round(f.baseline)} ${f.unit}`, f.baseline_name, `${round(f.ratio)}×`]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<number> {
  const files = benchModules(process.argv.slice(2));
  if (files.length === 0) {
    console.error(`No *.bench.js module in ${__dirname} matches: run \`tsc -b\` first, or check the filter.`);
    return 2;
  }
  const figures: Figure[] = [];
  const skipped: string[] = [];
  let failed = false;
  for (const file of files) {
    const name = path.basename(file, '.js');
    console.error(`running ${name} ...`);
    try {
      const module = require(file) as BenchModule;
      const reason = module.skipReason?.();
      if (reason !== undefined) {
        for (const figureName of module.figureNames ?? [name]) skipped.push(`${figureName}: skipped: ${reason}`);
        continue;
      }
      figures.push(...(await module.run()));
    } catch (error) {
      failed = true;
      console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  console.log(table(figures));
  for (const line of skipped) console.log(line);
  for (const f of figures) console.log(JSON.stringify(f));
  return failed ? 1 : 0;
}

main().then((code) => (process.exitCode = code));
