/**
 * The part of the platform client the watcher uses (SbgClient satisfies it: `serverNow` is the
 * platform's clock, which task times are on), the `fields` it
 * asks for, and a meter of the requests a tick spent, which the interval planner reads.
 */
import { BULK_LIMIT, MAX_PAGE_SIZE, type SbgClient, type TaskListFilter } from '../../../platform/src/client';
import type { Task } from '../../../platform/src/types';

export type TaskSource = Pick<SbgClient, 'getTask' | 'allTasks' | 'bulkGetTasks' | 'rateLimit' | 'serverNow'>;

/**
 * A watched task: enough for its row, its counts, its notification and its web URL (docs/PLATFORM.md#the-fields-selector),
 * and its outputs (null until it completes), so a completed row expands into its files without a read of its own.
 */
export const TASK_FIELDS = 'id,name,status,project,app,batch,parent,execution_status,created_time,start_time,end_time,price,outputs';

/**
 * A child row: status, group, step progress, times, price and outputs (null until it completes; with them the
 * listing that finds a child completed also says which files it made). No inputs.
 */
export const CHILD_FIELDS = 'id,name,status,project,parent,batch_group,execution_status,created_time,start_time,end_time,price,outputs';

export class RequestMeter {
  count = 0;

  add(requests: number): void {
    this.count += requests;
  }
}

/**
 * Every item of a listing, children fields only. `keepGoing` is asked after each full page and
 * may stop the listing early; the meter counts the pages that were fetched.
 */
export async function listChildren(
  source: TaskSource,
  filter: TaskListFilter,
  meter: RequestMeter,
  keepGoing: (pageItems: Task[]) => boolean = () => true,
): Promise<{ items: Task[]; complete: boolean }> {
  const items: Task[] = [];
  let page: Task[] = [];
  let complete = true;
  try {
    for await (const task of source.allTasks({ ...filter, limit: MAX_PAGE_SIZE, fields: CHILD_FIELDS })) {
      items.push(task);
      page.push(task);
      if (page.length === MAX_PAGE_SIZE) {
        const more = keepGoing(page);
        page = [];
        if (!more) {
          complete = false;
          break;
        }
      }
    }
  } finally {
    meter.add(Math.max(1, Math.ceil(items.length / MAX_PAGE_SIZE)));
  }
  if (page.length > 0) keepGoing(page);
  return { items, complete };
}

/** The current snapshots of some children, by bulk get (≤100 ids a request); ids the platform refused are left out. */
export async function bulkChildren(source: TaskSource, ids: string[], meter: RequestMeter): Promise<Task[]> {
  if (ids.length === 0) return [];
  meter.add(Math.ceil(ids.length / BULK_LIMIT));
  const records = await source.bulkGetTasks(ids, { fields: CHILD_FIELDS });
  return records.flatMap((record) => (record.resource ? [record.resource] : []));
}
