/**
 * The CWL File and Directory fields (issue 12 §5): the ones the platform writes into a task's
 * `inputs` itself, or CWL derives from the name, are accepted without a warning; secondaryFiles
 * items are checked as File or Directory objects; `location` without `path` keeps its message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyWith, diagnose, fileId } from '../../test-utils/diagnose';
import { fakeContext } from '../../test-utils/fakeContext';

const app = fakeContext({ app: { bam: 'File', dir: 'Directory?', files: 'File[]?' } });
const findings = (inputs: Record<string, unknown>) => diagnose(bodyWith(inputs), app).map((f) => [f.code, f.message]);

test('every CWL File field the platform reports or CWL derives is accepted without a warning', () => {
  const bam = {
    class: 'File',
    path: fileId(1),
    name: 'a.bam',
    basename: 'a.bam',
    nameroot: 'a',
    nameext: '.bam',
    dirname: '/Projects/p/',
    format: 'http://edamontology.org/format_2572',
    size: 10,
    checksum: null,
    contents: null,
    location: fileId(1),
    metadata: { sample_id: 'S1' },
    secondaryFiles: [{ class: 'File', path: fileId(2), basename: 'a.bam.bai' }, { class: 'Directory', path: fileId(3) }],
  };
  const dir = { class: 'Directory', path: fileId(4), basename: 'work', listing: [], location: 'x', dirname: '/', metadata: {} };
  assert.deepEqual(findings({ bam, dir, files: [{ class: 'File', path: fileId(5), nameext: '.gtf' }] }), []);
});

test('a key that is no File field is still a warning, with the nearest field', () => {
  const found = diagnose(bodyWith({ bam: { class: 'File', path: fileId(1), nameExt: '.bam' } }), app);
  assert.deepEqual(found.map((f) => [f.code, f.severity, f.message]), [['sbg.unknown-key', 'warning', "Unknown key 'nameExt' in a File object: did you mean 'nameext'?"]]);
});

test('secondaryFiles items are File or Directory objects, checked as such', () => {
  assert.deepEqual(
    findings({
      bam: {
        class: 'File',
        path: fileId(1),
        secondaryFiles: [{ class: 'File', location: 'a.bai' }, 'a.crai', { path: fileId(2) }, { class: 'Directory', path: 'idx' }],
      },
    }),
    [
      ['sbg.file-object', 'The platform reads "path", not "location": give item 1 of the secondary files of input \'bam\' "path": "<file id>".'],
      ['sbg.file-object', 'Item 2 of the secondary files of input \'bam\' must be a File or Directory object, not a string: write {"class": "File", "path": "<file id>"}.'],
      ['sbg.file-object', 'The File object of item 3 of the secondary files of input \'bam\' has no "class": add "class": "File".'],
      ['sbg.malformed-id', '"idx" is not a folder id: "path" takes the id (24 hexadecimal characters, such as 5e1f0c2b6a3c2f0012345678), not a name or a local path.'],
    ],
  );
  assert.deepEqual(findings({ bam: { class: 'File', path: fileId(1), secondaryFiles: { class: 'File' } } }), [
    ['sbg.file-object', '"secondaryFiles" of input \'bam\' must be a list of File or Directory objects, not an object.'],
  ]);
});

test('location without path keeps its clear message', () => {
  assert.deepEqual(findings({ bam: { class: 'File', location: 'file:///data/a.bam' } }), [
    ['sbg.file-object', 'The platform reads "path", not "location": give input \'bam\' "path": "<file id>".'],
  ]);
});
