import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { codeLenses, LensCommands } from '../../../server/src/service/codeLens/codeLens';
import { hover } from '../../../server/src/service/hover/hover';
import { appModel, fakeContext } from '../../test-utils/fakeContext';
import { bodyWith, fileId, fileOf } from '../../test-utils/diagnose';
import { documentOf, withCursor } from '../../test-utils/cursor';

const model = appModel({ reads: 'File[]' }, { batchInput: 'reads', batchBy: { type: 'criteria', criteria: ['metadata.sample_id'] } });
const files = { [fileId(1)]: { name: 'a.fq', metadata: { sample_id: 'S1' } }, [fileId(2)]: { name: 'b.fq', metadata: { sample_id: 'S2' } }, [fileId(3)]: { name: 'c.fq' } };
const context = fakeContext({ app: model, files });

test("the app's default batch: what it does and Run as one task at the top, then the count and Preview batch", () => {
  const text = bodyWith({ reads: [1, 2, 3].map(fileOf) });
  const document = documentOf(text);
  const lenses = codeLenses(document, context);
  assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command!.title, l.command!.command]), [
    [0, "Runs as a batch: by metadata.sample_id over 'reads' (the app's default)", LensCommands.previewBatch],
    [0, 'Run as one task', LensCommands.applyEdit],
    [0, 'Batch: 3 children by sample_id · 1 file lacks sample_id', LensCommands.previewBatch],
    [0, 'Preview batch', LensCommands.previewBatch],
  ]);
  assert.deepEqual(lenses[0].command!.arguments, [document.uri]);
  const edits = (lenses[1].command!.arguments![0] as { changes: Record<string, TextEdit[]> }).changes[document.uri];
  const result = TextDocument.applyEdits(document, edits);
  assert.equal(JSON.parse(result).batch, false);
  assert.deepEqual(codeLenses(documentOf(result), context), [], 'no batch, no lens');
});

test('an explicit batch gets its count and Preview batch on its batch_input line', () => {
  const text = bodyWith({ reads: [1, 2].map(fileOf) }, { batch_input: 'reads', batch_by: { type: 'item' } });
  const lenses = codeLenses(documentOf(text), context);
  assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command!.title]), [[15, 'Batch: 2 children by file'], [15, 'Preview batch']]);
  assert.equal(text.split('\n')[15].trim(), '"batch_input": "reads",');
});

test('hover on app says how the app batches by default, and not once batching is off', () => {
  const marked = '{"project": "me/proj", "app": "me/proj/w|f/3", "inputs": {"reads": []}}';
  const { document, position } = withCursor(marked);
  const value = (hover(document, position, context)!.contents as { value: string }).value;
  assert.match(value, /Runs as a batch: by metadata.sample_id over 'reads' \(the app's default\)\. `"batch": false` runs it as one task\./);
  const off = withCursor(marked.replace('"inputs"', '"batch": false, "inputs"'));
  const offValue = (hover(off.document, off.position, context)?.contents as { value: string } | undefined)?.value ?? '';
  assert.doesNotMatch(offValue, /Runs as a batch/);
});
