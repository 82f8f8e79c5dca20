/**
 * GET /tasks/{id}/execution_details: one job per app step, their state derived from the task's
 * status and elapsed time. Batch parents and drafts have no jobs (`jobs: null`, SBG-API.md §5.3).
 */
import type { ExecutionDetails, Job } from '../../../platform/src/types';
import { isoTime } from '../clock';
import type { TaskRecord } from '../store';

export function executionDetails(record: TaskRecord, now: number): ExecutionDetails {
  const task = record.task;
  const details: ExecutionDetails = {
    href: `${task.href}/execution_details`,
    start_time: task.start_time ?? undefined,
    end_time: task.end_time ?? undefined,
    status: task.status,
    message: task.execution_status?.message,
    jobs: null,
  };
  if (task.batch || task.status === 'DRAFT' || !task.start_time) return details;
  const steps = task.execution_status?.steps_total ?? 1;
  const started = Date.parse(task.start_time);
  const stepMs = record.durationMs / Math.max(1, steps);
  const ended = task.end_time ? Date.parse(task.end_time) : now;
  const jobs: Job[] = [];
  for (let i = 0; i < steps; i++) {
    const jobStart = started + i * stepMs;
    if (jobStart > ended) break;
    const jobEnd = Math.min(jobStart + stepMs, ended);
    const isLast = i === steps - 1 || jobEnd >= ended;
    const status = task.status === 'RUNNING' && jobEnd >= ended ? 'RUNNING' : isLast && task.status === 'FAILED' ? 'FAILED' : isLast && task.status === 'ABORTED' ? 'ABORTED' : 'DONE';
    jobs.push({
      name: `step_${i + 1}`,
      start_time: isoTime(jobStart),
      ...(status === 'RUNNING' ? {} : { end_time: isoTime(jobEnd) }),
      status,
      command_line: `run-step ${i + 1}`,
      retried: false,
      instance: { id: `i-${task.id.slice(0, 8)}`, type: 'c5.2xlarge', provider: 'AWS' },
    });
  }
  details.jobs = jobs;
  return details;
}
