/** How a task's duration and price read in the tree. */
import type { Task } from '../../../platform/src/types';

/**
 * "1 h 4 min", "3 min 20 s", "45 s": from start to end, or to `now` while it runs. `now` is the
 * platform's time (TaskWatcher.platformNow), as start_time is: this machine's clock may be off.
 */
export function durationText(task: Task, now: number): string | undefined {
  // Drafts may carry a start_time (SBG-API.md §14.3) but have not run: no duration to show.
  if (task.status === 'DRAFT') return undefined;
  const start = task.start_time ? Date.parse(task.start_time) : NaN;
  if (Number.isNaN(start)) return undefined;
  const end = task.end_time ? Date.parse(task.end_time) : now;
  const seconds = Math.max(0, Math.round((end - start) / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${seconds % 60} s`;
  return `${seconds} s`;
}

export function priceText(task: Task): string | undefined {
  const price = task.price;
  if (!price || typeof price.amount !== 'number') return undefined;
  return price.currency === 'USD' ? `$${price.amount.toFixed(2)}` : `${price.amount.toFixed(2)} ${price.currency}`;
}

export function joinParts(parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => !!part).join(' · ');
}
