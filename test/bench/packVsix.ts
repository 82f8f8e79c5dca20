/** Packs the extension the way `npm run package:vsix` does, from fresh bundles, into a file of the caller's. */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export const root = path.resolve(__dirname, '..', '..', '..');
const VSCE = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
/** The flags of package.json's package:vsix script besides --no-dependencies and the output. */
export const PACK_FLAGS = ['--allow-missing-repository', '--no-rewrite-relative-links'];

export function vsce(cwd: string, args: string[]): string {
  return execFileSync(process.execPath, [VSCE, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Bundles (scripts/bundle.js) and packs the repository without node_modules into `outFile`. */
export function packVsix(outFile: string): string {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle.js')], { cwd: root, stdio: 'ignore' });
  vsce(root, ['package', '--no-dependencies', ...PACK_FLAGS, '-o', outFile]);
  return outFile;
}
