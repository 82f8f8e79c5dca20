import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../../server/src/service/hover/hover';
import type { TaskContext } from '../../../server/src/service/providers';
import { withCursor, textAt } from '../../test-utils/cursor';
import { fakeContext } from '../../test-utils/fakeContext';

function hoverAt(marked: string, context: TaskContext = {}) {
  const { document, position } = withCursor(marked);
  const result = hover(document, position, context);
  const value = result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
  return { value, range: result ? textAt(document, result.range!) : undefined, result };
}

const context = fakeContext({
  app: {
    reads: { type: 'File[]', label: 'Reads', description: 'Paired FASTQ reads.', fileTypes: ['FASTQ', 'FQ'] },
    threads: 'int = 4',
    opts: 'record{k: int, tag: string?}?',
  },
  files: { '5e1f0c2b6a3c2f0012345678': { name: 'S1_R1.fastq', size: 2048, project: 'rfranklin/rna' }, '5e1f0c2b6a3c2f0000000000': null },
});

test('a port key shows label, type, required, file types and description', () => {
  const { value, range } = hoverAt('{"inputs": {"re|ads": []}}', context);
  assert.equal(range, '"reads"');
  assert.match(value, /\*\*Reads\*\* `reads`/);
  assert.match(value, /Type: `File\[\]` · required/);
  assert.match(value, /File types: FASTQ, FQ/);
  assert.match(value, /Paired FASTQ reads\./);
});

test('an optional port shows its default', () => {
  const { value } = hoverAt('{"inputs": {"thr|eads": 2}}', context);
  assert.match(value, /optional/);
  assert.match(value, /Default: `4`/);
});

test('a port value shows the port too', () => {
  assert.match(hoverAt('{"inputs": {"threads": |2}}', context).value, /Type: `int`/);
});

test('a record field shows its type within the port', () => {
  const { value } = hoverAt('{"inputs": {"opts": {"t|ag": "x"}}}', context);
  assert.match(value, /`tag`\*\* \(field of `opts`\)/);
  assert.match(value, /Type: `string` · optional/);
});

test('a known file id shows the file name and size', () => {
  const { value, range } = hoverAt('{"inputs": {"reads": [{"class": "File", "path": "5e1f0c2b6a3c|2f0012345678"}]}}', context);
  assert.equal(range, '"5e1f0c2b6a3c2f0012345678"');
  assert.match(value, /\*\*S1_R1\.fastq\*\*/);
  assert.match(value, /2\.0 KB/);
  assert.match(value, /in `rfranklin\/rna`/);
});

test('a file the platform does not have says so; an unknown one shows what `path` holds', () => {
  assert.match(hoverAt('{"inputs": {"reads": [{"class": "File", "path": "5e1f0c2b6a3c|2f0000000000"}]}}', context).value, /not found/);
  const { value } = hoverAt('{"inputs": {"reads": [{"class": "File", "path": "5e1f0c2b6a3c|2f0011111111"}]}}', context);
  assert.match(value, /\*\*`path`\*\*[\s\S]*The file's id/);
});

test('the keys of a File object show their documentation', () => {
  assert.match(hoverAt('{"inputs": {"reads": [{"class": "File", "pa|th": ""}]}}', context).value, /\*\*`path`\*\*[\s\S]*24 hexadecimal/);
});

test('every body key shows its documentation', () => {
  assert.match(hoverAt('{"pro|ject": "a/b"}').value, /\*\*`project`\*\*[\s\S]*owner\/project-short-name/);
  assert.match(hoverAt('{"execution_settings": {"max_parallel_|instances": 2}}').value, /at the same time/);
  assert.match(hoverAt('{"batch_by": {"ty|pe": "item"}}').value, /one child task per file/);
  assert.match(hoverAt('{"output_location": {"nodes_location": {"out": {"output_loc|ation": ""}}}}').value, /Folder for this output node/);
});

test('nothing for unknown keys, ports of an app not at hand, or punctuation', () => {
  assert.equal(hoverAt('{"nop|e": 1}').result, null);
  assert.equal(hoverAt('{"inputs": {"re|ads": []}}', fakeContext({ app: { state: 'pending' } })).result, null);
  assert.equal(hoverAt('{"inputs": {"reads": [|]}}', context).result, null);
  assert.equal(hoverAt('|', context).result, null);
});
