/**
 * Read-only views of platform data (a task's inputs and outputs as JSON, its execution details as
 * a Markdown table, a job's log tail)
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
    await this.showText(`${path}.json`, JSON.stringify(value, null, 2) + '\n', 'json');
  }

  /** Opens (or refreshes) a read-only document named `name` (with its extension) in `languageId`. */
  async showText(name: string, text: string, languageId: string): Promise<vscode.Uri> {
    const uri = this.uriFor(name);
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== languageId) await vscode.languages.setTextDocumentLanguage(document, languageId);
    await vscode.window.showTextDocument(document, { preview: false });
    return uri;
  }

  uriFor(name: string): vscode.Uri {
    // '/' in a task or job name would make folders of the title.
    return vscode.Uri.from({ scheme: VIEW_SCHEME, path: `/${name.replace(/[/\\]/g, '∕')}` });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
