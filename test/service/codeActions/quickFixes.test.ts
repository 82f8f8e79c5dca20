import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { codeActions } from '../../../server/src/service/codeActions/codeActions';
import { validate } from '../../../server/src/service/diagnostics/validate';
import type { TaskContext } from '../../../server/src/service/providers';
import { documentOf } from '../../test-utils/cursor';
import { fakeContext } from '../../test-utils/fakeContext';

const context = fakeContext({ app: { reads: 'File[]', reference: 'File', threads: 'int', mode: 'enum(SAM|BAM)?', ref_dir: 'Directory?' } });

let version = 0;
/** Every quick fix offered for the document's diagnostics, with the text each would produce. */
function fixes(text: string, ctx: TaskContext = context): { title: string; result: string; action: CodeAction }[] {
  const document = documentOf(text, 'file:///work/fix.sbtask.json', ++version);
  const diagnostics = validate(document, ctx);
  const all = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  return codeActions(document, all, diagnostics, ctx).map((action) => {
    const edits = action.edit!.changes![document.uri];
    return { title: action.title, result: TextDocument.applyEdits(document, edits), action };
  });
}

test('add the missing required inputs, each with a placeholder of its shape, in the file\'s indentation', () => {
  const text = '{\n    "project": "me/proj",\n    "app": "me/proj/wf",\n    "inputs": {\n        "reads": [],\n        "threads": null\n    }\n}';
  const [fix] = fixes(text);
  assert.equal(fix.title, 'Add the 2 missing required inputs');
  assert.equal(fix.action.kind, 'quickfix');
  assert.deepEqual(JSON.parse(fix.result).inputs, { reads: [], threads: 0, reference: { class: 'File', path: '' } });
  assert.match(fix.result, /\n        "reference": \{\n            "class": "File",/);
});

test('add the inputs object when there is none', () => {
  const [fix] = fixes('{"project": "me/proj", "app": "me/proj/wf"}');
  assert.deepEqual(JSON.parse(fix.result).inputs, { reads: [{ class: 'File', path: '' }], reference: { class: 'File', path: '' }, threads: 0 });
});

test('replace an unknown input id with the nearest port id, keeping the value as written', () => {
  const text = '{"project": "me/proj", "app": "me/proj/wf", "inputs": {"reads": [], "reference": {"class": "File", "path": "5e1f0c2b6a3c2f0012345678"}, "thread":  4}}';
  const all = fixes(text);
  assert.deepEqual(all.map((f) => f.title), ["Add the required input 'threads'", "Change 'thread' to 'threads'"]);
  const fix = all[1];
  assert.equal(fix.result, text.replace('"thread":', '"threads":'));
});

test('wrap a lone File into a list for a list port, keeping its formatting', () => {
  const text = '{"project": "me/proj", "app": "me/proj/wf", "inputs": {"reads": {"class": "File",\n  "path": "5e1f0c2b6a3c2f0012345678"}, "reference": {"class": "File", "path": "5e1f0c2b6a3c2f0012345679"}, "threads": 1}}';
  const [fix] = fixes(text);
  assert.equal(fix.title, "Wrap the value of 'reads' in a list");
  assert.equal(fix.result, text.replace('"reads": {"class": "File",\n  "path": "5e1f0c2b6a3c2f0012345678"}', '"reads": [{"class": "File",\n  "path": "5e1f0c2b6a3c2f0012345678"}]'));
});

test('add the missing half of a batch pair', () => {
  const inputs = '"inputs": {"reads": [], "reference": {"class": "File", "path": "5e1f0c2b6a3c2f0012345679"}, "threads": 1}';
  const [byFix] = fixes(`{"project": "me/proj", "app": "me/proj/wf", ${inputs}, "batch_input": "reads"}`);
  assert.deepEqual(JSON.parse(byFix.result).batch_by, { type: 'item' });
  const [inputFix] = fixes(`{"project": "me/proj", "app": "me/proj/wf", ${inputs}, "batch_by": {"type": "item"}}`);
  assert.equal(inputFix.title, 'Add "batch_input": "reads"');
  assert.equal(JSON.parse(inputFix.result).batch_input, 'reads');
});

test('no fixes without the app, for other sources, or on text too deeply nested to edit', () => {
  assert.deepEqual(fixes('{"project": "me/proj", "app": "me/proj/wf", "inputs": {"thread": 4}}', {}), []);
  const document = documentOf('{"inputs": {}}');
  const foreign = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'other', code: 'sbg.unknown-input' }];
  assert.deepEqual(codeActions(document, foreign[0].range, foreign, context), []);
  const deep = '{"project": "me/proj", "app": "me/proj/wf", "batch_input": "reads", "x": ' + '['.repeat(10000) + ']'.repeat(10000) + '}';
  assert.deepEqual(fixes(deep).map((f) => f.title), []);
});

test('"Add the required input" inserts only the input: a neighbour written on one line stays on one line', () => {
  const text = [
    '{',
    '  "project": "me/proj",',
    '  "app": "me/proj/wf",',
    '  "inputs": {',
    '    "reads": [],',
    '    "threads": 2,',
    '    "mode": "SAM",',
    '    "ref_dir": { "class": "Directory", "path": "5e1f0c2b6a3c2f0012345679", "name": "ref" }',
    '  }',
    '}',
  ].join('\n');
  const [fix] = fixes(text);
  assert.equal(fix.title, "Add the required input 'reference'");
  assert.equal(
    fix.result,
    text.replace('"name": "ref" }\n', '"name": "ref" },\n    "reference": {\n      "class": "File",\n      "path": ""\n    }\n'),
  );
  const edits = fix.action.edit!.changes![Object.keys(fix.action.edit!.changes!)[0]];
  assert.equal(edits.length, 1);
  assert.equal(edits[0].range.start.line, 7, 'the edit starts at the end of the neighbour, not at its line start');
  assert.ok(edits[0].range.start.character > 80);
});

test('an enum value of the wrong JSON type gets one fix per symbol, the symbol it spells first', () => {
  const enumContext = fakeContext({ app: { mode: 'enum(SAM|BAM|1)' } });
  const text = '{"project": "me/proj", "app": "me/proj/wf", "inputs": {"mode": 1}}';
  const all = fixes(text, enumContext);
  assert.deepEqual(all.map((f) => [f.title, f.action.isPreferred]), [['Change to "1"', true], ['Change to "SAM"', false], ['Change to "BAM"', false]]);
  assert.equal(all[1].result, text.replace('"mode": 1', '"mode": "SAM"'));
});

test('"Run as one task" adds "batch": false for the app\'s default batching; pairs split by item get "Batch by metadata.sample_id"', () => {
  const batching = fakeContext({
    app: { inputs: [{ id: 'reads', type: { kind: 'array', items: { kind: 'File' } }, required: true }], cwlVersion: 'v1.0', batchInput: 'reads', batchBy: { type: 'criteria', criteria: ['metadata.sample_id'] } },
    files: {
      '5e1f0c2b6a3c2f0012345671': { name: 'S1_R1.fq', metadata: { sample_id: 'S1' } },
      '5e1f0c2b6a3c2f0012345672': { name: 'S1_R2.fq', metadata: { sample_id: 'S1' } },
    },
  });
  const reads = '[{"class": "File", "path": "5e1f0c2b6a3c2f0012345671"}, {"class": "File", "path": "5e1f0c2b6a3c2f0012345672"}]';
  const text = `{\n  "project": "me/proj",\n  "app": "me/proj/wf",\n  "inputs": {"reads": ${reads}}\n}`;
  const [oneTask] = fixes(text, batching);
  assert.equal(oneTask.title, 'Run as one task ("batch": false)');
  assert.equal(oneTask.result, text.replace('\n}', ',\n  "batch": false\n}'));
  const byItem = text.replace('\n}', ',\n  "batch_input": "reads",\n  "batch_by": {"type": "item"}\n}');
  const [bySample] = fixes(byItem, batching);
  assert.equal(bySample.title, 'Batch by metadata.sample_id (one child per sample)');
  assert.deepEqual(JSON.parse(bySample.result).batch_by, { type: 'criteria', criteria: ['metadata.sample_id'] });
  assert.deepEqual(fixes(bySample.result, batching), [], 'nothing left to fix');
});
