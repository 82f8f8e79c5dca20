/**
 * The Seven Bridges deployments a user can sign in to, with where their API, web UI and
 * developer-token page live (docs/PLATFORM.md#deployments-and-sign-in), and links into the web UI.
 */

export type EnvironmentId = 'sbg-us' | 'sbg-eu' | 'sbg-cn' | 'cgc' | 'cavatica' | 'bdc' | 'custom';

export interface Environment {
  id: EnvironmentId;
  /** Shown to people: in the sign-in picker and in error messages. */
  name: string;
  /** API base URL including /v2, without a trailing slash. */
  apiBase: string;
  /** Web UI origin, without a trailing slash. */
  webBase: string;
  /** Where a user creates a developer token. */
  tokenPage: string;
}

function known(id: EnvironmentId, name: string, apiHost: string, webHost: string): Environment {
  const webBase = `https://${webHost}`;
  return { id, name, apiBase: `https://${apiHost}/v2`, webBase, tokenPage: `${webBase}/developer#token` };
}

export const ENVIRONMENTS: readonly Environment[] = [
  known('sbg-us', 'Seven Bridges (US)', 'api.sbgenomics.com', 'igor.sbgenomics.com'),
  known('sbg-eu', 'Seven Bridges (EU)', 'eu-api.sbgenomics.com', 'eu.sbgenomics.com'),
  known('sbg-cn', 'Seven Bridges (China)', 'api.sevenbridges.cn', 'platform.sevenbridges.cn'),
  known('cgc', 'Cancer Genomics Cloud (CGC)', 'cgc-api.sbgenomics.com', 'cgc.sbgenomics.com'),
  known('cavatica', 'CAVATICA', 'cavatica-api.sbgenomics.com', 'cavatica.sbgenomics.com'),
  known('bdc', 'BioData Catalyst', 'api.sb.biodatacatalyst.nhlbi.nih.gov', 'platform.sb.biodatacatalyst.nhlbi.nih.gov'),
];

export function environmentById(id: string): Environment | undefined {
  return ENVIRONMENTS.find((environment) => environment.id === id);
}

/**
 * Canonical form of an API base URL: no trailing slash, and `/v2` added when only the
 * host was given (people paste https://cgc-api.sbgenomics.com). Other paths are kept.
 */
export function normalizeApiBase(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  try {
    const parsed = new URL(trimmed);
    return parsed.pathname === '/' || parsed.pathname === '' ? `${parsed.origin}/v2` : trimmed;
  } catch {
    return trimmed;
  }
}

/**
 * The environment an API URL belongs to: a known one when it matches, else a custom one
 * whose web UI is the API host without "-api" (the rule SBG's own Composer uses).
 */
export function environmentForApiBase(apiBase: string, customName = 'Custom platform'): Environment {
  const normalized = normalizeApiBase(apiBase);
  const match = ENVIRONMENTS.find((environment) => environment.apiBase === normalized.toLowerCase());
  if (match) return match;
  let webBase = normalized.replace(/\/v2$/, '');
  try {
    const url = new URL(normalized);
    url.hostname = url.hostname.replace(/-api\./, '.');
    webBase = url.origin;
  } catch {
    // An unparsable URL is reported by the client's URL check; keep the text for display.
  }
  return { id: 'custom', name: customName, apiBase: normalized, webBase, tokenPage: `${webBase}/developer#token` };
}

/** The task's page in the web UI. */
export function taskWebUrl(environment: Environment, projectId: string, taskId: string): string {
  return `${environment.webBase}/u/${projectId}/tasks/${encodeURIComponent(taskId)}/`;
}

/** The project's task list in the web UI. */
export function projectTasksWebUrl(environment: Environment, projectId: string): string {
  return `${environment.webBase}/u/${projectId}/tasks/`;
}

/** The file's page in the web UI. */
export function fileWebUrl(environment: Environment, projectId: string, fileId: string): string {
  return `${environment.webBase}/u/${projectId}/files/${encodeURIComponent(fileId)}/`;
}

/**
 * The app's page in the web UI, from its id `owner/project/app[/revision]`; `revision`
 * overrides the one in the id.
 */
export function appWebUrl(environment: Environment, appId: string, revision?: number): string {
  const [owner, project, app, idRevision] = appId.split('/');
  const projectId = `${owner}/${project}`;
  const shown = revision ?? (idRevision !== undefined && /^\d+$/.test(idRevision) ? Number(idRevision) : undefined);
  return `${environment.webBase}/u/${projectId}/apps/#${projectId}/${app}${shown !== undefined ? `/${shown}` : ''}`;
}
