/**
 * The import rules of docs/ARCHITECTURE.md, read from the source: the VS Code client reaches the
 * server only through the service's facade and the protocol; the language service imports only
 * its own files and its parsing libraries (no file system, timers, VS Code or LSP connection);
 * and no two folders import each other, directly or round a loop.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { folderCycles, importsOf, sourceFiles, type Import } from './importGraph';

/** What the client may import from server/src: the language service's facade and the protocol between the two. */
const CLIENT_MAY_IMPORT_FROM_SERVER = ['server/src/service/index.ts', 'server/src/protocol/index.ts'];

/** The libraries the pure language service may import: parsers and LSP's plain data types. */
const SERVICE_LIBRARIES = ['jsonc-parser', 'vscode-json-languageservice', 'vscode-languageserver-textdocument', 'vscode-languageserver-types', 'yaml'];

/**
 * Files that import every part by design, left out of the loop check like a folder's index.ts:
 * the client's composition root and the context object it builds.
 */
const FRONT_DOORS = ['client/src/extension.ts', 'client/src/context.ts'];

/** The folders whose imports must form no loop. */
const LAYERED = ['platform/src', 'server/src', 'client/src'];

function describeImport(entry: Import): string {
  return `${entry.from} imports '${entry.specifier}'`;
}

describe('architecture: imports', () => {
  test('the client imports the server only through service/index.ts and the protocol', () => {
    const imports = sourceFiles('client/src').flatMap(importsOf);
    const intoServer = imports.filter((entry) => entry.target?.startsWith('server/'));
    assert.ok(intoServer.length > 0, 'the client imports the service and the protocol');
    const elsewhere = intoServer.filter((entry) => !CLIENT_MAY_IMPORT_FROM_SERVER.includes(entry.target!));
    assert.deepEqual(elsewhere.map(describeImport), []);
  });

  test('the language service imports only its own files and its libraries', () => {
    const imports = sourceFiles('server/src/service').flatMap(importsOf);
    const outside = imports.filter((entry) =>
      entry.target === undefined ? !SERVICE_LIBRARIES.includes(entry.specifier) : !entry.target.startsWith('server/src/service/'));
    assert.deepEqual(outside.map(describeImport), []);
  });

  test('the language service starts no timer', () => {
    const timers = sourceFiles('server/src/service').filter((file) => /\b(setTimeout|setInterval|setImmediate)\s*\(/.test(file.text));
    assert.deepEqual(timers.map((file) => file.path), []);
  });

  for (const root of LAYERED) {
    test(`no two folders of ${root} import each other, directly or round a loop`, () => {
      assert.deepEqual(folderCycles(sourceFiles(root).flatMap(importsOf), FRONT_DOORS), []);
    });
  }
});

describe('architecture: the checks themselves', () => {
  test('an import of a library or of a file outside the repository is read as such', () => {
    const [library, relative] = importsOf({ path: 'client/src/a/b.ts', text: "import x from 'vscode';\nimport { y } from '../../../server/src/data/platformData';" });
    assert.deepEqual([library.target, library.specifier], [undefined, 'vscode']);
    assert.equal(relative.target, 'server/src/data/platformData.ts');
  });

  test('a loop of three folders is found, and a folder importing itself is not a loop', () => {
    const edge = (from: string, target: string): Import => ({ from, specifier: '', target });
    const cycles = folderCycles([
      edge('x/a/one.ts', 'x/b/two.ts'), edge('x/b/two.ts', 'x/c/three.ts'), edge('x/c/three.ts', 'x/a/four.ts'),
      edge('x/d/five.ts', 'x/d/six.ts'),
    ]);
    assert.deepEqual(cycles, ['x/a → x/b → x/c → x/a']);
  });
});
