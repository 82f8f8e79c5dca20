/**
 * vsix-bytes: the size of the .vsix as `npm run package` packs it (esbuild bundles, no node_modules;
 * the goal is under 1 MB). Baseline: the same files packed with the extension's production
 * node_modules, as `vsce package` does without --no-dependencies, in a temporary copy so the
 * repository's .vscodeignore and dist/ stay untouched.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { figure, type Figure } from './figure';
import { PACK_FLAGS, packVsix, root, vsce } from './packVsix';

/** Copies the files vsce packs from the repository, and the production dependencies, into `dir`. */
function copyWithDependencies(dir: string): void {
  const packed = vsce(root, ['ls', '--no-dependencies']).split('\n').map((line) => line.trim()).filter(Boolean);
  for (const file of packed) fs.cpSync(path.join(root, file), path.join(dir, file));
  const dependencyDirs = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(`${path.sep}node_modules${path.sep}`));
  for (const dependency of dependencyDirs) fs.cpSync(dependency, path.join(dir, path.relative(root, dependency)), { recursive: true });
  fs.writeFileSync(path.join(dir, '.vscodeignore'), `${fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8')}\n!node_modules/**\n`);
}

export async function run(): Promise<Figure[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-vsix-bench-'));
  try {
    const ours = packVsix(path.join(work, 'ours.vsix'));

    const copy = path.join(work, 'with-node-modules');
    copyWithDependencies(copy);
    const withDependencies = path.join(work, 'with-node-modules.vsix');
    vsce(copy, ['package', ...PACK_FLAGS, '-o', withDependencies]);

    const bytes = fs.statSync(ours).size;
    const baseline = fs.statSync(withDependencies).size;
    console.error(`vsix bench: ${bytes} bytes bundled, ${baseline} bytes with node_modules`);
    return [figure('vsix-bytes', 'bytes', bytes, baseline, 'same extension packed with its node_modules')];
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
