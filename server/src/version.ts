/**
 * The package's version for `--version`: read from the package.json above this file, which is
 * one folder up in the bundle (dist/) and three up in the compiled tree (out/server/src/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function packageVersion(): string {
  for (let folder = __dirname, i = 0; i < 5; i++, folder = path.dirname(folder)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'sbg-tasks' && manifest.version) return manifest.version;
    } catch {
      // not here: look one folder up
    }
  }
  return 'unknown';
}
