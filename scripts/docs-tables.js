#!/usr/bin/env node
// Writes the README's reference tables from their sources, so they cannot drift from the product:
// settings and commands from package.json's `contributes`, diagnostic codes from the language
// service's code list (compiled: run `tsc -b` first). Each table sits between a pair of markers:
//   <!-- generated:NAME -->  ...  <!-- /generated:NAME -->
//
// usage: node scripts/docs-tables.js            rewrite README.md
//        node scripts/docs-tables.js --check    exit 1 (saying which table) when README.md is out of date
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const README = path.join(root, 'README.md');

function cell(text) {
  return String(text).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}

function settingsTable(manifest) {
  const properties = manifest.contributes.configuration.properties;
  return table(['Setting', 'Default', 'What it does'], Object.entries(properties).map(([id, schema]) => [
    `\`${id}\``,
    `\`${JSON.stringify(schema.default)}\``,
    schema.markdownDescription ?? schema.description ?? '',
  ]));
}

/** Where a command shows up, read from the manifest's menus (a `when` of `false` hides it from the palette). */
function placesOf(manifest, command) {
  const menus = manifest.contributes.menus ?? {};
  const inMenu = (menu) => (menus[menu] ?? []).some((entry) => entry.command === command);
  const hiddenFromPalette = (menus.commandPalette ?? []).some((entry) => entry.command === command && entry.when === 'false');
  const places = [];
  if (!hiddenFromPalette) places.push('Command Palette');
  if (inMenu('editor/title')) places.push('editor title bar');
  if (inMenu('explorer/context')) places.push('Explorer context menu');
  if (inMenu('view/title')) places.push('Tasks view title');
  if (inMenu('view/item/context')) places.push('Tasks view rows');
  return places.join(', ');
}

function commandsTable(manifest) {
  return table(['Command', 'ID', 'Where'], manifest.contributes.commands.map(({ command, title, category }) => [
    category ? `${category}: ${title}` : title,
    `\`${command}\``,
    placesOf(manifest, command),
  ]));
}

function diagnosticsTable(codes) {
  return table(['Code', 'Family', 'Default severity', 'Meaning'], Object.entries(codes).map(([code, info]) => [
    `\`${code}\``,
    `\`${info.family}\``,
    info.severity,
    info.description,
  ]));
}

function loadDiagnosticCodes() {
  const compiled = path.join(root, 'out', 'server', 'src', 'service', 'diagnostics', 'codes.js');
  if (!fs.existsSync(compiled)) throw new Error(`${path.relative(root, compiled)} is missing: run \`npx tsc -b\` first`);
  return require(compiled).diagnosticCodes;
}

/** The generated tables by marker name. */
function generatedTables(manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')), codes = loadDiagnosticCodes()) {
  return { settings: settingsTable(manifest), commands: commandsTable(manifest), diagnostics: diagnosticsTable(codes) };
}

/** `readme` with every marked table replaced; throws when a marker pair is missing. */
function renderReadme(readme, tables = generatedTables()) {
  let text = readme;
  for (const [name, body] of Object.entries(tables)) {
    const pattern = new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!pattern.test(text)) throw new Error(`README.md has no <!-- generated:${name} --> ... <!-- /generated:${name} --> pair`);
    text = text.replace(pattern, (_, open, close) => `${open}${body}\n${close}`);
  }
  return text;
}

function main() {
  const readme = fs.readFileSync(README, 'utf8');
  const rendered = renderReadme(readme);
  if (process.argv.includes('--check')) {
    if (rendered !== readme) {
      console.error('README.md tables are out of date: run node scripts/docs-tables.js');
      process.exitCode = 1;
    }
    return;
  }
  if (rendered !== readme) fs.writeFileSync(README, rendered);
  console.log(rendered !== readme ? 'README.md tables updated' : 'README.md tables are up to date');
}

if (require.main === module) main();

module.exports = { generatedTables, renderReadme };
