/**
 * Files a run leaves behind, with content, so downloads and log tails have bytes to serve: the
 * outputs of a completed task (one file per File output, two per File[] output, named after the
 * output with the extension its port declares) and the logs of every ended job (`cmd.log`, and
 * `job.err.log` whose last lines say why a failed job failed). They live in the task's project,
 * in a folder of their own (not the project root, so listings of the root stay as seeded).
 */
import type { ExecutionDetails, PlatformFile, Task } from '../../../platform/src/types';
import { isoTime } from '../clock';
import { hexId } from '../ids';
import type { Store } from '../store';

/** What the emulator knows of an app's output port. */
export interface OutputPort {
  id: string;
  isArray: boolean;
  /** Without the dot, e.g. "bam"; "txt" when the port declares none. */
  extension: string;
}

/** The folder a task's files live in: stable per task. */
function folderOf(task: Task): string {
  return hexId(`files-of:${task.id}`);
}

function addWithContent(store: Store, file: PlatformFile, content: Buffer): void {
  if (!store.files.has(file.id)) store.addFile(file);
  store.contents.set(file.id, content);
}

/** The outputs of a task that just completed: files in the store, File objects for `task.outputs`. */
export function createOutputs(store: Store, task: Task, ports: readonly OutputPort[], now: number): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  for (const port of ports) {
    const count = port.isArray ? 2 : 1;
    const files = [];
    for (let index = 0; index < count; index++) {
      const stem = (task.batch_group?.value || task.name || 'task').replace(/\.[a-z.]+$/i, '').replace(/[^A-Za-z0-9_-]+/g, '_');
      const name = `${stem}.${port.id}${port.isArray ? `.${index + 1}` : ''}.${port.extension}`;
      const id = hexId(`output:${task.id}/${port.id}/${index}`);
      const content = outputContent(task, port.id, index);
      const file: PlatformFile = {
        id,
        type: 'file',
        name,
        size: content.length,
        project: task.project,
        parent: folderOf(task),
        created_on: isoTime(now),
        modified_on: isoTime(now),
        origin: { task: task.id },
        metadata: {},
        tags: [],
      };
      addWithContent(store, file, content);
      files.push({ class: 'File', path: id, name, size: content.length });
    }
    outputs[port.id] = port.isArray ? files : files[0];
  }
  return outputs;
}

/** Deterministic bytes, a few KB, different for every task, output and index. */
function outputContent(task: Task, outputId: string, index: number): Buffer {
  const lines = [`# ${outputId} ${index + 1} of task ${task.id} (${task.name ?? ''})`];
  for (let line = 0; line < 64; line++) lines.push(`${hexId(`${task.id}/${outputId}/${index}/${line}`)}\t${line}\t${(line * 7919) % 1000}`);
  return Buffer.from(lines.join('\n') + '\n');
}

/** Registers the log files the execution details point to (once each), with their content. */
export function registerJobLogs(store: Store, task: Task, details: ExecutionDetails): void {
  for (const job of details.jobs ?? []) {
    for (const [logName, url] of Object.entries(job.logs ?? {})) {
      const id = /\/files\/([0-9a-f]{24})\//.exec(String(url))?.[1];
      if (!id || store.contents.has(id)) continue;
      const content = logContent(task, job.name, logName, String(job.status ?? ''), job.command_line ?? '');
      addWithContent(
        store,
        { id, type: 'file', name: `${job.name}.${logName}`, size: content.length, project: task.project, parent: folderOf(task), origin: { task: task.id }, metadata: {}, tags: [] },
        content,
      );
    }
  }
}

function logContent(task: Task, jobName: string, logName: string, status: string, commandLine: string): Buffer {
  if (!logName.includes('err')) return Buffer.from(`${commandLine}\n`);
  const lines = [];
  for (let line = 1; line <= 40; line++) lines.push(`[${jobName}] INFO processed batch ${line} of ${task.batch_group?.value ?? task.name ?? task.id}`);
  if (status === 'FAILED') {
    lines.push(`[${jobName}] ERROR cannot allocate memory while sorting reads`);
    lines.push(`[${jobName}] ERROR the tool exited with code 137 (killed: out of memory)`);
  } else {
    lines.push(`[${jobName}] INFO done`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}

/** Replaces a file's content (tests: a 10 MB log). */
export function setContent(store: Store, fileId: string, content: Buffer): void {
  store.contents.set(fileId, content);
  const file = store.files.get(fileId);
  if (file) file.size = content.length;
}
