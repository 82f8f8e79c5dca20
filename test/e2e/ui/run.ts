/**
 * The UI tests: a user's path through the extension in a real VS Code (code-server in headless
 * Chromium), with keyboard and mouse, against the emulator. One code-server, one browser, the
 * steps in order; a screenshot of each step goes to test-artifacts/ui/, named "NN-what-it-shows"
 * with the numbers rising in run order, each used once (test/docs/uiScreenshotNames.test.ts). Ends with the line
 * "N passed, N failed" and exits non-zero when a step failed.
 *
 * usage: node out/test/e2e/ui/run.js      (after `npx tsc -b` and `node scripts/bundle.js`)
 *        UI_STEPS='word|other' node out/test/e2e/ui/run.js    runs only the steps whose title contains
 *        one of the words (for working on one step; most steps build on the ones before them)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { batchLensStep } from './steps/batchLens';
import { batchTreeStep } from './steps/batchTree';
import { completionStep } from './steps/completion';
import { createDraftStep } from './steps/createDraft';
import { fileCompletionStep } from './steps/fileCompletion';
import { problemsStep } from './steps/problems';
import { quickFixStep } from './steps/quickFix';
import { rateLimitWaitStep } from './steps/rateLimitWait';
import { outputsAndFailuresStep } from './steps/outputsAndFailures';
import { signInStep } from './steps/signIn';
import { treeAgreesStep } from './steps/treeAgrees';
import { treeModalsStep } from './steps/treeModals';
import { repoRoot, startUiSession, type UiSession } from './uiSession';
import type { UiStep } from './uiStep';

// Signing out and in comes last: it replaces the session the other steps use.
const ALL_STEPS: UiStep[] = [problemsStep, completionStep, fileCompletionStep, quickFixStep, createDraftStep, rateLimitWaitStep, batchLensStep, batchTreeStep, treeModalsStep, treeAgreesStep, outputsAndFailuresStep, signInStep];
const ONLY = process.env.UI_STEPS?.split('|').filter((word) => word !== '');
const STEPS = ONLY?.length ? ALL_STEPS.filter((step) => ONLY.some((word) => step.title.includes(word))) : ALL_STEPS;
const SCREENSHOT_DIR = path.join(repoRoot, 'test-artifacts', 'ui');

const { missingPrerequisites } = require(path.join(repoRoot, 'scripts', 'e2e', 'run-extension-tests.js')) as {
  missingPrerequisites(): { what: string; install: string }[];
};

/** What must exist before a run, each with the command that provides it. */
function missingPieces(): string[] {
  const missing = missingPrerequisites().map(({ what, install }) => `${what} is missing; install it with: ${install}`);
  for (const bundle of ['client.js', 'server.js']) {
    if (!fs.existsSync(path.join(repoRoot, 'dist', bundle))) missing.push(`dist/${bundle} is missing; build it with: node scripts/bundle.js`);
  }
  return missing;
}

async function runSteps(session: UiSession): Promise<{ passed: number; failed: number }> {
  const counts = { passed: 0, failed: 0 };
  for (const [index, step] of STEPS.entries()) {
    const started = Date.now();
    try {
      await session.workbench.dismissWidgets();
      await step.run(session);
      counts.passed++;
      console.log(`ok ${index + 1} - ${step.title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      counts.failed++;
      const shot = await session.workbench.screenshot(`failed-step-${index + 1}`).catch(() => 'none');
      console.log(`not ok ${index + 1} - ${step.title}\n${indent((error as Error).stack ?? String(error))}\n  screenshot: ${shot}`);
    }
  }
  return counts;
}

function indent(text: string): string {
  return text.replace(/^/gm, '    ');
}

async function main(): Promise<number> {
  const missing = missingPieces();
  if (missing.length > 0) {
    console.error(`The UI tests cannot run:\n${missing.map((line) => `  ${line}`).join('\n')}`);
    console.log(`0 passed, ${STEPS.length} failed`);
    return 1;
  }
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  const started = Date.now();
  let session: UiSession;
  try {
    session = await startUiSession(SCREENSHOT_DIR);
  } catch (error) {
    console.error(`none of the ${STEPS.length} UI steps ran: the workbench did not start\n${(error as Error).stack}`);
    console.log(`0 passed, ${STEPS.length} failed`);
    return 1;
  }
  const stopOnSignal = () => void session.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  let counts: { passed: number; failed: number };
  try {
    console.log(`workbench ready after ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots go to ${path.relative(process.cwd(), SCREENSHOT_DIR) || '.'}`);
    counts = await runSteps(session);
  } finally {
    await session.stop();
  }
  console.log(`UI run took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  return counts.failed > 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error);
    console.log(`0 passed, ${STEPS.length} failed`);
    process.exitCode = 1;
  },
);
