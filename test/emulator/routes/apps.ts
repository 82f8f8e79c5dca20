/**
 * GET /apps (project, visibility, q, id filters), GET /apps/{owner}/{project}/{app}[/{revision}]
 * and their /raw (docs/PLATFORM.md#apps). An app written in YAML is served as YAML when asked for it.
 */
import type { App } from '../../../platform/src/types';
import { selectFields } from '../http/fields';
import { pageReply } from '../http/pages';
import type { Reply, RequestContext, Router } from '../http/router';
import type { EmulatedPlatform } from '../platform';
import { readableApp, readableProject } from './access';

const LIST_DEFAULT_FIELDS = ['href', 'id', 'name', 'project', 'revision'];

export function addAppRoutes(router: Router, platform: EmulatedPlatform): void {
  const appId = (context: RequestContext) => {
    const { owner, project, app, revision } = context.params;
    return [owner, project, app, revision].filter((part) => part !== undefined).join('/');
  };
  const appReply = (context: RequestContext): Reply => ({
    status: 200,
    body: selectFields(withHref(context, readableApp(platform, context.user, appId(context))), context.query.get('fields')),
  });
  const rawReply = (context: RequestContext): Reply => {
    const app = readableApp(platform, context.user, appId(context));
    const yaml = platform.store.apps.get(`${app.project}/${app.id.split('/')[2]}`)?.yamlText[app.revision];
    if (yaml !== undefined && /yaml/i.test(String(context.headers.accept ?? ''))) {
      return { status: 200, text: { contentType: 'application/yaml', content: yaml } };
    }
    return { status: 200, body: app.raw };
  };
  router
    .add('GET', '/apps', (context) => listApps(platform, context))
    .add('GET', '/apps/:owner/:project/:app/raw', rawReply)
    .add('GET', '/apps/:owner/:project/:app/:revision/raw', rawReply)
    .add('GET', '/apps/:owner/:project/:app', appReply)
    .add('GET', '/apps/:owner/:project/:app/:revision', appReply);
}

function listApps(platform: EmulatedPlatform, context: RequestContext): Reply {
  const project = context.query.get('project');
  const visibility = context.query.get('visibility')?.toLowerCase();
  const ids = context.query.getAll('id');
  const terms = context.query.getAll('q').map((term) => term.toLowerCase());
  if (project !== null) readableProject(platform, context.user, project);
  const matching: App[] = [];
  for (const record of platform.store.apps.values()) {
    const projectRecord = platform.store.projects.get(record.project);
    if (!projectRecord) continue;
    if (project !== null ? record.project !== project : visibility === 'public' ? !projectRecord.isPublic : !projectRecord.members.has(context.user)) {
      continue;
    }
    const latest = record.revisions[record.revisions.length - 1];
    if (ids.length > 0 && !ids.some((id) => id === record.id || id === latest.id)) continue;
    if (terms.length > 0 && !terms.every((term) => `${latest.id} ${latest.name} ${String(latest.raw?.label ?? '')}`.toLowerCase().includes(term))) continue;
    matching.push(latest);
  }
  return pageReply(context, matching, (app) => withHref(context, app), platform.listDefault(LIST_DEFAULT_FIELDS));
}

function withHref(context: RequestContext, app: App): Record<string, unknown> {
  return { href: `${context.baseUrl}/apps/${app.id}`, ...app };
}
