// The extension under test, as every suite reaches it: by the id the manifest gives it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SbgTasksApi } from '../../../client/src/extension';

export const manifest = require(path.resolve(__dirname, '../../../../package.json'));
export const extensionId = `${manifest.publisher}.${manifest.name}`;

/** Activates the extension (a no-op when it already is) and returns its API. */
export async function activateExtension(): Promise<SbgTasksApi> {
  const extension = vscode.extensions.getExtension<SbgTasksApi>(extensionId);
  assert.ok(extension, `extension ${extensionId} is loaded`);
  return extension.activate();
}
