/**
 * Where the shared corpus of real apps and task bodies lives: `SBG_CORPUS`, or `../shared/corpus`
 * beside the repository. Corpus tests skip (saying why) when it is absent, except on CI
 * (`CI=true`), where a missing corpus must fail the run instead of passing it silently.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultCorpusDir } from '../emulator/seed/corpusApps';

export interface CorpusLocation {
  dir: string;
  present: boolean;
  /** Why corpus tests do not run here, when they don't; undefined when they run or must fail. */
  skipReason?: string;
}

export function locateCorpus(): CorpusLocation {
  const dir = defaultCorpusDir();
  const present = existsSync(resolve(dir, 'EXPECTED.md'));
  if (present || process.env.CI === 'true') {
    return { dir, present };
  }
  return { dir, present, skipReason: `no corpus at ${dir} (set SBG_CORPUS to its folder to run these tests)` };
}
