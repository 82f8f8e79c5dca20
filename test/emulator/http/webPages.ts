/**
 * The platform's web paths, as platform/src/environments.ts builds them, answered with a small
 * read-only HTML page of what the emulator holds: `/u/{owner}/{project}/` (the project),
 * `/u/{owner}/{project}/tasks/{id}/` and `/u/{owner}/{project}/files/{id}/`. So Open in Browser
 * in the demo lands on a page, not a 404. No token: a browser has none (nothing here is secret).
 */
import type { ServerResponse } from 'node:http';
import type { Store } from '../store';

export function serveWebPage(store: Store, response: ServerResponse, pathname: string): void {
  const page = pageFor(store, decodeURIComponentSafe(pathname));
  response.writeHead(page.status, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(html(page.title, page.body));
}

interface Page {
  status: number;
  title: string;
  body: string;
}

function pageFor(store: Store, pathname: string): Page {
  const match = /^\/u\/([^/]+)\/([^/]+)(?:\/(tasks|files|apps)\/([^/]+))?/.exec(pathname);
  if (!match) return { status: 200, title: 'Seven Bridges emulator', body: `<p>Projects:</p><ul>${[...store.projects.keys()].map((id) => `<li><a href="/u/${esc(id)}/">${esc(id)}</a></li>`).join('')}</ul>` };
  const projectId = `${match[1]}/${match[2]}`;
  const project = store.projects.get(projectId);
  if (!project) return notFound(`No project ${projectId}.`);
  const [, , , kind, id] = match;
  if (kind === 'tasks') {
    const task = store.task(id)?.task;
    if (!task || task.project !== projectId) return notFound(`No task ${id} in ${projectId}.`);
    const rows: [string, unknown][] = [
      ['ID', task.id], ['Status', task.status], ['Message', task.execution_status?.message], ['App', task.app], ['Project', task.project],
      ['Started', task.start_time], ['Ended', task.end_time], ['Price', task.price ? `${task.price.amount} ${task.price.currency}` : undefined],
      ['Batch', task.batch ? 'yes' : 'no'], ['Parent', task.parent],
    ];
    const outputs = Object.entries(task.outputs ?? {}).filter(([, value]) => value !== null);
    return {
      status: 200,
      title: `Task ${task.name ?? task.id}`,
      body: table(rows) + (outputs.length > 0 ? `<h2>Outputs</h2><pre>${esc(JSON.stringify(Object.fromEntries(outputs), null, 2))}</pre>` : ''),
    };
  }
  if (kind === 'files') {
    const file = store.files.get(id);
    if (!file || file.project !== projectId) return notFound(`No file ${id} in ${projectId}.`);
    return { status: 200, title: `File ${file.name}`, body: table([['ID', file.id], ['Name', file.name], ['Size', file.size], ['Project', file.project], ['Metadata', JSON.stringify(file.metadata ?? {})]]) };
  }
  if (kind === 'apps') return { status: 200, title: `App ${projectId}/${id}`, body: table([['ID', `${projectId}/${id}`], ['Project', projectId]]) };
  const p = project.project;
  return { status: 200, title: `Project ${p.name ?? projectId}`, body: table([['ID', projectId], ['Name', p.name], ['Files', store.filesByProject.get(projectId)?.length ?? 0]]) };
}

function notFound(message: string): Page {
  return { status: 404, title: 'Not found', body: `<p>${esc(message)}</p>` };
}

function table(rows: [string, unknown][]): string {
  return `<table>${rows.filter(([, value]) => value !== undefined && value !== null).map(([key, value]) => `<tr><th>${esc(key)}</th><td>${esc(String(value))}</td></tr>`).join('')}</table>`;
}

function html(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title><style>body{font-family:sans-serif;margin:2em}th{text-align:left;padding-right:1em}</style></head><body><p><em>Seven Bridges emulator (read-only)</em></p><h1>${esc(title)}</h1>${body}</body></html>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
