/**
 * Issue 9 §3: keys that name members of Object.prototype (`constructor`, `__proto__`,
 * `toString`, `hasOwnProperty`, ...) are ordinary unknown keys wherever they are written: in the
 * body, in `execution_settings` and `batch_by`, in `inputs`, in records and File objects, as
 * enum values and as the app's own port, field and type names. Before the fix the body check
 * read `schema.properties["constructor"]`, got Object's constructor function and threw.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, fileId } from '../test-utils/diagnose';
import { documentOf, withCursor } from '../test-utils/cursor';
import { appModel } from '../test-utils/fakeContext';
import { codeActions, complete, hover, parseAppText, portsToJson, validate, type TaskContext } from '../../server/src/service';

const prototypeKeys = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable'];

const app: TaskContext = { app: { state: 'ready', model: appModel({ rec: 'record{k: int}', mode: 'enum(a|b)', reads: 'File[]?' }) } };

/** A body with `key` written as a JSON key (JSON.stringify would drop `__proto__` from a literal). */
function bodyText(template: string, key: string): string {
  return template.replaceAll('KEY', key);
}

for (const key of prototypeKeys) {
  test(`"${key}" as a key of the body, execution_settings and batch_by is an unknown key, with the keys listed`, () => {
    const text = bodyText('{"project": "me/proj", "app": "me/proj/wf", "KEY": 1, "execution_settings": {"KEY": 1}, "batch_by": {"type": "item", "KEY": 1}, "batch_input": "reads"}', key);
    const findings = diagnose(text, app);
    assert.deepEqual(
      findings.map((f) => [f.code, f.at, f.severity]).sort(),
      [
        ['sbg.unknown-key', `"${key}"`, 'warning'],
        ['sbg.unknown-key', `"${key}"`, 'warning'],
        ['sbg.unknown-key', `"${key}"`, 'warning'],
        ['sbg.missing-required-input', '"app"', 'error'],
        ['sbg.missing-required-input', '"app"', 'error'],
      ].sort(),
      `findings of ${text}`,
    );
    const messages = findings.filter((f) => f.code === 'sbg.unknown-key').map((f) => f.message).sort();
    assert.match(messages.join('\n'), new RegExp(`Unknown key '${escape(key)}' in the task body: `));
    assert.match(messages.join('\n'), new RegExp(`Unknown key '${escape(key)}' in 'execution_settings': `));
    assert.match(messages.join('\n'), new RegExp(`Unknown key '${escape(key)}' in 'batch_by': `));
  });

  test(`"${key}" as an input, a record field, a File object's key and an enum value is reported as such`, () => {
    const text = bodyText(`{"project": "me/proj", "app": "me/proj/wf", "inputs": {"KEY": 1, "rec": {"k": 1, "KEY": 2}, "mode": "KEY", "reads": [{"class": "File", "path": "${fileId(1)}", "KEY": 3}]}}`, key);
    const findings = diagnose(text, app);
    assert.deepEqual(
      findings.map((f) => [f.code, f.at]),
      [
        ['sbg.unknown-input', `"${key}"`],
        ['sbg.record-field', `"${key}"`],
        ['sbg.enum-value', `"${key}"`],
        ['sbg.unknown-key', `"${key}"`],
      ],
    );
    assert.equal(findings[0].message, `The app has no input '${key}': its inputs are 'rec', 'mode' or 'reads'.`);
    assert.equal(findings[1].message, `Input 'rec' has no field '${key}': its fields are 'k'.`);
    assert.equal(findings[2].message, `'${key}' is not a value of input 'mode': use one of 'a' or 'b'.`);
  });

  test(`completion, hover and quick fixes at a "${key}" key answer as for any unknown key`, async () => {
    const marked = bodyText('{"project": "me/proj", "app": "me/proj/wf", "execution_settings": {"KE|Y": 1}, "KEY": {"x": 1}}', key);
    const { document, position } = withCursor(marked);
    const list = await complete(document, position, app, {});
    // The keys of execution_settings are offered, as at any key of it.
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['instance_type', 'max_parallel_instances', 'use_elastic_disk', 'use_memoization']);
    assert.equal(hover(document, position, app), null);
    const diagnostics = validate(document, app);
    const fixes = codeActions(document, { start: position, end: position }, diagnostics, app);
    assert.deepEqual(fixes.map((f) => f.title), ['Add the 2 missing required inputs']);
  });
}

test('an app whose ports, record fields and named types are called "__proto__", "constructor" and "toString" reads as written', () => {
  const yaml = [
    'cwlVersion: v1.0',
    'class: CommandLineTool',
    'requirements:',
    '  - class: SchemaDefRequirement',
    '    types:',
    '      - {name: toString, type: enum, symbols: [constructor, __proto__]}',
    'inputs:',
    '  __proto__: int',
    '  constructor: toString',
    '  hasOwnProperty:',
    '    type: {type: record, fields: {__proto__: string, valueOf: "int?"}}',
  ].join('\n');
  const model = parseAppText(yaml);
  assert.deepEqual(
    portsToJson(model).map((p) => [p.id, p.type]),
    [
      ['__proto__', 'int'],
      ['constructor', 'enum(constructor|__proto__)'],
      ['hasOwnProperty', 'record{__proto__: string, valueOf: int?}'],
    ],
  );
  const text = '{"project": "me/proj", "app": "me/proj/wf", "inputs": {"__proto__": "x", "constructor": "__proto__", "hasOwnProperty": {"__proto__": 1}}}';
  const findings = diagnose(text, { app: { state: 'ready', model } });
  assert.deepEqual(
    findings.map((f) => [f.code, f.at, f.message]),
    [
      ['sbg.input-type', '"x"', "Input '__proto__' takes an integer (int), not a string."],
      ['sbg.input-type', '1', "Field '__proto__' of input 'hasOwnProperty' takes a string, not an integer."],
    ],
  );
});

test('a type named like a prototype member that the app never defines reads as Any, not as Object\'s method', () => {
  const model = parseAppText(JSON.stringify({ cwlVersion: 'v1.0', class: 'CommandLineTool', inputs: { a: 'constructor', b: 'toString[]', c: 'hasOwnProperty?' } }));
  assert.deepEqual(portsToJson(model).map((p) => [p.id, p.type, p.required]), [['a', 'Any', true], ['b', 'Any[]', true], ['c', 'Any', false]]);
});

test('a severity setting that names a prototype member falls back to the code\'s own severity', () => {
  const text = '{"project": "me/proj", "app": "me/proj/wf", "nmae": 1}';
  const findings = diagnose(text, {}, { severities: { body: 'constructor' as never } });
  assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['sbg.unknown-key', 'warning']]);
  assert.equal(validate(documentOf(text), {}, { severities: { body: 'toString' as never } })[0].severity, 2);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
