/** How a task's duration and failure read in the tree (prices: priceText.ts). */
import type { Task } from '../../../../platform/src/types';

/**
 * "1 h 4 min", "3 min 20 s", "45 s": from start to end, or to `now` while it runs. `now` is the
 * platform's time (TaskWatcher.platformNow), as start_time is: this machine's clock may be off.
 */
export function durationText(task: Task, now: number): string | undefined {
  // Drafts may carry a start_time (docs/PLATFORM.md#the-task-resource) but have not run: no duration to show.
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

/**
 * Why a failed task failed, for its row: "Failed in step_3: the tool exited with code 1" from the
 * platform's `execution_status.message` and, once known, the failed job's name. A leading
 * "Failed:" of the message is not repeated. Undefined for a task that did not fail.
 */
export function failureText(task: Task, failedJob?: string): string | undefined {
  if (task.status !== 'FAILED') return undefined;
  const reason = (task.execution_status?.message ?? '').replace(/^\s*failed\s*[:.-]?\s*/i, '').trim();
  const where = failedJob ? `Failed in ${failedJob}` : 'Failed';
  return reason ? `${where}: ${reason}` : where;
}

export function joinParts(parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => !!part).join(' · ');
}

/**
 * The status and the platform's message, the status said once: the message often repeats it
 * ("Completed", "Failed: ..."), which read "Completed: Completed" and "Failed: Failed: ...".
 */
export function statusLine(task: Task): string {
  // As statusLabel (statusIcons.ts) writes it; that module needs vscode, this one is plain.
  const label = task.status ? task.status.charAt(0) + task.status.slice(1).toLowerCase() : 'Unknown';
  const message = task.execution_status?.message?.trim();
  if (!message) return label;
  const lower = message.toLowerCase();
  const status = label.toLowerCase();
  if (lower === status || lower === `${status}.`) return label;
  const rest = lower.startsWith(`${status}:`) ? message.slice(status.length + 1).trim() : message;
  return rest ? `${label}: ${rest}` : label;
}

/**
 * What tells apart two watched tasks of the same name: "started Jan 5 09:00 · #2e1ebed1" (its
 * start, or its creation before it starts, in this machine's time zone, and the first 8
 * characters of its id).
 */
export function tellApartText(task: Task): string {
  // A draft may carry a start_time (docs/PLATFORM.md#the-task-resource) but has not started.
  const started = task.start_time && task.status !== 'DRAFT' ? Date.parse(task.start_time) : NaN;
  const created = task.created_time ? Date.parse(task.created_time) : NaN;
  const when = !Number.isNaN(started) ? `started ${clockText(started)}` : !Number.isNaN(created) ? `created ${clockText(created)}` : undefined;
  return joinParts([when, `#${task.id.slice(0, 8)}`]);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function clockText(time: number): string {
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[date.getMonth()]} ${date.getDate()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
