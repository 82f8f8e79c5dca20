/**
 * Real apps from the shared corpus (`<corpusDir>/apps`, JSON or YAML), read at start-up and
 * installed as `alice/corpus/<file-stem-slug>` revision 0. They are never copied into the repo.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { SeedApp } from './seedData';

export const CORPUS_PROJECT = 'alice/corpus';

/** The apps of the folder, skipping files that are not CWL documents; none when the folder is missing. */
export function corpusApps(corpusDir: string): SeedApp[] {
  const appsDir = path.join(corpusDir, 'apps');
  if (!fs.existsSync(appsDir)) return [];
  const apps: SeedApp[] = [];
  for (const fileName of fs.readdirSync(appsDir).sort()) {
    const text = fs.readFileSync(path.join(appsDir, fileName), 'utf8');
    let raw: unknown;
    try {
      raw = fileName.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    } catch {
      continue;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
    const isYaml = !fileName.endsWith('.json') && !text.trimStart().startsWith('{');
    apps.push({
      project: CORPUS_PROJECT,
      name: slug(path.parse(fileName).name),
      revisions: [{ raw: raw as Record<string, unknown>, ...(isYaml ? { yaml: text } : {}) }],
    });
  }
  return apps;
}

function slug(stem: string): string {
  return stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The default corpus folder: $SBG_CORPUS, else ../shared/corpus beside the repository. */
export function defaultCorpusDir(): string {
  return process.env.SBG_CORPUS ?? path.resolve(__dirname, '../../../../../shared/corpus');
}
