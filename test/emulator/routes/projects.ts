/** GET /projects, /projects/{owner}, /projects/{owner}/{project} (docs/PLATFORM.md#projects-and-files). */
import type { Project } from '../../../platform/src/types';
import { selectFields } from '../http/fields';
import { pageReply } from '../http/pages';
import type { RequestContext, Router } from '../http/router';
import type { EmulatedPlatform } from '../platform';
import { readableProject } from './access';

const LIST_DEFAULT_FIELDS = ['href', 'id', 'name', 'category'];

export function addProjectRoutes(router: Router, platform: EmulatedPlatform): void {
  const list = (context: RequestContext, owner?: string) => {
    const names = context.query.getAll('name');
    const category = context.query.get('category');
    const tags = context.query.getAll('tags');
    const matching: Project[] = [];
    for (const record of platform.store.projects.values()) {
      const project = record.project;
      if (!record.members.has(context.user)) continue;
      if (owner !== undefined && !project.id.startsWith(`${owner}/`)) continue;
      if (names.length > 0 && !names.includes(project.name)) continue;
      if (category !== null && project.category !== category) continue;
      if (tags.length > 0 && !tags.some((tag) => project.tags?.includes(tag))) continue;
      matching.push(project);
    }
    return pageReply(context, matching, (project) => withHref(context, project), platform.listDefault(LIST_DEFAULT_FIELDS));
  };
  router
    .add('GET', '/projects', (context) => list(context))
    .add('GET', '/projects/:owner', (context) => list(context, context.params.owner))
    .add('GET', '/projects/:owner/:project', (context) => {
      const record = readableProject(platform, context.user, `${context.params.owner}/${context.params.project}`);
      return { status: 200, body: selectFields(withHref(context, record.project), context.query.get('fields')) };
    });
}

function withHref(context: RequestContext, project: Project): Record<string, unknown> {
  return { href: `${context.baseUrl}/projects/${project.id}`, ...project };
}
