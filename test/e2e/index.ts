// The test index the VS Code extension host loads (code-server through scripts/e2e/run-extension-tests.js,
// or a desktop VS Code through electron.ts): runs every suite/**/*.test.js with Mocha and closes with
// the plain line "N passed, N failed[, N skipped]" that scripts/test.js and CI read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const suiteDir = path.join(__dirname, 'suite');
  const files = testFilesIn(suiteDir);
  if (files.length === 0) throw new Error(`no *.test.js files in ${suiteDir}; compile the tests first with: npx tsc -b`);

  // No per-test time limit: tests wait for the events they need, and the runner bounds the whole run.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 0 });
  for (const file of files) mocha.addFile(file);
  const { passes, failures, pending } = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });

  console.log(`${passes} passed, ${failures} failed${pending > 0 ? `, ${pending} skipped` : ''}`);
  if (failures > 0) throw new Error(`${failures} extension test(s) failed`);
}

function testFilesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFilesIn(file);
    return entry.name.endsWith('.test.js') ? [file] : [];
  }).sort();
}
