// The extension wakes up on a task file: the file gets the sbg-task language, the extension activates
// because of it (not because a test asked), and every command of the table (commands/index.ts) is registered,
// the contributed ones exactly those of the manifest.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CONTRIBUTED_COMMANDS, INTERNAL_COMMANDS } from '../../../client/src/commands';
import { manifest, extensionId } from '../support/extension';


describe('activation', () => {
  let document: vscode.TextDocument;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test runner opens a workspace folder');
    const uri = vscode.Uri.joinPath(folder.uri, 'activation.sbtask.json');
    const body = { name: 'activation probe', project: 'demo/project', app: 'demo/project/app', inputs: {} };
    await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(body, null, 2)));
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  it('gives *.sbtask.json files the sbg-task language', () => {
    assert.equal(document.languageId, 'sbg-task');
  });

  it('activates the extension when a task file opens', async () => {
    assert.ok((await activatedExtension()).isActive);
  });

  it('registers every command the manifest contributes, each from the command table', async () => {
    const contributed: string[] = (manifest.contributes.commands ?? []).map((c: { command: string }) => c.command);
    assert.ok(contributed.includes('sbgTasks.createDraftTask'), 'the manifest contributes sbgTasks.createDraftTask');
    assert.ok(contributed.includes('sbgTasks.createAndRunTask'), 'the manifest contributes sbgTasks.createAndRunTask');
    assert.deepEqual(Object.keys(CONTRIBUTED_COMMANDS).sort(), [...contributed].sort(), 'the table\'s contributed commands are the manifest\'s');
    for (const id of Object.keys(INTERNAL_COMMANDS)) assert.ok(!contributed.includes(id), `${id} is internal, yet the manifest contributes it`);
    await activatedExtension();
    const registered = new Set(await vscode.commands.getCommands(true));
    const table = [...Object.keys(CONTRIBUTED_COMMANDS), ...Object.keys(INTERNAL_COMMANDS)];
    assert.deepEqual(table.filter((id) => !registered.has(id)), [], 'commands of the table that are not registered');
  });
});

async function activatedExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `extension ${extensionId} is loaded`);
  await until(() => extension.isActive, `${extensionId} to activate`);
  return extension;
}

/**
 * Waits until `condition` holds. VS Code has no event for an extension's activation, so this polls;
 * it has no deadline of its own (the runner bounds the whole run) but says every 10 s what it waits for.
 */
async function until(condition: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  let reported = started;
  while (!condition()) {
    if (Date.now() - reported >= 10_000) {
      reported = Date.now();
      console.log(`still waiting for ${what} after ${Math.round((reported - started) / 1000)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
