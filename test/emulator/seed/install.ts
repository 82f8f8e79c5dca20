/** Loads a seed into a store, giving every file, folder and app its platform shape. */
import type { App } from '../../../platform/src/types';
import { isoTime } from '../clock';
import type { Store } from '../store';
import { fileIdOf, rootFolderOf } from './fileIds';
import type { SeedData } from './seedData';

export function installSeed(store: Store, seed: SeedData, now: number): void {
  const created = isoTime(now - 30 * 86_400_000);
  for (const user of seed.users) {
    store.users.set(user.username, { username: user.username, email: user.email, first_name: user.first_name, last_name: user.last_name, affiliation: 'Emulated Institute' });
    store.tokens.set(user.token, { username: user.username, expired: false });
    if (user.expiredToken) store.tokens.set(user.expiredToken, { username: user.username, expired: true });
  }
  for (const project of seed.projects) {
    store.projects.set(project.id, {
      project: {
        id: project.id,
        name: project.name,
        description: project.description ?? '',
        type: 'v2',
        tags: project.tags ?? [],
        category: project.category ?? 'PRIVATE',
        created_by: project.id.split('/')[0],
        created_on: created,
        modified_on: created,
        root_folder: rootFolderOf(project.id),
        billing_group: '7d1c3a5e-0000-4000-8000-000000000001',
      },
      members: new Set(project.members),
      isPublic: project.isPublic ?? false,
    });
  }
  for (const app of seed.apps) {
    const appId = `${app.project}/${app.name}`;
    const revisions: App[] = app.revisions.map((revision, number) => ({
      id: `${appId}/${number}`,
      project: app.project,
      name: String(revision.raw.label ?? app.name),
      revision: number,
      raw: { ...revision.raw, 'sbg:id': `${appId}/${number}`, 'sbg:revision': number, 'sbg:latestRevision': app.revisions.length - 1 },
    }));
    store.apps.set(appId, { id: appId, project: app.project, revisions, yamlText: app.revisions.map((revision) => revision.yaml) });
  }
  for (const file of seed.files) {
    store.addFile({
      id: fileIdOf(file.project, file.name),
      type: file.type ?? 'file',
      name: file.name,
      ...(file.type === 'folder' ? {} : { size: file.size ?? 0 }),
      project: file.project,
      parent: file.folder ? fileIdOf(file.project, file.folder) : rootFolderOf(file.project),
      created_on: created,
      modified_on: created,
      metadata: file.metadata ?? {},
      tags: file.tags ?? [],
      origin: {},
      storage: { type: 'PLATFORM', hosted_on_locations: ['aws:us-east-1'] },
    });
  }
}
