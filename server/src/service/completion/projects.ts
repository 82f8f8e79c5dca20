/** Project ids for the value of `project`. */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { literalItem } from './items';
import { lookup } from './lookup';
import type { CompletionRequest } from './request';

export async function projectCompletions(request: CompletionRequest): Promise<CompletionItem[]> {
  const { data, signal } = request;
  const projects = await lookup(data.listProjects && (() => data.listProjects!(signal)), signal);
  return projects.map((project) =>
    literalItem(request.site, project.id, project.id, {
      kind: CompletionItemKind.Module,
      detail: project.name,
      filterText: `${project.id} ${project.name}`,
    }),
  );
}
