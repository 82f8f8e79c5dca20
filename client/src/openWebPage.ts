/**
 * Opens a platform web page in the user's browser. In a web workbench (code-server), VS Code maps
 * a URL on this machine (127.0.0.1, localhost: the demo's emulator) to the host's port proxy, and
 * code-server's mapping keeps only the port: "http://127.0.0.1:8787/u/p/tasks/1/" becomes
 * "<code-server>/proxy/8787/", the proxied server's front page. So when the mapped address lost the
 * path, the path, query and fragment are put back on it (code-server's proxy forwards them); a URL
 * the mapping leaves alone or maps with its path (desktop port forwarding) opens as it is.
 */
import * as vscode from 'vscode';
import { isLoopbackHost } from '../../platform/src/urlSafety';

export async function openWebPage(url: string): Promise<boolean> {
  const uri = vscode.Uri.parse(url);
  if (!isLoopback(uri) || uri.path === '' || uri.path === '/') return vscode.env.openExternal(uri);
  const mapped = await vscode.env.asExternalUri(uri);
  if (mapped.toString() === uri.toString() || mapped.path.endsWith(uri.path)) return vscode.env.openExternal(uri);
  return vscode.env.openExternal(mapped.with({ path: `${mapped.path.replace(/\/+$/, '')}${uri.path}`, query: uri.query, fragment: uri.fragment }));
}

function isLoopback(uri: vscode.Uri): boolean {
  if (uri.scheme !== 'http' && uri.scheme !== 'https') return false;
  return isLoopbackHost(uri.authority.replace(/^[^@]*@/, '').replace(/:\d+$/, ''));
}
