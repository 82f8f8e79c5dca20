/**
 * The CLI's resolution of `$import`, `$include` and `$mixin` in a local app (issue 12 §3): files
 * relative to the file that names them, a cycle and a chain deeper than MAX_IMPORT_DEPTH noted
 * as unresolved (never followed for ever), and the reader marking what it could not check.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_IMPORT_DEPTH, resolveReferences } from '../../server/src/cli/appReferences';
import { parseApp, portsToJson } from '../../server/src/service/cwl/parseApp';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sbg-refs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const tool = (inputs: unknown, requirements: unknown[] = []) => ({ cwlVersion: 'v1.0', class: 'CommandLineTool', requirements, inputs, outputs: [] });

describe('resolveReferences', () => {
  it('follows $import, $include and $mixin relative to the file that names them', async () => {
    write('nested/outer.yml', 'type: record\nname: Outer\nfields:\n  inner:\n    $import: inner.yml\n');
    write('nested/inner.yml', '{"type": "enum", "symbols": ["x", "y"]}');
    write('doc.txt', 'Some words.');
    write('mix.yml', 'type: array\nitems: int\n');
    const app = tool(
      { outer: { type: 'nested/outer.yml#Outer', doc: { $include: 'doc.txt' } }, counts: { type: { $mixin: 'mix.yml' } } },
      [{ class: 'SchemaDefRequirement', types: [{ $import: 'nested/outer.yml' }] }],
    );
    const { document, unresolved } = await resolveReferences(app, path.join(dir, 'app.cwl'));
    assert.deepEqual([...unresolved], []);
    assert.deepEqual(portsToJson(parseApp(document)), [
      { id: 'outer', type: 'record{inner: enum(x|y)}', required: true, fields: [{ id: 'inner', type: 'enum(x|y)', required: true }], description: 'Some words.' },
      { id: 'counts', type: 'int[]', required: true },
    ]);
  });

  it('stops at a cycle and at a chain deeper than the limit, saying so', async () => {
    write('a.yml', '$import: b.yml\n');
    write('b.yml', '$import: a.yml\n');
    for (let i = 0; i <= MAX_IMPORT_DEPTH + 1; i++) write(`chain/${i}.yml`, `$import: ${i + 1}.yml\n`);
    const { unresolved } = await resolveReferences(tool({ loop: { $import: 'a.yml' }, deep: { $import: 'chain/0.yml' } }), path.join(dir, 'app.cwl'));
    assert.equal(unresolved.get('a.yml'), 'it refers back to itself: a.yml → b.yml → a.yml');
    assert.equal(unresolved.get(`${MAX_IMPORT_DEPTH}.yml`), `files refer to files more than ${MAX_IMPORT_DEPTH} deep`);
  });

  it('a missing file or one that is not YAML is noted, and the reader marks the input as not checked', async () => {
    write('broken.yml', 'type: [unclosed\n');
    const app = tool({ gone: 'missing.yml#Gone', broken: { type: { $import: 'broken.yml' } } }, [{ class: 'SchemaDefRequirement', types: [{ $import: 'missing.yml' }] }]);
    const { document, unresolved } = await resolveReferences(app, path.join(dir, 'app.cwl'));
    assert.match(unresolved.get('missing.yml')!, /^no such file: .*missing\.yml$/);
    assert.match(unresolved.get('broken.yml')!, /^broken\.yml is neither JSON nor valid YAML/);
    const ports = portsToJson(parseApp(document, { unresolved }));
    assert.deepEqual(ports.map((port) => [port.id, port.type]), [['gone', 'Any'], ['broken', 'Any']]);
    assert.match(ports[0].unchecked!, /^its type "missing\.yml#Gone" comes from missing\.yml, which could not be read \(no such file: /);
    assert.match(ports[1].unchecked!, /^its type is brought in by \$import of broken\.yml, which could not be read \(broken\.yml is neither JSON/);
  });
});
