/**
 * The batch preview's read-only view: a virtual Markdown document per task file, whose text the
 * language server computed (sbg/batchPreview). Opening it again refreshes it.
 */
import * as vscode from 'vscode';

export const BATCH_PREVIEW_SCHEME = 'sbg-batch-preview';

/** The previews' texts by their virtual URI, and the provider VS Code reads them through. One per activation (context.ts). */
export class BatchPreviews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(BATCH_PREVIEW_SCHEME, this);
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This batch preview is gone: run Preview Batch again.';
  }

  /** Shows the preview of `taskFile` beside it, read-only. */
  async show(taskFile: vscode.Uri, markdown: string): Promise<vscode.TextEditor> {
    const name = taskFile.path.split('/').pop() ?? 'task';
    const uri = vscode.Uri.from({ scheme: BATCH_PREVIEW_SCHEME, path: `/Batch preview of ${name}.md`, query: taskFile.toString() });
    this.texts.set(uri.toString(), markdown);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: false });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
