/**
 * The execution details view: the rendered Markdown table in a read-only editor, with a CodeLens
 * above each job's row per log ("$(output) job.err.log", stderr first) that opens the log's tail
 * with one click (sbgTasks.openJobLog).
 */
import * as vscode from 'vscode';
import type { ExecutionDetails, Task } from '../../../platform/src/types';
import type { ReadOnlyDocuments } from './readOnlyDocuments';
import { VIEW_SCHEME } from './readOnlyDocuments';
import { renderExecutionDetails, type JobLine } from './executionDetailsText';

export const OPEN_JOB_LOG_COMMAND = 'sbgTasks.openJobLog';

/** What sbgTasks.openJobLog is given. */
export interface JobLogTarget {
  taskId: string;
  taskName: string;
  jobName: string;
  logName: string;
  link: string;
}

export class ExecutionDetailsView implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly shown = new Map<string, { task: Task; jobs: JobLine[] }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor(private readonly documents: ReadOnlyDocuments) {
    this.registration = vscode.languages.registerCodeLensProvider({ scheme: VIEW_SCHEME, pattern: '**/*execution details.md' }, this);
  }

  async show(task: Task, details: ExecutionDetails): Promise<vscode.Uri> {
    const rendered = renderExecutionDetails(task, details);
    const uri = this.documents.uriFor(`${task.name ?? task.id} (${task.id}) execution details.md`);
    this.shown.set(uri.toString(), { task, jobs: rendered.jobs });
    this.changed.fire();
    return this.documents.showText(`${task.name ?? task.id} (${task.id}) execution details.md`, rendered.text, 'markdown');
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const entry = this.shown.get(document.uri.toString());
    if (!entry) return [];
    return entry.jobs.flatMap(({ job, line, logs }) => {
      const range = new vscode.Range(line, 0, line, 0);
      if (logs.length === 0) return [new vscode.CodeLens(range, { title: `${job.name}: no logs yet`, command: '' })];
      return logs.map(([logName, link]) => {
        const target: JobLogTarget = { taskId: entry.task.id, taskName: entry.task.name ?? entry.task.id, jobName: job.name, logName, link };
        return new vscode.CodeLens(range, { title: `$(output) ${job.name}: ${logName}`, tooltip: `Open the last 64 KB of ${logName} of ${job.name}`, command: OPEN_JOB_LOG_COMMAND, arguments: [target] });
      });
    });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
