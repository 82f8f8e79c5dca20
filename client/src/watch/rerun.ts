/**
 * Re-running the failed children of a batch: each is cloned with `action=run`
 * (docs/PLATFORM.md#actions-on-a-task), one after the other. A clone creates a task, so a failed
 * request is reported and never sent again automatically: it may have reached the platform.
 */
import type { SbgClient } from '../../../platform/src/client';
import type { Task } from '../../../platform/src/types';

/** How a child's row names it: its batch group value ("S03"), else its name. The re-run's row names the child with it. */
export function childLabel(child: Task): string {
  return child.batch_group?.value || child.name || child.id;
}

export interface RerunResult {
  /** Each clone started, with the failed child it replaces. */
  started: { task: Task; child: Task }[];
  failures: { id: string; message: string }[];
}

export async function rerunTasks(client: Pick<SbgClient, 'cloneTask'>, tasks: readonly Task[]): Promise<RerunResult> {
  const result: RerunResult = { started: [], failures: [] };
  for (const task of tasks) {
    try {
      result.started.push({ task: await client.cloneTask(task.id, { run: true }), child: task });
    } catch (error) {
      result.failures.push({ id: task.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
