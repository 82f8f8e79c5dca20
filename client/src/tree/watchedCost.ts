/** The cost of a watched batch and of every watched task, from what the store holds. */
import type { Task } from '../../../platform/src/types';
import { parentCounts } from '../watch/counts';
import type { TaskStore } from '../watch/taskStore';
import { addSums, batchPrice, priceOf, type PriceSum } from './reading/priceText';

/** The parent's price, or the sum of its children read so far (partial until every child is read and priced). */
export function batchCost(store: TaskStore, parent: Task): PriceSum | undefined {
  const counts = parentCounts(parent);
  const total = counts.queued + counts.running + counts.completed + counts.failed + counts.aborted;
  return batchPrice(parent, store.children(parent.id), total > 0 ? total : undefined);
}

/** Every watched task's cost added up; partial when a batch's total is. */
export function watchedCost(store: TaskStore): PriceSum {
  return addSums(
    store.watched().map((entry) => {
      const task = entry.task;
      if (!task) return undefined;
      if (task.batch) return batchCost(store, task);
      const price = priceOf(task);
      return price && { amounts: new Map([[price.currency, price.amount]]), partial: false };
    }),
  );
}
