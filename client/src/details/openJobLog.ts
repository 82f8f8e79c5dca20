/**
 * Opens a job's log: its link's file id → GET /files/{id}/download_info → the last 64 KB with one
 * Range request (transfer.ts), under a progress notification with Cancel, in a read-only editor
 * titled with the job and log names. A server that ignores ranges is read at most LOG_CAP_BYTES.
 */
import * as vscode from 'vscode';
import type { SbgClient } from '../../../platform/src/client';
import { fetchTail, TransferError } from '../../../platform/src/transfer';
import type { ReadOnlyDocuments } from './readOnlyDocuments';
import { logFileId } from './executionDetailsText';
import { LOG_CAP_BYTES, LOG_TAIL_BYTES } from './logLimits';
import type { JobLogTarget } from './executionDetailsView';

export { LOG_CAP_BYTES, LOG_TAIL_BYTES };

/** The log's name in the editor's title: "step_3 job.err.log (align - S01).log". */
export function logTitle(target: JobLogTarget): string {
  return `${target.jobName} ${target.logName} (${target.taskName}).log`;
}

/** The text shown: the tail, from its first whole line, under a note when it is not the whole log. */
export function logText(bytes: Buffer, size: number | undefined, truncated: boolean): string {
  let text = bytes.toString('utf8');
  if (!truncated) return text;
  const firstBreak = text.indexOf('\n');
  if (firstBreak >= 0 && firstBreak < text.length - 1) text = text.slice(firstBreak + 1);
  const of = size !== undefined ? ` of ${formatBytes(size)}` : '';
  return `[showing the last ${formatBytes(bytes.length)}${of}; earlier lines left out]\n${text}`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}

export async function openJobLog(client: SbgClient, documents: ReadOnlyDocuments, target: JobLogTarget): Promise<vscode.Uri | undefined> {
  const fileId = logFileId(target.link);
  if (!fileId) {
    void vscode.window.showErrorMessage(`The link of ${target.logName} names no file: ${target.link}`);
    return undefined;
  }
  const title = logTitle(target);
  try {
    const text = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Reading ${target.logName} of ${target.jobName}`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          const { url } = await client.getDownloadInfo(fileId, { signal: controller.signal });
          let reported = 0;
          const tail = await fetchTail(url, LOG_TAIL_BYTES, LOG_CAP_BYTES, {
            signal: controller.signal,
            onProgress: ({ received, total }) => {
              if (!total) return;
              const percent = Math.min(100, (received / total) * 100);
              progress.report({ increment: percent - reported, message: `${formatBytes(received)}` });
              reported = percent;
            },
          });
          return logText(tail.bytes, tail.size, tail.truncated);
        } finally {
          subscription.dispose();
        }
      },
    );
    const uri = await documents.showText(title, text, 'log');
    revealEnd(uri);
    return uri;
  } catch (error) {
    if (error instanceof TransferError && error.kind === 'cancelled') return undefined;
    if ((error as Error).name === 'AbortError') return undefined;
    void vscode.window.showErrorMessage(`Could not read ${target.logName} of ${target.jobName}: ${(error as Error).message}`);
    return undefined;
  }
}

/** A log's last lines say why a job failed: show them, with the cursor at the end. */
function revealEnd(uri: vscode.Uri): void {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.uri.toString() !== uri.toString()) return;
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.Default);
}
