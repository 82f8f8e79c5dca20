/**
 * The emulator's data: users and tokens, projects, apps with their revisions, files and tasks.
 * Tasks are indexed by project, by parent, by status and by (parent, status), so that listing the
 * running children of a 10 000-child batch does not walk every task.
 */
import type { App, PlatformFile, Project, Task, TaskStatus, User } from '../../platform/src/types';

export interface TokenRecord {
  username: string;
  expired: boolean;
}

export interface ProjectRecord {
  project: Project;
  /** Usernames that may read and write. */
  members: Set<string>;
  /** Readable by every user (like admin/sbg-public-data). */
  isPublic: boolean;
}

export interface AppRecord {
  /** owner/project/app, without revision. */
  id: string;
  project: string;
  /** One App per revision, index = revision number. */
  revisions: App[];
  /** YAML source of a revision when the app was written in YAML (served for Accept: application/yaml). */
  yamlText: (string | undefined)[];
}

export interface TaskRecord {
  /** Creation order; breaks ties when sorting by time. */
  seq: number;
  task: Task;
  /** Emulated run time once RUNNING, ms. */
  durationMs: number;
  /** Whether this task will end FAILED when it finishes running. */
  willFail: boolean;
  /** Emulated epoch ms of the last change of status, for the duration counters. */
  statusSince: number;
}

export class Store {
  readonly users = new Map<string, User>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly projects = new Map<string, ProjectRecord>();
  readonly apps = new Map<string, AppRecord>();
  readonly files = new Map<string, PlatformFile>();
  /** The bytes of files that have any (task outputs, job logs), served by /_downloads/{id}. */
  readonly contents = new Map<string, Buffer>();
  readonly filesByProject = new Map<string, PlatformFile[]>();
  readonly tasks = new Map<string, TaskRecord>();

  private readonly tasksByProject = new Map<string, Set<TaskRecord>>();
  private readonly tasksByParent = new Map<string, Set<TaskRecord>>();
  private readonly tasksByStatus = new Map<string, Set<TaskRecord>>();
  private readonly tasksByParentStatus = new Map<string, Set<TaskRecord>>();
  private nextSeq = 0;

  canRead(username: string, projectId: string): boolean {
    const record = this.projects.get(projectId);
    return record !== undefined && (record.isPublic || record.members.has(username));
  }

  canWrite(username: string, projectId: string): boolean {
    return this.projects.get(projectId)?.members.has(username) ?? false;
  }

  addFile(file: PlatformFile): void {
    this.files.set(file.id, file);
    const project = file.project ?? '';
    let list = this.filesByProject.get(project);
    if (!list) this.filesByProject.set(project, (list = []));
    list.push(file);
  }

  /** The app at a revision (latest when `revision` is undefined). */
  app(appId: string, revision?: number): App | undefined {
    const record = this.apps.get(appId);
    if (!record) return undefined;
    return revision === undefined ? record.revisions[record.revisions.length - 1] : record.revisions[revision];
  }

  task(id: string): TaskRecord | undefined {
    return this.tasks.get(id);
  }

  addTask(task: Task, durationMs: number, willFail: boolean, now: number): TaskRecord {
    const record: TaskRecord = { seq: this.nextSeq++, task, durationMs, willFail, statusSince: now };
    this.tasks.set(task.id, record);
    addTo(this.tasksByProject, task.project ?? '', record);
    if (task.parent) addTo(this.tasksByParent, task.parent, record);
    this.indexStatus(record, 'add');
    return record;
  }

  setStatus(record: TaskRecord, status: TaskStatus, now: number): void {
    if (record.task.status === status) return;
    if (this.tasks.get(record.task.id) !== record) {
      // Deleted while the engine still runs it: it moves on, but no listing may find it again.
      record.task.status = status;
      record.statusSince = now;
      return;
    }
    this.indexStatus(record, 'remove');
    record.task.status = status;
    record.statusSince = now;
    this.indexStatus(record, 'add');
  }

  deleteTask(record: TaskRecord): void {
    this.tasks.delete(record.task.id);
    this.tasksByProject.get(record.task.project ?? '')?.delete(record);
    if (record.task.parent) this.tasksByParent.get(record.task.parent)?.delete(record);
    this.indexStatus(record, 'remove');
  }

  /** Children of a batch parent in creation order. */
  children(parentId: string): Iterable<TaskRecord> {
    return this.tasksByParent.get(parentId) ?? [];
  }

  /**
   * The smallest indexed set that holds every task matching these filters (callers still apply
   * the other filters): by parent+status, parent, project+status (via status), project, status, or all.
   */
  candidateTasks(filter: { project?: string; parent?: string; status?: string }): Iterable<TaskRecord> {
    if (filter.parent !== undefined) {
      if (filter.status !== undefined) return this.tasksByParentStatus.get(`${filter.parent}|${filter.status}`) ?? [];
      return this.tasksByParent.get(filter.parent) ?? [];
    }
    const byProject = filter.project !== undefined ? this.tasksByProject.get(filter.project) ?? new Set() : undefined;
    const byStatus = filter.status !== undefined ? this.tasksByStatus.get(filter.status) ?? new Set() : undefined;
    if (byProject && byStatus) return byProject.size < byStatus.size ? byProject : byStatus;
    return byProject ?? byStatus ?? this.tasks.values();
  }

  countChildren(parentId: string, status: TaskStatus): number {
    return this.tasksByParentStatus.get(`${parentId}|${status}`)?.size ?? 0;
  }

  private indexStatus(record: TaskRecord, op: 'add' | 'remove'): void {
    const status = record.task.status ?? 'DRAFT';
    const keys: [Map<string, Set<TaskRecord>>, string][] = [[this.tasksByStatus, status]];
    if (record.task.parent) keys.push([this.tasksByParentStatus, `${record.task.parent}|${status}`]);
    for (const [index, key] of keys) {
      if (op === 'add') addTo(index, key, record);
      else index.get(key)?.delete(record);
    }
  }
}

function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(value);
}
