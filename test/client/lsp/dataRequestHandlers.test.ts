/** The handlers of the language server's data requests answer through the platform client, against the emulator. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc';
import { SbgClient } from '../../../platform/src/client';
import type { App, BulkRecord, PlatformFile, Project } from '../../../platform/src/types';
import type { DataErrorData } from '../../../server/src/protocol';
import { DataRequests } from '../../../server/src/protocol';
import { dataRequestHandlers } from '../../../client/src/lsp/dataRequestHandlers';
import { startEmulator, type Emulator } from '../../emulator';
import { fileIdOf } from '../../emulator/seed/fileIds';

describe('data request handlers', () => {
  let emulator: Emulator;
  let client: SbgClient | undefined;
  let trusted = true;
  const signal = new AbortController().signal;
  let handlers: ReturnType<typeof dataRequestHandlers>;

  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
    client = new SbgClient({ baseUrl: emulator.url, token: emulator.token, environmentName: 'Emulator', clock: emulator.clock() });
    handlers = dataRequestHandlers({ getClient: () => client, isTrusted: () => trusted });
  });
  after(() => emulator.close());

  async function dataError(method: string, params: unknown): Promise<DataErrorData> {
    try {
      await handlers[method](params, signal);
    } catch (error) {
      assert.ok(error instanceof ResponseError, String(error));
      return error.data as DataErrorData;
    }
    assert.fail(`${method} did not fail`);
  }

  test('answers every request of the protocol', () => {
    assert.deepEqual(Object.keys(handlers).sort(), Object.values(DataRequests).map((request) => request.method).sort());
  });

  test('getApp returns the app with raw CWL at the asked revision', async () => {
    const app = (await handlers[DataRequests.getApp.method]({ appId: 'alice/rna-seq/salmon-quant', revision: 0 }, signal)) as App;
    assert.equal(app.revision, 0);
    assert.equal((app.raw as { cwlVersion?: string }).cwlVersion, 'v1.0');
  });

  test('listProjects pages through every project, listApps leaves raw out', async () => {
    const projects = (await handlers[DataRequests.listProjects.method](undefined, signal)) as Project[];
    assert.ok(projects.some((project) => project.id === 'alice/rna-seq'));
    const apps = (await handlers[DataRequests.listApps.method]({ projectId: 'alice/rna-seq' }, signal)) as App[];
    assert.ok(apps.length >= 3);
    assert.ok(apps.every((app) => app.raw === undefined));
  });

  test('every listing asks for the fields it shows, not whatever subset the platform answers by default (variant list-fields)', async () => {
    emulator.resetLog();
    await handlers[DataRequests.listProjects.method](undefined, signal);
    await handlers[DataRequests.listApps.method]({ projectId: 'alice/rna-seq' }, signal);
    await handlers[DataRequests.listFiles.method]({ projectId: 'alice/rna-seq', nameFilter: 'S01', limit: 3 }, signal);
    const fieldsOf = (route: string) => emulator.requests.filter((r) => r.routeKey === route).map((r) => new URLSearchParams(r.query).get('fields'));
    assert.deepEqual(fieldsOf('GET /projects'), ['id,name']);
    assert.deepEqual(fieldsOf('GET /apps'), ['id,project,name,revision']);
    assert.deepEqual([...new Set(fieldsOf('GET /files'))], ['id,name,type,size,project,parent,metadata']);
  });

  test('listFiles keeps names containing the filter, any case, up to the limit', async () => {
    const files = (await handlers[DataRequests.listFiles.method]({ projectId: 'alice/rna-seq', nameFilter: 's01_L001', limit: 3 }, signal)) as PlatformFile[];
    assert.ok(files.length > 0 && files.length <= 3);
    assert.ok(files.every((file) => file.name.toLowerCase().includes('s01_l001')));
  });

  test('bulkGetFiles answers per id, with an error record for an unknown one', async () => {
    const known = fileIdOf('alice/rna-seq', 'salmon_index.tar.gz');
    const records = (await handlers[DataRequests.bulkGetFiles.method]({ fileIds: [known, 'ffffffffffffffffffffffff'] }, signal)) as BulkRecord<PlatformFile>[];
    assert.equal(records[0].resource?.name, 'salmon_index.tar.gz');
    assert.ok(records[1].error);
  });

  test('a 404 becomes an http data error with the status and the platform code', async () => {
    const data = await dataError(DataRequests.getProject.method, { projectId: 'alice/nothing-here' });
    assert.equal(data.kind, 'http');
    assert.equal(data.status, 404);
    assert.equal(typeof data.code, 'number');
  });

  test('a refused token (401) is "signed-out", as when the server asks the platform itself', async () => {
    const saved = client;
    client = new SbgClient({ baseUrl: emulator.url, token: emulator.tokens.expired, environmentName: 'Emulator', clock: emulator.clock() });
    try {
      const data = await dataError(DataRequests.getProject.method, { projectId: 'alice/rna-seq' });
      assert.equal(data.kind, 'signed-out');
      assert.equal(data.status, 401);
    } finally {
      client = saved;
    }
  });

  test('a dropped connection is "offline", never an http error', async () => {
    emulator.setFault('GET /projects/:owner/:project', { kind: 'drop-before', times: 5 });
    emulator.setFault('*', { kind: 'drop-before', times: 5 });
    const data = await dataError(DataRequests.getProject.method, { projectId: 'alice/rna-seq' });
    emulator.setFault('*', null);
    emulator.setFault('GET /projects/:owner/:project', null);
    assert.equal(data.kind, 'offline');
  });

  test('signed out or untrusted: nothing is sent', async () => {
    emulator.resetLog();
    const saved = client;
    client = undefined;
    assert.equal((await dataError(DataRequests.listProjects.method, undefined)).kind, 'signed-out');
    client = saved;
    trusted = false;
    assert.equal((await dataError(DataRequests.listProjects.method, undefined)).kind, 'untrusted');
    trusted = true;
    assert.equal(emulator.counters().total ?? 0, 0);
  });
});
