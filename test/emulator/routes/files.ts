/**
 * GET /files (exactly one of project or parent; name, metadata.*, tag, origin.task filters), GET
 * /files/{id}, GET /files/{id}/download_info (http/downloads.ts), POST /bulk/files/get (docs/PLATFORM.md#projects-and-files). Repeating a filter means OR, different
 * filters AND.
 */
import type { PlatformFile } from '../../../platform/src/types';
import { fileAnswer } from '../http/answers';
import { apiErrors } from '../http/apiError';
import { selectFields } from '../http/fields';
import { pageReply } from '../http/pages';
import type { RequestContext, Router } from '../http/router';
import type { EmulatedPlatform } from '../platform';
import { readableFile, readableProject } from './access';
import { bulkIds, bulkRecord } from './bulk';
import { downloadUrl } from '../http/downloads';

const LIST_DEFAULT_FIELDS = ['href', 'id', 'name', 'type', 'project', 'parent'];

export function addFileRoutes(router: Router, platform: EmulatedPlatform): void {
  router
    .add('GET', '/files', (context) => {
      const project = context.query.get('project');
      const parent = context.query.get('parent');
      if (project !== null && parent !== null) throw apiErrors.projectAndParent();
      if (project === null && parent === null) throw apiErrors.projectOrParentMissing();
      if (project !== null && !/^[^/\s]+\/[^/\s]+$/.test(project)) throw apiErrors.malformedProjectQuery(project);
      let candidates: PlatformFile[];
      if (project !== null) {
        readableProject(platform, context.user, project);
        const root = platform.store.projects.get(project)!.project.root_folder;
        candidates = (platform.store.filesByProject.get(project) ?? []).filter((file) => file.parent === root);
      } else {
        const folder = readableFile(platform, context.user, parent!);
        candidates = (platform.store.filesByProject.get(folder.project ?? '') ?? []).filter((file) => file.parent === folder.id);
      }
      const matching = candidates.filter(filesFilter(context));
      return pageReply(context, matching, (file) => withHref(context, fileAnswer(file, platform.variants)), platform.listDefault(LIST_DEFAULT_FIELDS));
    })
    .add('GET', '/files/:id', (context) => ({
      status: 200,
      body: selectFields(withHref(context, fileAnswer(readableFile(platform, context.user, context.params.id), platform.variants)), context.query.get('fields')),
    }))
    .add('GET', '/files/:id/download_info', (context) => {
      const file = readableFile(platform, context.user, context.params.id);
      return { status: 200, body: { url: downloadUrl(context.baseUrl.replace(/\/v2$/, ''), file.id, file.name) } };
    })
    .add('POST', '/bulk/files/get', (context) => ({
      status: 200,
      body: {
        items: bulkIds(context.body, 'file_ids').map((id) =>
          bulkRecord(() => selectFields(withHref(context, fileAnswer(readableFile(platform, context.user, id), platform.variants)), context.query.get('fields'))),
        ),
      },
    }));
}

function filesFilter(context: RequestContext): (file: PlatformFile) => boolean {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of context.query) {
    if (key === 'name' || key === 'tag' || key === 'origin.task' || key.startsWith('metadata.')) {
      byKey.set(key, [...(byKey.get(key) ?? []), value]);
    }
  }
  return (file) =>
    [...byKey].every(([key, values]) => {
      if (key === 'name') return values.includes(file.name);
      if (key === 'tag') return values.some((tag) => file.tags?.includes(tag));
      if (key === 'origin.task') return values.includes(String(file.origin?.task ?? ''));
      return values.includes(String(file.metadata?.[key.slice('metadata.'.length)] ?? ''));
    });
}

function withHref(context: RequestContext, file: PlatformFile): Record<string, unknown> {
  return { href: `${context.baseUrl}/files/${file.id}`, ...file };
}
