/**
 * Downloads output files to disk one after the other: each file's `download_info` link, streamed
 * through a temporary file beside its target (transfer.ts), so a cancel or a failure leaves no
 * partial file under any name. Files already there are not overwritten unless the user chose that
 * very file in a save dialog (which asked). No VS Code here: the command (downloadOutput.ts) adds
 * the dialogs and the progress notification, and plain-Node tests drive this against the emulator.
 */
import { existsSync } from 'node:fs';
import type { SbgClient } from '../../../platform/src/client';
import type { OutputFile } from '../../../platform/src/taskOutputs';
import { downloadToFile, TransferError } from '../../../platform/src/transfer';

export interface DownloadJob {
  file: OutputFile;
  /** The absolute path to write. */
  target: string;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  /** Replace a file already at the target (the user chose it in a save dialog). */
  overwrite?: boolean;
  /** Bytes received over all files, and the total when every size is known. */
  onProgress?(received: number, total: number | undefined, file: OutputFile): void;
}

export interface DownloadReport {
  written: { job: DownloadJob; bytes: number }[];
  /** Already there and not overwritten. */
  skipped: DownloadJob[];
  failed: { job: DownloadJob; message: string }[];
  cancelled: boolean;
}

export async function downloadFiles(client: Pick<SbgClient, 'getDownloadInfo'>, jobs: readonly DownloadJob[], options: DownloadOptions = {}): Promise<DownloadReport> {
  const report: DownloadReport = { written: [], skipped: [], failed: [], cancelled: false };
  const total = jobs.every((job) => job.file.size !== undefined) ? jobs.reduce((sum, job) => sum + (job.file.size ?? 0), 0) : undefined;
  let before = 0;
  for (const job of jobs) {
    if (options.signal?.aborted) {
      report.cancelled = true;
      break;
    }
    if (!options.overwrite && existsSync(job.target)) {
      report.skipped.push(job);
      continue;
    }
    try {
      const { url } = await client.getDownloadInfo(job.file.fileId, { signal: options.signal });
      const bytes = await downloadToFile(url, job.target, {
        signal: options.signal,
        onProgress: ({ received }) => options.onProgress?.(before + received, total, job.file),
      });
      before += bytes;
      report.written.push({ job, bytes });
    } catch (error) {
      if (options.signal?.aborted || (error instanceof TransferError && error.kind === 'cancelled')) {
        report.cancelled = true;
        break;
      }
      report.failed.push({ job, message: (error as Error).message });
    }
  }
  return report;
}
