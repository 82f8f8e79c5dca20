/**
 * A language status item for task files: which app revision the file is checked against,
 * and whether its ports came from the cache (and how old it is). Fed by the server's
 * `sbg/appStatus` notifications, one per document.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ServerNotifications } from '../../../server/src/protocol';

export function registerLanguageStatus(client: LanguageClient): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('sbgTasks.app', { language: 'sbg-task' });
  item.name = 'Seven Bridges app';
  item.command = { title: 'Refresh', command: 'sbgTasks.clearCache', tooltip: 'Fetch the app’s inputs again' };
  const byUri = new Map<string, ServerNotifications.AppStatusParams>();

  const show = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? byUri.get(uri) : undefined;
    Object.assign(item, describe(status));
  };
  const notifications = client.onNotification(ServerNotifications.appStatus, (params) => {
    byUri.set(params.uri, params);
    show();
  });
  const editors = vscode.window.onDidChangeActiveTextEditor(show);
  const closed = vscode.workspace.onDidCloseTextDocument((document) => byUri.delete(document.uri.toString()));
  show();
  return vscode.Disposable.from(item, notifications, editors, closed);
}

function describe(status: ServerNotifications.AppStatusParams | undefined): Pick<vscode.LanguageStatusItem, 'text' | 'detail' | 'severity' | 'busy'> {
  if (!status || status.state === 'none') {
    return { text: 'No app', detail: 'Name an app in "app" to check the inputs against it', severity: vscode.LanguageStatusSeverity.Information, busy: false };
  }
  const app = `${status.appId ?? 'app'}${status.revision !== undefined ? ` rev ${status.revision}` : ''}`;
  switch (status.state) {
    case 'pending':
      return { text: `$(sync~spin) ${app}`, detail: 'Fetching the app’s inputs…', severity: vscode.LanguageStatusSeverity.Information, busy: true };
    case 'ready':
      return {
        text: `Checked against ${app}`,
        detail: status.fromCache ? `Inputs from the cache${status.fetchedAt ? `, fetched ${new Date(status.fetchedAt).toLocaleString()}` : ''}` : 'Inputs fetched from the platform',
        severity: vscode.LanguageStatusSeverity.Information,
        busy: false,
      };
    case 'not-found':
      return { text: `${app} not found`, detail: status.message ?? 'The platform does not know this app', severity: vscode.LanguageStatusSeverity.Error, busy: false };
    case 'unavailable':
      return { text: `${app}: inputs unavailable`, detail: status.message ?? 'The app could not be fetched; inputs are not checked', severity: vscode.LanguageStatusSeverity.Warning, busy: false };
  }
}
