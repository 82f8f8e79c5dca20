/**
 * Execution details as a readable Markdown table: one row per job with status, instance type,
 * start, end, duration and whether it was retried, failed jobs first (then in the platform's
 * order). Pure: the view (executionDetailsView.ts) adds the one-click log links as CodeLenses on
 * the lines this reports.
 */
import type { ExecutionDetails, Job, Task } from '../../../platform/src/types';

export interface JobLine {
  job: Job;
  /** 0-based line of the job's row in the text. */
  line: number;
  /** Log name → link (`…/files/{id}/…`), as the platform gives them, stderr first. */
  logs: [string, string][];
}

export interface RenderedDetails {
  text: string;
  jobs: JobLine[];
}

export function jobsFailedFirst(jobs: readonly Job[]): Job[] {
  const failed = (job: Job) => String(job.status ?? '').toUpperCase() === 'FAILED';
  return [...jobs.filter(failed), ...jobs.filter((job) => !failed(job))];
}

export function renderExecutionDetails(task: Task, details: ExecutionDetails): RenderedDetails {
  const lines = [`# ${task.name ?? task.id}: execution details`, '', `Task \`${task.id}\` · ${details.status ?? task.status ?? 'unknown'}${details.message ? ` · ${cell(details.message)}` : ''}`, ''];
  const jobs: JobLine[] = [];
  if (!details.jobs || details.jobs.length === 0) {
    lines.push(task.batch ? 'A batch task has no jobs of its own: open one of its children.' : 'No jobs yet: the task has not started any.');
    return { text: lines.join('\n') + '\n', jobs };
  }
  lines.push('Failed jobs come first. Above each job, its logs open with one click.', '');
  lines.push('| Job | Status | Instance | Start | End | Duration | Retried |', '|---|---|---|---|---|---|---|');
  for (const job of jobsFailedFirst(details.jobs)) {
    jobs.push({ job, line: lines.length, logs: logLinks(job) });
    lines.push(`| ${cell(job.name)} | ${cell(job.status ?? '')} | ${cell(instanceType(job))} | ${time(job.start_time)} | ${time(job.end_time)} | ${duration(job.start_time, job.end_time)} | ${job.retried ? 'yes' : 'no'} |`);
  }
  const messages = jobs.filter(({ job }) => job.message);
  if (messages.length > 0) lines.push('', ...messages.map(({ job }) => `- **${cell(job.name)}**: ${cell(job.message!)}`));
  return { text: lines.join('\n') + '\n', jobs };
}

/** The logs of a job, stderr first: links of the form `…/files/{id}/…`. */
export function logLinks(job: Job): [string, string][] {
  const entries = Object.entries(job.logs ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && logFileId(entry[1]) !== undefined);
  return entries.sort(([a], [b]) => Number(isStderr(b)) - Number(isStderr(a)));
}

export function isStderr(logName: string): boolean {
  return /err/i.test(logName);
}

/** The file id in a log link (the SDKs read it from the path the same way). */
export function logFileId(link: string): string | undefined {
  return /\/files\/([0-9a-fA-F]{24})(?:\/|$)/.exec(link)?.[1];
}

function instanceType(job: Job): string {
  const type = (job.instance as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : '';
}

function time(iso: string | undefined): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '';
  return new Date(iso).toISOString().replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

function duration(start: string | undefined, end: string | undefined): string {
  const from = start ? Date.parse(start) : NaN;
  const to = end ? Date.parse(end) : NaN;
  if (Number.isNaN(from) || Number.isNaN(to)) return start && !end ? 'running' : '';
  const seconds = Math.max(0, Math.round((to - from) / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

/** Platform text inside a table cell: no pipes or line breaks to break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
