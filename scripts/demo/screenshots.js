#!/usr/bin/env node
// Takes the README's screenshots (docs/images/*.png) in the running demo: the task file with
// mistakes and its Problems panel, completion of an input id, Create and Run Task on the batch
// file, and the batch's children in the Tasks view. Headless Chromium (Debian's /usr/bin/chromium,
// or $CHROMIUM) driven by playwright-core; needs the .vsix (npm run package) and code-server.
//
// usage: node scripts/demo/screenshots.js [OUT_DIR]   (default docs/images)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startDemo } = require('./demo');

const root = path.resolve(__dirname, '..', '..');
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'images'));
const modifier = 'Control';

async function openFile(page, name) {
  await page.keyboard.press(`${modifier}+P`);
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor();
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function shoot(page, name) {
  const file = path.join(outDir, name);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(root, file)}`);
}

async function main() {
  const { chromium } = require('playwright-core');
  fs.mkdirSync(outDir, { recursive: true });
  const demo = await startDemo({ vsix: path.join(root, 'dist', 'sbg-tasks.vsix') });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 760 },
    env: { ...process.env, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(60_000);
    await page.goto(demo.url);
    await page.waitForSelector('.monaco-workbench');
    await page.locator('.activitybar a[aria-label^="Seven Bridges"]').waitFor();

    // 1. Diagnostics: the file with mistakes, its squiggles and the Problems panel.
    await openFile(page, 'align-with-mistakes.sbtask.json');
    await page.keyboard.press(`${modifier}+Shift+M`);
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'batch_by' }).waitFor();
    await page.waitForTimeout(1000);
    await shoot(page, 'diagnostics.png');

    // 2. Completion of an input id: a new key after the last input (the panel closed: half-typed text has problems of its own).
    await page.keyboard.press(`${modifier}+J`);
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press(`${modifier}+G`);
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.type(',');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"');
    await page.keyboard.press(`${modifier}+Space`);
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'two_pass' }).first().waitFor();
    await page.waitForTimeout(800);
    await shoot(page, 'completion.png');
    await page.keyboard.press('Escape');

    // 3. Create and Run Task on the batch file.
    await openFile(page, 'germline-batch-24-samples.sbtask.json');
    await runCommand(page, 'Seven Bridges: Create and Run Task');
    await page.locator('.notification-toast').first().waitFor();
    await page.waitForTimeout(1500);
    await shoot(page, 'create.png');

    // 4. The batch and its children in the Tasks view once some children have ended (real-time
    // clock: a child runs 30-90 s), refreshed rather than waiting for the next poll.
    await page.locator('.activitybar a[aria-label^="Seven Bridges"]').click();
    const batchRow = page.locator('.sidebar .monaco-list-row', { hasText: 'Germline calling' }).first();
    await batchRow.waitFor();
    await page.waitForTimeout(70_000);
    await runCommand(page, 'Seven Bridges: Refresh Tasks');
    await page.waitForTimeout(3000);
    await batchRow.click();
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(2000);
    // Open the status groups from the last, so opening one does not move the rows of the next.
    const groups = page.locator('.sidebar .monaco-list-row[aria-level="2"]');
    for (let i = (await groups.count()) - 1; i >= 0; i--) {
      await groups.nth(i).click();
      await page.keyboard.press('ArrowRight');
    }
    await page.waitForTimeout(1500);
    console.log('tree rows:', JSON.stringify(await page.locator('.sidebar .monaco-list-row').allInnerTexts()));
    await shoot(page, 'tree.png');
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
    await demo.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
