/**
 * Who may see what, with the platform's refusals: projects (3001/3002/3012), apps
 * (6001/6002/6011/7015), tasks (7001/7002/7005) and files (5001/5002).
 */
import type { App, PlatformFile } from '../../../platform/src/types';
import { apiErrors } from '../http/apiError';
import type { EmulatedPlatform } from '../platform';
import type { ProjectRecord, TaskRecord } from '../store';
import type { FileLookup } from '../tasks/checkInputs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readableProject(platform: EmulatedPlatform, user: string, id: unknown): ProjectRecord {
  return projectFor(platform, user, id, false);
}

export function writableProject(platform: EmulatedPlatform, user: string, id: unknown): ProjectRecord {
  return projectFor(platform, user, id, true);
}

function projectFor(platform: EmulatedPlatform, user: string, id: unknown, write: boolean): ProjectRecord {
  if (typeof id !== 'string' || !/^[^/\s]+\/[^/\s]+$/.test(id)) throw apiErrors.malformedProjectId(String(id ?? ''));
  const record = platform.store.projects.get(id);
  if (!record) throw apiErrors.projectNotFound(id);
  const allowed = write ? platform.store.canWrite(user, id) : platform.store.canRead(user, id);
  if (!allowed) throw apiErrors.projectForbidden(id);
  return record;
}

/** An app by `owner/project/app` (latest revision) or `owner/project/app/revision`. */
export function readableApp(platform: EmulatedPlatform, user: string, id: unknown): App {
  if (id === undefined || id === null || id === '') throw apiErrors.appIdEmpty();
  if (typeof id !== 'string') throw apiErrors.malformedAppId(String(id));
  const parts = id.split('/');
  if (parts.length < 3 || parts.length > 4 || parts.some((part) => part === '') || (parts.length === 4 && !/^\d+$/.test(parts[3]))) {
    throw apiErrors.malformedAppId(id);
  }
  const projectId = `${parts[0]}/${parts[1]}`;
  if (platform.store.projects.has(projectId) && !platform.store.canRead(user, projectId)) throw apiErrors.appForbidden(id);
  const app = platform.store.app(parts.slice(0, 3).join('/'), parts.length === 4 ? Number(parts[3]) : undefined);
  if (!app) throw apiErrors.appNotFound(id);
  return app;
}

export function readableTask(platform: EmulatedPlatform, user: string, id: string): TaskRecord {
  if (!UUID.test(id)) throw apiErrors.taskIdNotUuid(id);
  const record = platform.store.task(id);
  if (!record) throw apiErrors.taskNotFound(id);
  if (!platform.store.canRead(user, record.task.project ?? '')) throw apiErrors.taskForbidden(id);
  return record;
}

export function writableTask(platform: EmulatedPlatform, user: string, id: string): TaskRecord {
  const record = readableTask(platform, user, id);
  if (!platform.store.canWrite(user, record.task.project ?? '')) throw apiErrors.taskForbidden(id);
  return record;
}

export function readableFile(platform: EmulatedPlatform, user: string, id: string): PlatformFile {
  const file = platform.store.files.get(id);
  if (!file) throw apiErrors.fileNotFound(id);
  if (!platform.store.canRead(user, file.project ?? '')) throw apiErrors.fileForbidden(id);
  return file;
}

export function fileLookupFor(platform: EmulatedPlatform, user: string): FileLookup {
  return (id) => {
    const file = platform.store.files.get(id);
    if (!file) return { problem: 'missing' };
    if (!platform.store.canRead(user, file.project ?? '')) return { problem: 'forbidden' };
    return { file };
  };
}
