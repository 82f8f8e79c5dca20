/**
 * GET /tasks/{id}/execution_details: one job per app step, their state derived from the task's
 * status and elapsed time. Batch parents and drafts have no jobs (`jobs: null`, docs/PLATFORM.md#execution-details).
 * Jobs carry what the SDKs' job models read (docs/PLATFORM.md#execution-details; sevenbridges-python job.py,
 * job_instance.py, job_instance_disk.py, job_docker.py, job_log.py): `instance` with its `disk`,
 * `docker.checksum`, and `logs`, a map of log name to a URL of the form `.../files/<id>/...`
 * (the SDK takes the log's file id from that path). A job's logs appear once it has ended.
 */
import { createHash } from 'node:crypto';
import type { ExecutionDetails, Job } from '../../../platform/src/types';
import { isoTime } from '../clock';
import { hexId } from '../ids';
import type { TaskRecord } from '../store';
import { instanceTypeOf } from './pricing';

/** The logs an ended job has, in the order the platform lists them (names are the emulator's choice). */
export const JOB_LOG_NAMES = ['cmd.log', 'job.err.log'] as const;
/** The disk of every emulated instance (the platform's default for `ebs-gp2`). */
export const JOB_DISK = { size: 1024, unit: 'GB', type: 'ebs-gp2' } as const;

/** The file id of one log of one job: stable, so a log's URL and its file agree. */
export function jobLogFileId(taskId: string, jobName: string, logName: string): string {
  return hexId(`log:${taskId}/${jobName}/${logName}`);
}

/** `baseUrl` (…/v2) prefixes the log URLs; by default it is taken from the task's href. */
export function executionDetails(record: TaskRecord, now: number, baseUrl = baseOf(record.task.href)): ExecutionDetails {
  const task = record.task;
  const details: ExecutionDetails = {
    href: `${task.href}/execution_details`,
    start_time: task.start_time ?? undefined,
    end_time: task.end_time ?? undefined,
    status: task.status,
    message: task.execution_status?.message,
    jobs: null,
  };
  // No job before the instance is up ("Initializing...": no steps counted yet).
  if (task.batch || task.status === 'DRAFT' || !task.start_time || task.execution_status?.steps_total === undefined) return details;
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
    const name = `step_${i + 1}`;
    jobs.push({
      name,
      start_time: isoTime(jobStart),
      ...(status === 'RUNNING' ? {} : { end_time: isoTime(jobEnd) }),
      status,
      command_line: `run-step ${i + 1}`,
      retried: false,
      instance: { id: `i-${task.id.slice(0, 8)}`, type: instanceTypeOf(task), provider: 'AWS', disk: { ...JOB_DISK } },
      docker: { checksum: `sha256:${createHash('sha256').update(`docker:${task.app ?? ''}/${name}`).digest('hex')}` },
      logs: status === 'RUNNING' ? {} : Object.fromEntries(JOB_LOG_NAMES.map((log) => [log, `${baseUrl}/files/${jobLogFileId(task.id, name, log)}/download_info`])),
    });
  }
  details.jobs = jobs;
  return details;
}

function baseOf(href: string | undefined): string {
  return href?.replace(/\/tasks\/[^/]+$/, '') ?? '';
}
