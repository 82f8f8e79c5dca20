/**
 * Read-only JSON views of platform data (a task's inputs and outputs, its execution details)
 * under the `sbg-tasks-view:` scheme: the editor shows them without a file and cannot save them.
 */
import * as vscode from 'vscode';

export const VIEW_SCHEME = 'sbg-tasks-view';

export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '// This view is no longer available: run the command again.';
  }

  /** Opens (or refreshes) a read-only JSON document named `title`. */
  async show(path: string, value: unknown): Promise<void> {
    const uri = vscode.Uri.from({ scheme: VIEW_SCHEME, path: `/${path}.json` });
    this.contents.set(uri.toString(), JSON.stringify(value, null, 2) + '\n');
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'json');
    await vscode.window.showTextDocument(document, { preview: true });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
