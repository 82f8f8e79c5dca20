/**
 * The draft's own `errors` and `warnings`, as the platform answered them, shown on the file
 * that was sent, in a collection of their own so they are never mistaken for (or replaced by)
 * the language server's. An issue goes away when its input is edited or the file is sent again.
 */
import * as vscode from 'vscode';
import { relocateIssues, type LocatedIssue } from './platformIssues';

export class PlatformDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('sbgTasks.platform');
  private readonly issues = new Map<string, { issues: LocatedIssue[]; source: string }>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => this.follow(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => document.isUntitled && this.clear(document.uri)),
    ];
  }

  /** Shows what the platform said about `document` as it was sent; `source` is the platform's name ("CGC"). */
  set(document: vscode.TextDocument, issues: LocatedIssue[], source: string): void {
    this.issues.set(document.uri.toString(), { issues, source });
    this.render(document);
  }

  clear(uri: vscode.Uri): void {
    this.issues.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.collection.dispose();
  }

  private follow(document: vscode.TextDocument): void {
    const entry = this.issues.get(document.uri.toString());
    if (!entry) return;
    entry.issues = relocateIssues(document.getText(), entry.issues);
    this.render(document);
  }

  private render(document: vscode.TextDocument): void {
    const entry = this.issues.get(document.uri.toString());
    if (!entry || entry.issues.length === 0) {
      this.clear(document.uri);
      return;
    }
    this.collection.set(
      document.uri,
      entry.issues.map((issue) => {
        const range = new vscode.Range(document.positionAt(issue.start), document.positionAt(issue.end));
        const diagnostic = new vscode.Diagnostic(
          range,
          issue.inputId && !issue.message.includes(issue.inputId) ? `${issue.inputId}: ${issue.message}` : issue.message,
          issue.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
        diagnostic.source = entry.source;
        if (issue.type) diagnostic.code = issue.type;
        return diagnostic;
      }),
    );
  }
}
