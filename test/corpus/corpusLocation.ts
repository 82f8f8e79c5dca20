/**
 * Where the shared corpus of real apps and task bodies lives: `SBG_CORPUS`, or `../shared/corpus`
 * beside the repository. Corpus tests skip (saying why) when it is absent, except on CI
 * (`CI=true`), where a missing corpus must fail the run instead of passing it silently.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export interface CorpusLocation {
  dir: string;
  present: boolean;
  /** Why corpus tests do not run here, when they don't; undefined when they run or must fail. */
  skipReason?: string;
}

export function locateCorpus(): CorpusLocation {
  // Compiled tests run from out/test/corpus/, three levels below the repository root.
  const repositoryRoot = resolve(__dirname, '..', '..', '..');
  const dir = process.env.SBG_CORPUS ?? resolve(repositoryRoot, '..', 'shared', 'corpus');
  const present = existsSync(resolve(dir, 'EXPECTED.md'));
  if (present || process.env.CI === 'true') {
    return { dir, present };
  }
  return { dir, present, skipReason: `no corpus at ${dir} (set SBG_CORPUS to its folder to run these tests)` };
}
