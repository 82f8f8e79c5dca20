import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { locateTaskIssues, relocateIssues, summarizeIssues } from '../../../client/src/create/platformIssues';

const TEXT = `{
  "project": "alice/rna-seq",
  "app": "alice/rna-seq/salmon-quant/0",
  "inputs": {
    "reads": {"class": "File", "path": "abc"},
    "threads": 4
  }
}`;

const TASK = {
  errors: [
    { type: 'error/task_validation/input/schema', message: 'Value for this input does not match the expected type.', input_id: 'reads' },
    { type: 'error/task_validation/input/required', message: 'Missing required input.', input_id: 'index' },
    { type: 'error/billing', message: 'Insufficient funds.' },
  ],
  warnings: [{ message: 'Threads above 2 are slow here.', input_id: 'threads' }],
};

const keyText = (text: string, issue: { start: number; end: number }) => text.slice(issue.start, issue.end);

describe('platform issues on the file', () => {
  test('each entry goes on its input’s key, a missing input on "inputs", one without input_id on "app"', () => {
    const issues = locateTaskIssues(TEXT, TASK);
    assert.deepEqual(
      issues.map((issue) => [issue.severity, issue.inputId, keyText(TEXT, issue)]),
      [
        ['error', 'reads', '"reads"'],
        ['error', 'index', '"inputs"'],
        ['error', undefined, '"app"'],
        ['warning', 'threads', '"threads"'],
      ],
    );
    assert.equal(issues[0].type, 'error/task_validation/input/schema');
  });

  test('editing one input clears only its issue; the others move with the text', () => {
    const issues = locateTaskIssues(TEXT, TASK);
    const edited = TEXT.replace('"path": "abc"', '"path": "abd"').replace('"project"', '"name": "x",\n  "project"');
    const left = relocateIssues(edited, issues);
    assert.deepEqual(left.map((issue) => issue.inputId), ['index', undefined, 'threads']);
    assert.equal(keyText(edited, left[2]), '"threads"');
    assert.equal(keyText(edited, left[1]), '"app"');
  });

  test('adding the missing input clears its issue', () => {
    const issues = locateTaskIssues(TEXT, TASK);
    const edited = TEXT.replace('"threads": 4', '"threads": 4,\n    "index": {"class": "File", "path": "x"}');
    assert.ok(!relocateIssues(edited, issues).some((issue) => issue.inputId === 'index'));
  });

  test('a file that no longer parses keeps the issues at the start instead of failing', () => {
    const issues = relocateIssues('{', locateTaskIssues(TEXT, TASK).filter((issue) => issue.inputId === undefined));
    assert.deepEqual(issues.map((issue) => [issue.start, issue.end]), [[0, 0]]);
  });

  test('the summary counts errors and warnings and quotes the first', () => {
    assert.equal(summarizeIssues(TASK), '3 errors, 1 warning. reads: Value for this input does not match the expected type.');
    assert.equal(summarizeIssues({ errors: [], warnings: [] }), undefined);
  });

  test("an entry in the SDK fixture's shape {error: \"...\"} shows the platform's text, on \"app\"", () => {
    const task = { errors: [{ error: 'Instance type "huge" is not available.' }] };
    const [issue] = locateTaskIssues(TEXT, task);
    assert.equal(issue.message, 'Instance type "huge" is not available.');
    assert.equal(keyText(TEXT, issue), '"app"');
    assert.equal(summarizeIssues(task), '1 error. Instance type "huge" is not available.');
  });
});
