/**
 * The UI run's screenshots (test-artifacts/ui/) are named "NN-what-it-shows": each name and each
 * number used once, and the numbers rising in the order test/e2e/ui/run.ts runs its steps, so
 * the folder listed by name reads as the user's path. Read from the step files' source: the
 * UI run itself needs code-server and Chromium.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..');
const uiDir = path.join(root, 'test', 'e2e', 'ui');

interface StepShots {
  /** The step file, relative to test/e2e/ui/. */
  file: string;
  /** Screenshot names in the file, without ".png", in source order. */
  names: string[];
}

/** The step files in the order run.ts runs them: the ALL_STEPS list, each name resolved through its import. */
function stepFilesInRunOrder(): string[] {
  const run = fs.readFileSync(path.join(uiDir, 'run.ts'), 'utf8');
  const list = /const ALL_STEPS: UiStep\[\] = \[([^\]]*)\]/.exec(run);
  assert.ok(list, 'run.ts declares const ALL_STEPS: UiStep[] = [...]');
  return list[1]
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => {
      const from = new RegExp(`import \\{ ${name} \\} from '\\./(steps/[\\w]+)';`).exec(run);
      assert.ok(from, `run.ts imports ${name} from ./steps/`);
      return `${from[1]}.ts`;
    });
}

/** Every screenshot a step file takes: the workbench's (a name) and other pages' (a path ending in "NN-….png"). */
function shotsOf(file: string): string[] {
  const source = fs.readFileSync(path.join(uiDir, file), 'utf8');
  const names: string[] = [];
  // A lookahead, so that a call inside another's arguments is found too.
  for (const call of source.matchAll(/\.screenshot\((?=\s*([^)]*))/g)) {
    const argument = call[1].trim();
    const literal = /^(['`])([^'`$]+)\1/.exec(argument);
    if (literal) names.push(literal[2]);
    else if (argument.startsWith('{')) continue; // a page's screenshot to a path: its file name is a literal below
    else assert.fail(`${file}: a screenshot whose name is not a plain string, so its number cannot be checked: .screenshot(${argument.slice(0, 60)}`);
  }
  for (const png of source.matchAll(/(['`])([^'`$/]+)\.png\1/g)) names.push(png[2]);
  return names;
}

/** What is wrong with the names, in words; empty when each is "NN-words", used once, numbered in run order. */
export function screenshotProblems(steps: readonly StepShots[]): string[] {
  const problems: string[] = [];
  const byName = new Map<string, string>();
  const byNumber = new Map<number, string>();
  let highest = 0;
  let highestIn = '';
  for (const { file, names } of steps) {
    const numbers: number[] = [];
    for (const name of names) {
      const match = /^(\d{2})-[a-z0-9]+(-[a-z0-9]+)*$/.exec(name);
      if (!match) {
        problems.push(`${file}: "${name}" is not "NN-words" (two digits, a dash, lower-case words joined by dashes)`);
        continue;
      }
      const number = Number(match[1]);
      if (byName.has(name)) problems.push(`${file}: "${name}" is also taken in ${byName.get(name)}`);
      else if (byNumber.has(number)) problems.push(`${file}: "${name}" has the number of ${byNumber.get(number)}`);
      byName.set(name, `${file}`);
      byNumber.set(number, `"${name}" (${file})`);
      numbers.push(number);
    }
    if (numbers.length === 0) continue;
    const lowest = Math.min(...numbers);
    if (lowest <= highest) problems.push(`${file} runs after ${highestIn} but its screenshot ${String(lowest).padStart(2, '0')} is not numbered after ${String(highest).padStart(2, '0')}`);
    highest = Math.max(highest, ...numbers);
    highestIn = file;
  }
  return problems;
}

describe('UI screenshot names', () => {
  const order = stepFilesInRunOrder();
  const steps = order.map((file) => ({ file, names: shotsOf(file) }));

  it('reads every step file run.ts runs, and every step file takes its screenshots in the run', () => {
    const onDisk = fs.readdirSync(path.join(uiDir, 'steps')).filter((name) => name.endsWith('.ts')).map((name) => `steps/${name}`);
    assert.deepEqual([...order].sort(), onDisk.sort(), 'a step file missing from ALL_STEPS takes screenshots no run makes');
    assert.ok(steps.reduce((count, step) => count + step.names.length, 0) >= 40, `the screenshots were found (${steps.flatMap((step) => step.names).join(', ')})`);
  });

  it('gives every screenshot its own name and number, rising in the order the steps run', () => {
    assert.deepEqual(screenshotProblems(steps), []);
  });

  it('would catch a number taken twice, a repeated name, a letter suffix and a step numbered before the one run ahead of it', () => {
    assert.deepEqual(
      screenshotProblems([
        { file: 'steps/treeModals.ts', names: ['13-rerun-confirmation', '14-reruns-under-batch', '14b-reruns-ended'] },
        { file: 'steps/signIn.ts', names: ['13-signed-out', '14-reruns-under-batch'] },
      ]),
      [
        'steps/treeModals.ts: "14b-reruns-ended" is not "NN-words" (two digits, a dash, lower-case words joined by dashes)',
        'steps/signIn.ts: "13-signed-out" has the number of "13-rerun-confirmation" (steps/treeModals.ts)',
        'steps/signIn.ts: "14-reruns-under-batch" is also taken in steps/treeModals.ts',
        'steps/signIn.ts runs after steps/treeModals.ts but its screenshot 13 is not numbered after 14',
      ],
    );
  });
});
