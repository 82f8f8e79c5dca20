/** The gateway answers the language server's data requests through the platform client, against the emulator. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc';
import { SbgClient } from '../../platform/src/client';
import type { DataErrorData } from '../../server/src/data/protocol';
import { DataRequests } from '../../server/src/data/protocol';
import { dataRequestHandlers } from '../../client/src/gateway';
import { startEmulator, type Emulator } from '../emulator';
import { fileIdOf } from '../emulator/seed/fileIds';

describe('data gateway', () => {
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
    assert.deepEqual(Object.keys(handlers).sort(), Object.values(DataRequests).filter((v) => typeof v === 'string').sort());
  });

  test('getApp returns the app with raw CWL at the asked revision', async () => {
    const app = (await handlers[DataRequests.getApp]({ appId: 'alice/rna-seq/salmon-quant', revision: 0 }, signal)) as DataRequests.GetAppResult;
    assert.equal(app.revision, 0);
    assert.equal((app.raw as { cwlVersion?: string }).cwlVersion, 'v1.0');
  });

  test('listProjects pages through every project, listApps leaves raw out', async () => {
    const projects = (await handlers[DataRequests.listProjects](undefined, signal)) as DataRequests.ListProjectsResult;
    assert.ok(projects.some((project) => project.id === 'alice/rna-seq'));
    const apps = (await handlers[DataRequests.listApps]({ projectId: 'alice/rna-seq' }, signal)) as DataRequests.ListAppsResult;
    assert.ok(apps.length >= 3);
    assert.ok(apps.every((app) => app.raw === undefined));
  });

  test('listFiles keeps names containing the filter, any case, up to the limit', async () => {
    const files = (await handlers[DataRequests.listFiles]({ projectId: 'alice/rna-seq', nameFilter: 's01_L001', limit: 3 }, signal)) as DataRequests.ListFilesResult;
    assert.ok(files.length > 0 && files.length <= 3);
    assert.ok(files.every((file) => file.name.toLowerCase().includes('s01_l001')));
  });

  test('bulkGetFiles answers per id, with an error record for an unknown one', async () => {
    const known = fileIdOf('alice/rna-seq', 'salmon_index.tar.gz');
    const records = (await handlers[DataRequests.bulkGetFiles]({ fileIds: [known, 'ffffffffffffffffffffffff'] }, signal)) as DataRequests.BulkGetFilesResult;
    assert.equal(records[0].resource?.name, 'salmon_index.tar.gz');
    assert.ok(records[1].error);
  });

  test('a 404 becomes an http data error with the status and the platform code', async () => {
    const data = await dataError(DataRequests.getProject, { projectId: 'alice/nothing-here' });
    assert.equal(data.kind, 'http');
    assert.equal(data.status, 404);
    assert.equal(typeof data.code, 'number');
  });

  test('a refused token (401) is "signed-out", as when the server asks the platform itself', async () => {
    const saved = client;
    client = new SbgClient({ baseUrl: emulator.url, token: emulator.tokens.expired, environmentName: 'Emulator', clock: emulator.clock() });
    try {
      const data = await dataError(DataRequests.getProject, { projectId: 'alice/rna-seq' });
      assert.equal(data.kind, 'signed-out');
      assert.equal(data.status, 401);
    } finally {
      client = saved;
    }
  });

  test('a dropped connection is "offline", never an http error', async () => {
    emulator.setFault('GET /projects/:owner/:project', { kind: 'drop-before', times: 5 });
    emulator.setFault('*', { kind: 'drop-before', times: 5 });
    const data = await dataError(DataRequests.getProject, { projectId: 'alice/rna-seq' });
    emulator.setFault('*', null);
    emulator.setFault('GET /projects/:owner/:project', null);
    assert.equal(data.kind, 'offline');
  });

  test('signed out or untrusted: nothing is sent', async () => {
    emulator.resetLog();
    const saved = client;
    client = undefined;
    assert.equal((await dataError(DataRequests.listProjects, undefined)).kind, 'signed-out');
    client = saved;
    trusted = false;
    assert.equal((await dataError(DataRequests.listProjects, undefined)).kind, 'untrusted');
    trusted = true;
    assert.equal(emulator.counters().total ?? 0, 0);
  });
});
