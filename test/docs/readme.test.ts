/**
 * The README stays true to the product: its settings, commands and diagnostic-code tables equal
 * what scripts/docs-tables.js generates from package.json and the service's code list, and every
 * relative link and image it shows exists in the repository.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const { renderReadme } = require(path.join(root, 'scripts', 'docs-tables.js')) as { renderReadme(text: string): string };

describe('README.md', () => {
  it('has the generated tables up to date (else: node scripts/docs-tables.js)', () => {
    assert.equal(readme, renderReadme(readme), 'README.md tables are out of date: run node scripts/docs-tables.js');
  });

  it('lists every contributed setting and command', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    for (const id of Object.keys(manifest.contributes.configuration.properties)) assert.ok(readme.includes(`| \`${id}\` |`), id);
    for (const { command } of manifest.contributes.commands) assert.ok(readme.includes(`| \`${command}\` |`), command);
  });

  it('links only to files that exist', () => {
    const targets = [...readme.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]).filter((target) => !/^[a-z]+:/.test(target) && !target.startsWith('#'));
    assert.ok(targets.some((target) => target.startsWith('docs/images/')), 'the README shows screenshots');
    const missing = targets.filter((target) => !fs.existsSync(path.join(root, target)));
    assert.deepEqual(missing, []);
  });
});
