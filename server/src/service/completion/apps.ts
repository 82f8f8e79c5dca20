/**
 * App ids for the value of `app`: the apps of the body's project (or of the `owner/project`
 * typed so far), each as its latest revision (no suffix) and as every numbered revision,
 * newest first.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { isProjectId } from '../document/ids';
import { literalItem, orderKey } from './items';
import { lookup } from './lookup';
import { stringAt, type CompletionRequest } from './request';

function projectOf(request: CompletionRequest): string | undefined {
  const project = stringAt(request, ['project']);
  if (project && isProjectId(project)) return project;
  const typed = request.site.prefix.split('/');
  return typed.length >= 3 ? `${typed[0]}/${typed[1]}` : undefined;
}

export async function appCompletions(request: CompletionRequest): Promise<CompletionItem[]> {
  const projectId = projectOf(request);
  const { data, signal } = request;
  if (!projectId || !data.listApps) return [];
  const apps = await lookup(() => data.listApps!(projectId, signal), signal);
  const items: CompletionItem[] = [];
  apps.forEach((app, appIndex) => {
    const revision = Number.isInteger(app.revision) && app.revision >= 0 ? app.revision : undefined;
    items.push(
      literalItem(request.site, app.id, app.id, {
        kind: CompletionItemKind.Class,
        detail: revision === undefined ? `${app.name} (latest revision)` : `${app.name} (latest: revision ${revision})`,
        sortText: `${orderKey(appIndex)}a`,
      }),
    );
    for (let r = revision ?? -1; r >= 0; r--) {
      items.push(
        literalItem(request.site, `${app.id}/${r}`, `${app.id}/${r}`, {
          kind: CompletionItemKind.Constant,
          detail: `${app.name}, revision ${r}${r === revision ? ' (latest)' : ''}`,
          sortText: `${orderKey(appIndex)}b${orderKey(revision! - r)}`,
        }),
      );
    }
  });
  return items;
}
