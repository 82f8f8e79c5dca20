// Sign-in inside a real VS Code, against two emulators this suite starts: the real commands with their
// quick picks and input boxes answered through the workbench's quick-input commands, the Accounts-menu
// provider, Switch Environment with the language server following without a reload, Sign Out, and
// New Task File from App (project → app → revision).
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SbgTasksApi } from '../../../client/src/extension';
import { ENVIRONMENTS } from '../../../platform/src/environments';
import { startEmulator, type Emulator } from '../../emulator';
import { fileIdOf } from '../../emulator/seed/fileIds';
import { ACCEPT, answer, CLOSE, selectItem, when } from '../support/prompts';
import { activateExtension } from '../support/extension';

const SIGN_IN = 'Seven Bridges: Sign In';

describe('Sign-in and environments', () => {
  let us: Emulator;
  let eu: Emulator;
  let api: SbgTasksApi;
  let home: string;
  const realHome = process.env.HOME;

  before(async () => {
    us = await startEmulator({ corpusDir: null });
    eu = await startEmulator({ corpusDir: null });
    api = await activateExtension();
    if (api.getSession()) await vscode.commands.executeCommand('sbgTasks.signOut');
    // The sign-in picker reads ~/.sevenbridges/credentials: give this extension host a home with one profile.
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'sbg-home-'));
    await fs.mkdir(path.join(home, '.sevenbridges'));
    await fs.writeFile(path.join(home, '.sevenbridges', 'credentials'), `[emulator]\napi_endpoint = ${us.url}\nauth_token = ${us.tokens.valid}\n`);
    process.env.HOME = home;
  });

  after(async () => {
    process.env.HOME = realHome;
    await vscode.workspace.getConfiguration('sbgTasks').update('customApiUrl', undefined, vscode.ConfigurationTarget.Global);
    if (api?.getSession()) await vscode.commands.executeCommand('sbgTasks.signOut');
    await fs.rm(home, { recursive: true, force: true });
    await us?.close();
    await eu?.close();
  });

  it('Sign In offers the credentials profile; choosing it checks the token and the Accounts menu lists the account', async () => {
    const answered = answer(api, SIGN_IN, ['quickInput.last', ACCEPT]);
    await vscode.commands.executeCommand('sbgTasks.signIn');
    await answered;
    assert.equal(api.getSession()?.username, 'alice');
    assert.equal(api.getSession()?.environment.apiBase, us.url);
    assert.equal(us.counters()['GET /user'], 1, 'the token was checked with GET /user');

    // getAccounts asks the provider itself; getSession(createIfNone: false) would also need the user's consent to share the session.
    const accounts = await vscode.authentication.getAccounts('sbgTasks');
    assert.deepEqual(accounts.map((account) => account.label), ['alice (Profile emulator)']);
  });

  it('Custom API URL: the box takes the URL, and closing the token box signs nobody new in', async () => {
    const configuration = () => vscode.workspace.getConfiguration('sbgTasks');
    await configuration().update('customApiUrl', eu.origin, vscode.ConfigurationTarget.Global);
    const before = api.getSession();
    const answered = Promise.all([
      answer(api, SIGN_IN, [...selectItem(ENVIRONMENTS.length), ACCEPT]),
      answer(api, 'Seven Bridges: Custom API URL', [ACCEPT]),
      answer(api, `${SIGN_IN}: Custom platform`, [CLOSE]),
    ]);
    await vscode.commands.executeCommand('sbgTasks.signIn');
    await answered;
    assert.equal(configuration().get('customApiUrl'), eu.url, 'kept with /v2 added');
    assert.equal(api.getSession(), before);
    assert.equal(eu.counters()['GET /user'] ?? 0, 0);
  });

  it('Switch Environment: the session and the language server follow at once, without a reload', async () => {
    await api.signInWithToken(eu.url, eu.tokens.other); // bob, who cannot see alice's app
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'switch.sbtask.json');
    const body = { name: 'switch', project: 'alice/rna-seq', app: 'alice/rna-seq/salmon-quant/0', inputs: { index: { class: 'File', path: fileIdOf('alice/rna-seq', 'salmon_index.tar.gz') } } };
    await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(body, null, 2)));
    await vscode.window.showTextDocument(uri);
    const codes = () => vscode.languages.getDiagnostics(uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
    const asBob = await when(vscode.languages.onDidChangeDiagnostics, () => codes().some((code) => /^sbg\.app-(not-found|unavailable)$/.test(code)) && codes(), 'the app is not known to bob');
    assert.ok(!asBob.includes('sbg.missing-required-input'), asBob.join(', '));

    // Stored accounts in the order they were made: the profile's (alice) first.
    const answered = answer(api, 'Seven Bridges: Switch Environment', [...selectItem(0), ACCEPT]);
    await vscode.commands.executeCommand('sbgTasks.switchEnvironment');
    await answered;
    assert.equal(api.getSession()?.username, 'alice');
    await when(vscode.languages.onDidChangeDiagnostics, () => codes().includes('sbg.missing-required-input'), 'the app-aware check of alice’s app (reads missing)');
    assert.ok(!codes().some((code) => code.startsWith('sbg.app-')), codes().join(', '));
  });

  it('New Task File from App: project, app and an older revision picked, a file with that revision’s required inputs opens', async () => {
    const client = api.getClient()!;
    const projects = (await client.listProjects()).items.map((project) => project.id);
    const apps: { id: string; name: string }[] = [];
    for await (const app of client.allApps({ project: 'alice/rna-seq' })) apps.push({ id: app.id.split('/').slice(0, 3).join('/'), name: app.name });
    const starAlign = apps.findIndex((app) => app.id === 'alice/rna-seq/star-align');
    const answered = Promise.all([
      answer(api, 'Seven Bridges: Choose a Project', [...selectItem(projects.indexOf('alice/rna-seq')), ACCEPT]),
      answer(api, 'New Task File from App', [...selectItem(starAlign), ACCEPT]),
      // Revisions are listed latest first (2, 1, 0): the second is revision 1, before two_pass became required.
      answer(api, `New Task File from ${apps[starAlign].name}`, [...selectItem(1), ACCEPT]),
    ]);
    await vscode.commands.executeCommand('sbgTasks.newTaskFromApp');
    await answered;

    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document && document.uri.path.endsWith('/star-align.sbtask.json'), document?.uri.toString());
    assert.equal(document.languageId, 'sbg-task');
    const created = JSON.parse(document.getText());
    assert.equal(created.project, 'alice/rna-seq');
    assert.equal(created.app, 'alice/rna-seq/star-align/1');
    assert.deepEqual(created.inputs, { reads: [{ class: 'File', path: '' }], genome_fasta: { class: 'File', path: '' } });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Sign Out forgets the account: no session, and the Accounts menu lists none', async () => {
    await vscode.commands.executeCommand('sbgTasks.signOut');
    assert.equal(api.getSession(), undefined);
    assert.equal(api.getClient(), undefined);
    assert.deepEqual(await vscode.authentication.getAccounts('sbgTasks'), []);
  });
});
