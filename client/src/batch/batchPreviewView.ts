/**
 * The batch preview's read-only view: a virtual Markdown document per task file, whose text the
 * language server computed (sbg/batchPreview). Opening it again refreshes it.
 */
import * as vscode from 'vscode';

export const BATCH_PREVIEW_SCHEME = 'sbg-batch-preview';

class PreviewContents implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This batch preview is gone: run Preview Batch again.';
  }
}

const contents = new PreviewContents();

export function registerBatchPreviewView(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(BATCH_PREVIEW_SCHEME, contents);
}

/** Shows the preview of `taskFile` beside it, read-only. */
export async function showBatchPreview(taskFile: vscode.Uri, markdown: string): Promise<vscode.TextEditor> {
  const name = taskFile.path.split('/').pop() ?? 'task';
  const uri = vscode.Uri.from({ scheme: BATCH_PREVIEW_SCHEME, path: `/Batch preview of ${name}.md`, query: taskFile.toString() });
  contents.set(uri, markdown);
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: false });
}
