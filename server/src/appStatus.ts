/**
 * The `sbg/appStatus` notification behind the client's language status item: which app revision
 * a document is checked against and whether its ports came from the cache. Sent only when what
 * it says changes.
 */
import type { Connection } from 'vscode-languageserver/node';
import { ServerNotifications } from './protocol';
import type { AppState } from './service';
import type { ReferencedIds } from './service/document/references';

export class AppStatusReporter {
  private readonly last = new Map<string, string>();

  constructor(private readonly connection: Pick<Connection, 'sendNotification'>) {}

  report(uri: string, app: ReferencedIds['app'], state: AppState | undefined): void {
    const params = statusOf(uri, app, state);
    const text = JSON.stringify(params);
    if (this.last.get(uri) === text) return;
    this.last.set(uri, text);
    void this.connection.sendNotification(ServerNotifications.appStatus, params);
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

export function statusOf(uri: string, app: ReferencedIds['app'], state: AppState | undefined): ServerNotifications.AppStatusParams {
  if (!app || !state) return { uri, state: 'none' };
  const params: ServerNotifications.AppStatusParams = { uri, appId: app.id, state: state.state };
  if (app.revision !== undefined) params.revision = app.revision;
  if (state.state === 'ready') {
    if (params.revision === undefined && state.model.revision !== undefined) params.revision = state.model.revision;
    params.fromCache = state.fromCache === true;
    if (state.fetchedAt !== undefined) params.fetchedAt = state.fetchedAt;
  } else if (state.state === 'unavailable' || state.state === 'not-found') {
    params.message = state.reason;
  }
  return params;
}
