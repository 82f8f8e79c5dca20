/**
 * Download… on an output row: a file row asks where to save it (a save dialog proposing its name
 * in the first workspace folder), a folder row (a File[] output) asks for a folder and saves each
 * file there under its own name, never over a file already there. The bytes stream to disk under
 * a progress notification with Cancel; a cancelled or failed download leaves nothing behind.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { localNames } from '../../../../platform/src/taskOutputs';
import { formatSize } from '../../../../server/src/service';
import { downloadFiles, type DownloadJob, type DownloadReport } from '../../outputs/downloadFiles';
import { isOutputRow, type OutputRow } from '../../tree/nodes/outputNodes';
import { requireSession } from '../steps';
import type { Ctx } from '../../context';

export const downloadOutput = (ctx: Ctx) => async (target?: unknown) => {
  if (!isOutputRow(target)) {
    void vscode.window.showWarningMessage('Choose an output file or folder under a completed task in the Seven Bridges Tasks view to download it.');
    return;
  }
  const session = await requireSession(ctx);
  if (!session) return;
  const jobs = await chooseTargets(target);
  if (!jobs) return;
  const what = jobs.length === 1 ? jobs[0].file.name : `${jobs.length} files of ${target.files[0].outputId}`;
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Downloading ${what}`, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      try {
        return await downloadFiles(session.client, jobs, {
          signal: controller.signal,
          overwrite: target.files.length === 1,
          onProgress: (received, total, file) => {
            const percent = total ? Math.min(100, (received / total) * 100) : 0;
            const bytes = `${formatSize(received)}${total ? ` of ${formatSize(total)}` : ''}`;
            progress.report({ increment: percent - reported, message: jobs.length > 1 ? `${file.name}: ${bytes}` : bytes });
            reported = percent;
          },
        });
      } finally {
        subscription.dispose();
      }
    },
  );
  announce(ctx.log, report);
};

/** Where each file goes: a save dialog for one file, a folder for several; undefined when the user backed out. */
async function chooseTargets(row: OutputRow): Promise<DownloadJob[] | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const names = localNames(row.files);
  if (row.files.length === 1) {
    const uri = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, names[0]) : undefined,
      title: `Download ${row.files[0].name}`,
      saveLabel: 'Download',
    });
    return uri && onDisk(uri) ? [{ file: row.files[0], target: uri.fsPath }] : undefined;
  }
  const picked = await vscode.window.showOpenDialog({
    defaultUri: folder,
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    title: `Download the ${row.files.length} files of ${row.files[0].outputId} into…`,
    openLabel: 'Download Here',
  });
  const dir = picked?.[0];
  return dir && onDisk(dir) ? row.files.map((file, index) => ({ file, target: path.join(dir.fsPath, names[index]) })) : undefined;
}

/** Downloads are written by the extension host's Node: only to its own file system. */
function onDisk(uri: vscode.Uri): boolean {
  if (uri.scheme === 'file') return true;
  void vscode.window.showErrorMessage(`Downloads are written to the disk the extension runs on; ${uri.toString()} is not on it. Choose a folder there.`);
  return false;
}

function announce(log: vscode.LogOutputChannel, report: DownloadReport): void {
  for (const { job, message } of report.failed) log.error(`download ${job.file.name} (${job.file.fileId}): ${message}`);
  const parts: string[] = [];
  if (report.written.length === 1) parts.push(`Downloaded ${report.written[0].job.file.name} (${formatSize(report.written[0].bytes)}) to ${report.written[0].job.target}.`);
  else if (report.written.length > 1) parts.push(`Downloaded ${report.written.length} files to ${path.dirname(report.written[0].job.target)}.`);
  if (report.skipped.length > 0) parts.push(`Not overwritten (already there): ${report.skipped.map((job) => path.basename(job.target)).join(', ')}.`);
  if (report.failed.length > 0) parts.push(`Could not download ${report.failed.map(({ job, message }) => `${job.file.name}: ${message}`).join('; ')}.`);
  if (report.cancelled) parts.push('Cancelled: the file being downloaded was not kept.');
  const text = parts.join(' ');
  if (report.failed.length > 0) void vscode.window.showErrorMessage(text);
  else if (report.cancelled || report.skipped.length > 0) void vscode.window.showWarningMessage(text);
  else void vscode.window.showInformationMessage(text);
}
