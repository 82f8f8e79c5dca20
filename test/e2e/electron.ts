// `npm run test:electron`: the same extension-test index as the code-server suite, run in a desktop
// VS Code through @vscode/test-electron. It uses the VS Code named by VSCODE_EXECUTABLE_PATH and never
// downloads one; without it, it says so and skips.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<number> {
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  if (!vscodeExecutablePath) {
    console.log('test:electron skipped: VSCODE_EXECUTABLE_PATH is not set. Set it to a desktop VS Code 1.100 or later '
      + '(for example VSCODE_EXECUTABLE_PATH=/usr/share/code/code npm run test:electron); this script never downloads one.');
    return 0;
  }
  if (!fs.existsSync(vscodeExecutablePath)) {
    console.error(`test:electron: VSCODE_EXECUTABLE_PATH names ${vscodeExecutablePath}, which does not exist`);
    return 1;
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sbg-electron-'));
  const workspace = path.join(scratch, 'workspace');
  fs.mkdirSync(workspace);
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: path.resolve(__dirname, '..', '..', '..'),
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome',
        `--user-data-dir=${path.join(scratch, 'user-data')}`, `--extensions-dir=${path.join(scratch, 'extensions')}`],
    });
    return 0;
  } catch (error) {
    console.error(`test:electron failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then((code) => (process.exitCode = code));
