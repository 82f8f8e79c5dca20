import { strict as assert } from 'node:assert';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Task } from '../../platform/src/types';
import type { Emulator } from '../emulator/index';
import { clientFor, startPlatform } from './platformFixture';

const DRAFT = { project: 'alice/variant-calling', app: 'alice/rna-seq/salmon-quant', inputs: {} };

describe('pagination', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startPlatform();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.resetLog());

  /** Files listed directly in a project (a list is not recursive). */
  function topLevelFiles(projectId: string) {
    const root = emulator.store.projects.get(projectId)?.project.root_folder;
    return [...emulator.store.files.values()].filter((file) => file.project === projectId && file.parent === root);
  }

  async function createDrafts(client: ReturnType<typeof clientFor>['client'], prefix: string, count: number): Promise<Task[]> {
    const tasks: Task[] = [];
    for (let i = 0; i < count; i++) {
      tasks.push(await client.createTask({ ...DRAFT, name: `${prefix}-${i}` }));
      emulator.advance(1); // distinct creation times, so the order is the creation order
    }
    return tasks;
  }

  it('a page carries items, links and the X-Total-Matching-Query total', async () => {
    const { client } = clientFor(emulator);
    const page = await client.listFiles({ project: 'alice/rna-seq' }, { limit: 5 });
    const all = topLevelFiles('alice/rna-seq');
    assert.equal(page.items.length, 5);
    assert.equal(page.total, all.length);
    assert.ok(page.links?.some((link) => link.rel === 'next'));
  });

  it('walks every page following the next links verbatim, and knows the total', async () => {
    const { client } = clientFor(emulator);
    const expected = topLevelFiles('alice/rna-seq').map((file) => file.id);
    const files = client.allFiles({ project: 'alice/rna-seq' }, { limit: 7 });
    const seen: string[] = [];
    for await (const file of files) seen.push(file.id);
    assert.deepEqual(seen.sort(), [...expected].sort());
    assert.equal(files.total, expected.length);
    assert.equal(emulator.counters()['GET /files'], Math.ceil(expected.length / 7));
    const offsets = emulator.requests.filter((request) => request.routeKey === 'GET /files').map((request) => new URLSearchParams(request.query).get('offset') ?? '0');
    assert.deepEqual(offsets, Array.from({ length: offsets.length }, (_, i) => String(i * 7)));
  });

  it('tasks added while paging (oldest first) are picked up at the end, each once', async () => {
    const { client } = clientFor(emulator);
    const originals = await createDrafts(client, 'asc', 7);
    const seen: string[] = [];
    let added: Task[] = [];
    for await (const task of client.allTasks({ project: DRAFT.project, order_by: 'created_time', order: 'asc', limit: 3 })) {
      seen.push(task.id);
      if (seen.length === 1) added = await createDrafts(client, 'asc-late', 2);
    }
    const expected = [...originals, ...added].map((task) => task.id);
    assert.deepEqual(seen.filter((id) => expected.includes(id)), expected);
    assert.equal(new Set(seen).size, seen.length, 'no task twice');
  });

  it('tasks added while paging (newest first) push items onto later pages; each is still yielded once', async () => {
    const { client } = clientFor(emulator);
    const originals = await createDrafts(client, 'desc', 7);
    const seen: string[] = [];
    const iterable = client.allTasks({ project: DRAFT.project, order_by: 'created_time', order: 'desc', limit: 3 });
    for await (const task of iterable) {
      seen.push(task.id);
      if (seen.length === 2) await createDrafts(client, 'desc-late', 2);
    }
    assert.equal(new Set(seen).size, seen.length, 'no task twice, although the shifted pages repeat some');
    for (const task of originals) assert.ok(seen.includes(task.id), `${task.name} was yielded`);
    assert.ok(iterable.total !== undefined && iterable.total >= seen.length);
  });

  it('lists projects and apps across pages', async () => {
    const { client } = clientFor(emulator);
    const projects: string[] = [];
    for await (const project of client.allProjects()) projects.push(project.id);
    assert.deepEqual(projects.sort(), ['alice/rna-seq', 'alice/variant-calling'], "alice's own projects; not bob's, not the public one");
    const apps: string[] = [];
    for await (const app of client.allApps({ project: 'alice/rna-seq' })) apps.push(app.id);
    for (const id of ['star-align', 'salmon-quant', 'bam-stats']) assert.ok(apps.some((app) => app.startsWith(`alice/rna-seq/${id}/`)), id);
  });
});
