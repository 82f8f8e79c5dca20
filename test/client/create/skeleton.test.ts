import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { skeletonFileName, taskSkeleton } from '../../../client/src/create/skeleton';
import { parseAppText } from '../../../server/src/service/cwl/parseAppText';

const APP = `cwlVersion: v1.0
class: CommandLineTool
label: Demo
inputs:
  reads: File[]
  index: File
  mode:
    type: {type: enum, symbols: ["4", fast]}
  threads: int?
  ratio: {type: float, default: 0.5}
  options:
    type: {type: record, fields: {level: int, tag: string?}}
  either: ["File", {type: array, items: File}]
  folder: Directory
  flag: boolean
outputs: []
`;

describe('New Task File from App', () => {
  test('every required input gets a placeholder of its shape; optional ones and ones with defaults are left out', () => {
    const text = taskSkeleton({ project: 'alice/rna-seq', appId: 'alice/rna-seq/demo/3', model: parseAppText(APP) });
    assert.deepEqual(JSON.parse(text), {
      name: 'Demo',
      project: 'alice/rna-seq',
      app: 'alice/rna-seq/demo/3',
      inputs: {
        reads: [{ class: 'File', path: '' }],
        index: { class: 'File', path: '' },
        mode: '4',
        options: { level: 0 },
        either: { class: 'File', path: '' },
        folder: { class: 'Directory', path: '' },
        flag: false,
      },
    });
    assert.ok(text.endsWith('}\n'));
  });

  test('the file is named after the app', () => {
    assert.equal(skeletonFileName('alice/rna-seq/star align/2'), 'star-align.sbtask.json');
  });
});
