/**
 * The names of the jobs a failed task failed in, read from its execution details once and kept
 * (a failed task never changes). Asked for when a failed row's tooltip is resolved (hover), not
 * for every failed row shown: a batch with hundreds of failed children would otherwise cost a
 * request each just to draw the tree.
 */
import type { ExecutionDetails } from '../../../platform/src/types';
import { Emitter } from '../watch/emitter';

export interface ExecutionDetailsSource {
  getExecutionDetails(taskId: string): Promise<ExecutionDetails>;
}

export class FailedJobs {
  private readonly names = new Map<string, string[]>();
  private readonly loading = new Map<string, Promise<string[] | undefined>>();
  private readonly loaded = new Emitter<string>();
  /** Fires with a task id when its failed jobs became known. */
  readonly onDidLoad = this.loaded.event;

  /** "step_3", "step_3, step_4", or undefined while unknown (or when no job is marked failed). */
  text(taskId: string): string | undefined {
    const names = this.names.get(taskId);
    return names && names.length > 0 ? names.join(', ') : undefined;
  }

  has(taskId: string): boolean {
    return this.names.has(taskId);
  }

  /** Reads the failed jobs of a task once; a failed read is forgotten so that a later hover tries again. */
  load(source: ExecutionDetailsSource, taskId: string): Promise<string[] | undefined> {
    const known = this.names.get(taskId);
    if (known) return Promise.resolve(known);
    let pending = this.loading.get(taskId);
    if (!pending) {
      pending = source
        .getExecutionDetails(taskId)
        .then((details) => {
          const names = failedJobNames(details);
          this.names.set(taskId, names);
          this.loaded.fire(taskId);
          return names;
        })
        .catch(() => undefined)
        .finally(() => this.loading.delete(taskId));
      this.loading.set(taskId, pending);
    }
    return pending;
  }

  /** Remembers what an execution details view already read. */
  remember(taskId: string, details: ExecutionDetails): void {
    if (this.names.has(taskId)) return;
    this.names.set(taskId, failedJobNames(details));
    this.loaded.fire(taskId);
  }

  dispose(): void {
    this.loaded.dispose();
  }
}

export function failedJobNames(details: ExecutionDetails): string[] {
  return (details.jobs ?? []).filter((job) => String(job.status ?? '').toUpperCase() === 'FAILED').map((job) => job.name);
}
