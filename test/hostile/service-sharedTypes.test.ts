/**
 * Issue 9 §4: an app whose named record types share sub-types, T_i = record{a: T_(i-1), b: T_(i-1)},
 * is 2.5 KB of CWL at i = 22 and 2^22 leaves spelt out. Before the fix `inputs` printed 125 MB,
 * lint took 5 s and 460 MB, completion 3 GB. Every face that shows the type (the notation, the
 * CLI's ports JSON, diagnostics, hover, completion snippets, the "add missing inputs" fix) must
 * grow linearly with the app: these tests compare sizes across i, never the clock.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions, complete, hover, parseAppText, portsToJson, typeToString, validate, type AppModel, type TaskContext } from '../../server/src/service';
import { MAX_NOTATION_LENGTH } from '../../server/src/service/cwl/typeNotation';
import { documentOf, withCursor } from '../test-utils/cursor';

/** The CWL (JSON) of the shared-type app at depth `n`, with one input `deep` of type T_n. */
export function sharedTypeApp(n: number): string {
  const types: unknown[] = [{ type: 'record', name: 'T0', fields: [{ name: 'x', type: 'int' }] }];
  for (let k = 1; k <= n; k++) {
    types.push({ type: 'record', name: `T${k}`, fields: [{ name: 'a', type: `T${k - 1}` }, { name: 'b', type: `T${k - 1}` }] });
  }
  return JSON.stringify({ cwlVersion: 'v1.0', class: 'CommandLineTool', requirements: [{ class: 'SchemaDefRequirement', types }], inputs: [{ id: 'deep', type: `T${n}` }, { id: 'many', type: `T${n}[]` }] });
}

function context(model: AppModel): TaskContext {
  return { app: { state: 'ready', model } };
}

/** Everything the service writes about the app's types for one depth, as a count of characters. */
async function outputSize(n: number): Promise<{ app: number; notation: number; json: number; diagnostics: number; hover: number; completion: number; fix: number }> {
  const app = sharedTypeApp(n);
  const model = parseAppText(app);
  const ctx = context(model);
  const notation = typeToString(model.inputs[0].type).length + typeToString(model.inputs[1].type).length;
  const json = JSON.stringify(portsToJson(model)).length;
  const wrong = documentOf(JSON.stringify({ project: 'me/proj', app: 'me/proj/wf', inputs: { deep: 1, many: [{ a: 1, b: 'x' }] } }), 'file:///shared.sbtask.json', n);
  const diagnostics = validate(wrong, ctx);
  const fixes = codeActions(documentOf('{"project": "me/proj", "app": "me/proj/wf", "inputs": {}}', 'file:///fix.sbtask.json', n), { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, [], ctx);
  const { document, position } = withCursor('{"project": "me/proj", "app": "me/proj/wf", "inputs": {"deep": |}}', 'file:///complete.sbtask.json');
  const list = await complete(document, position, ctx, {});
  const keys = withCursor('{"project": "me/proj", "app": "me/proj/wf", "inputs": {"|"}}', 'file:///keys.sbtask.json');
  const keyList = await complete(keys.document, keys.position, ctx, {});
  const onKey = withCursor('{"project": "me/proj", "app": "me/proj/wf", "inputs": {"de|ep": {"a": 1}}}', 'file:///hover.sbtask.json');
  const shown = hover(onKey.document, onKey.position, ctx);
  return {
    app: app.length,
    notation,
    json,
    diagnostics: JSON.stringify(diagnostics).length,
    hover: JSON.stringify(shown).length,
    completion: JSON.stringify(list).length + JSON.stringify(keyList).length,
    fix: JSON.stringify(fixes).length,
  };
}

test('T22 is written one level deep with its parts by name, in diagnostics, the CLI JSON, hover and completion', async () => {
  const model = parseAppText(sharedTypeApp(22));
  assert.equal(typeToString(model.inputs[0].type), 'record{a: T21, b: T21}');
  assert.equal(typeToString(model.inputs[1].type), 'record{a: T21, b: T21}[]');
  assert.deepEqual(portsToJson(model)[0], {
    id: 'deep',
    type: 'record{a: T21, b: T21}',
    required: true,
    fields: [
      { id: 'a', type: 'record{a: T20, b: T20}', required: true },
      { id: 'b', type: 'record{a: T20, b: T20}', required: true },
    ],
  });
  const text = JSON.stringify({ project: 'me/proj', app: 'me/proj/wf', inputs: { deep: 1, many: [] } });
  assert.deepEqual(
    validate(documentOf(text, 'file:///t22.sbtask.json'), context(model)).map((d) => [d.code, d.message]),
    [['sbg.input-type', "Input 'deep' takes a 'T22' record with the fields 'a' and 'b', not an integer."]],
  );
  const onKey = withCursor('{"project": "me/proj", "app": "me/proj/wf", "inputs": {"de|ep": 1}}', 'file:///t22h.sbtask.json');
  assert.match(JSON.stringify(hover(onKey.document, onKey.position, context(model))), /Type: `record\{a: T21, b: T21\}`/);
});

test('small named types inside others are still spelt out in full', () => {
  const model = parseAppText(sharedTypeApp(3));
  assert.equal(typeToString(model.inputs[0].type), 'record{a: record{a: record{a: record{x: int}, b: record{x: int}}, b: record{a: record{x: int}, b: record{x: int}}}, b: record{a: record{a: record{x: int}, b: record{x: int}}, b: record{a: record{x: int}, b: record{x: int}}}}');
});

test('what the service writes about shared types grows linearly with the app, from i = 6 to i = 22', async () => {
  const sizes = [];
  for (let n = 6; n <= 22; n++) sizes.push({ n, ...(await outputSize(n)) });
  for (const face of ['notation', 'json', 'diagnostics', 'hover', 'completion', 'fix'] as const) {
    // Output per byte of app: spelt out, it doubles with each level while the app grows by ~90 bytes.
    const ratios = sizes.map((size) => size[face] / size.app);
    const [first, last] = [ratios[0], ratios[ratios.length - 1]];
    assert.ok(last <= first * 1.5, `${face}: ${sizes.map((size) => `i=${size.n}: ${size[face]} chars for ${size.app} of CWL`).join('; ')}`);
    // The step from one level to the next is bounded by the growth of the app, not doubling.
    for (let k = 1; k < sizes.length; k++) {
      const step = sizes[k][face] - sizes[k - 1][face];
      assert.ok(step <= 4 * (sizes[k].app - sizes[k - 1].app), `${face} grew by ${step} characters from i=${sizes[k - 1].n} to i=${sizes[k].n}`);
    }
  }
});

test('no notation is longer than MAX_NOTATION_LENGTH: an anonymous record of 5,000 fields ends with an ellipsis', () => {
  const fields = Array.from({ length: 5000 }, (_, i) => ({ name: `field_${i}`, type: 'string' }));
  const model = parseAppText(JSON.stringify({ cwlVersion: 'v1.0', class: 'CommandLineTool', inputs: [{ id: 'wide', type: { type: 'record', fields } }] }));
  const notation = typeToString(model.inputs[0].type);
  assert.equal(notation.length, MAX_NOTATION_LENGTH + 1);
  assert.ok(notation.startsWith('record{field_0: string, field_1: string'));
  assert.ok(notation.endsWith('…'));
});
