/**
 * What the commands ask of the language server, given the language client as activation started
 * it (undefined when it did not start): each says when the server is not there to answer.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientNotifications, ServerRequests } from '../../../server/src/protocol';

export type LanguageClientPromise = Promise<LanguageClient | undefined>;

/** Tells the language server to forget its cache; false when the server is not running. */
export async function clearServerCache(languageClient: LanguageClientPromise): Promise<boolean> {
  const client = await languageClient;
  if (!client?.isRunning()) return false;
  await client.sendNotification(ClientNotifications.clearCache);
  return true;
}

/** The language server's batch preview of a task file: null when it makes no batch, undefined when the server is not running. */
export async function batchPreview(languageClient: LanguageClientPromise, uri: vscode.Uri): Promise<ServerRequests.BatchPreviewResult | null | undefined> {
  const client = await languageClient;
  if (!client?.isRunning()) return undefined;
  return client.sendRequest(ServerRequests.batchPreview, { uri: client.code2ProtocolConverter.asUri(uri) });
}

/** Applies a WorkspaceEdit in the protocol's shape (from the server); false when it could not. */
export async function applyServerEdit(languageClient: LanguageClientPromise, edit: unknown): Promise<boolean> {
  const client = await languageClient;
  if (!client) return false;
  const converted = await client.protocol2CodeConverter.asWorkspaceEdit(edit as Parameters<typeof client.protocol2CodeConverter.asWorkspaceEdit>[0]);
  return converted ? vscode.workspace.applyEdit(converted) : false;
}
