// Create Draft Task inside a real VS Code, against an emulator this test starts: the real commands,
// the real language client, diagnostics in the Problems collection, and the emulator's request log
// as the witness of how many tasks reached the platform.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SbgTasksApi } from '../../../client/src/extension';
import type { Emulator } from '../../emulator';
import { fileIdOf } from '../../emulator/seed/fileIds';
import { signedInToEmulator } from '../support/signedIn';


const INDEX = { class: 'File', path: fileIdOf('alice/rna-seq', 'salmon_index.tar.gz') };
const READS = [{ class: 'File', path: fileIdOf('alice/rna-seq', 'S01_L001_R1.fastq.gz') }];
const APP = 'alice/rna-seq/salmon-quant/0';

describe('Create Draft Task', () => {
  let emulator: Emulator;
  let api: SbgTasksApi;
  let folder: vscode.Uri;

  before(async () => {
    ({ emulator, api } = await signedInToEmulator({ corpusDir: null }));
    folder = vscode.workspace.workspaceFolders![0].uri;
    // The server's own input checks as warnings, so the "file has errors" question does not stop the command.
    await vscode.workspace.getConfiguration('sbgTasks').update('diagnostics.severity', { inputs: 'warning', live: 'off' }, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('sbgTasks').update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Workspace);
    await emulator?.close();
  });

  beforeEach(() => emulator.resetLog());

  it('signs in with the emulator’s token and says who', () => {
    assert.equal(api.getSession()?.username, 'alice');
    assert.ok(api.getClient());
  });

  it('creates one draft from a valid file and remembers it, so Update Draft from File patches it', async () => {
    const uri = await writeTaskFile('valid.sbtask.json', { name: 'e2e valid', project: 'alice/rna-seq', app: APP, inputs: { index: INDEX, reads: READS } });
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('sbgTasks.createDraftTask', uri);
    assert.equal(emulator.counters()['POST /tasks'], 1);
    assert.deepEqual(platformDiagnostics(uri), []);

    await vscode.commands.executeCommand('sbgTasks.updateDraftFromFile', uri);
    assert.equal(emulator.counters()['PATCH /tasks/:id'], 1);
    assert.equal(emulator.counters()['POST /tasks'], 1, 'no second task');
  });

  it('puts the platform’s errors on the input keys, unsaved text included, and clears one when its input is edited', async () => {
    const uri = await writeTaskFile('errors.sbtask.json', { project: 'alice/rna-seq', app: APP, inputs: { index: INDEX } });
    const editor = await vscode.window.showTextDocument(uri);
    // Unsaved: the wrong value for reads exists only in the editor.
    await editor.edit((edit) => edit.insert(editor.document.positionAt(editor.document.getText().indexOf('"index"')), '"reads": 7,\n    '));
    await vscode.commands.executeCommand('sbgTasks.createDraftTask', uri);
    assert.equal(emulator.counters()['POST /tasks'], 1);

    const onReads = () => platformDiagnostics(uri).filter((d) => editor.document.getText(d.range) === '"reads"');
    assert.equal(onReads().length, 1, JSON.stringify(platformDiagnostics(uri).map((d) => [d.message, editor.document.getText(d.range)])));
    assert.equal(onReads()[0].severity, vscode.DiagnosticSeverity.Error);

    await editor.edit((edit) => {
      const start = editor.document.getText().indexOf('7,');
      edit.replace(new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + 1)), JSON.stringify(READS));
    });
    assert.equal(onReads().length, 0);
  });

  it('a second invocation while the first is in flight is refused: exactly one task', async () => {
    const uri = await writeTaskFile('twice.sbtask.json', { name: 'e2e twice', project: 'alice/rna-seq', app: APP, inputs: { index: INDEX, reads: READS } });
    emulator.setFault('POST /tasks', { kind: 'latency', ms: 300, times: 1 });
    await Promise.all([
      vscode.commands.executeCommand('sbgTasks.createDraftTask', uri),
      vscode.commands.executeCommand('sbgTasks.createDraftTask', uri),
    ]);
    assert.equal(emulator.counters()['POST /tasks'], 1);
  });

  it('a connection dropped after sending is not sent again', async () => {
    const uri = await writeTaskFile('dropped.sbtask.json', { name: 'e2e dropped', project: 'alice/rna-seq', app: APP, inputs: { index: INDEX, reads: READS } });
    emulator.setFault('POST /tasks', { kind: 'drop-after', times: 1 });
    await vscode.commands.executeCommand('sbgTasks.createAndRunTask', uri);
    assert.equal(emulator.counters()['POST /tasks'], 1);
  });

  async function writeTaskFile(name: string, body: unknown): Promise<vscode.Uri> {
    const uri = vscode.Uri.joinPath(folder, name);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(body, null, 2)));
    return uri;
  }

  /** The diagnostics of the platform's own collection: their source is the environment's name. */
  function platformDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
    const name = api.getSession()?.environment.name;
    return vscode.languages.getDiagnostics(uri).filter((d) => d.source === name);
  }
});
