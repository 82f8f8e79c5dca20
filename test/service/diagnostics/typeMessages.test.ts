/**
 * Every message template that names a CWL type (issue 12 §4), rendered for every kind of type and
 * checked where grammar bites: the article ("an integer", never "a Any" or "a int"), plurals in
 * lists ("a list of Files", "lists of integers"), unions joined with "or", and the value's own
 * description ("a fractional number (3.5)", not "a number" for an int port).
 *
 * The templates: (wrong) "X takes T, not V."; (single) "X takes T, not a single value: wrap it in
 * [ ]."; (null input) "Input 'x' is required, so it cannot be null: give it T."; (null field)
 * "Field 'f' of input 'x' is required: give it T."; (missing) "Missing required input 'x' (N): add
 * it under "inputs"." where N is the canonical notation.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseApp } from '../../../server/src/service/cwl/parseApp';
import { typeToString } from '../../../server/src/service/cwl/typeNotation';
import type { TaskContext } from '../../../server/src/service/providers';
import type { AppModel, PortType } from '../../../server/src/service/cwl/model';
import { bodyWith, diagnose } from '../../test-utils/diagnose';

interface Row {
  name: string;
  /** The raw CWL type. */
  cwl: unknown;
  /** How the messages say it. */
  phrase: string;
  /** A value of the wrong shape and how messages describe it (none for Any). */
  wrong?: [unknown, string];
  /** For list types: a single item that fits, so the "wrap it in [ ]" template shows. */
  single?: unknown;
}

const bounds = { type: 'record', fields: [{ name: 'low', type: 'int' }, { name: 'high', type: 'int' }] };
const rows: Row[] = [
  { name: 'Any', cwl: 'Any', phrase: 'any value' },
  { name: 'int against a fraction', cwl: 'int', phrase: 'an integer (int)', wrong: [3.5, 'a fractional number (3.5)'] },
  { name: 'long', cwl: 'long', phrase: 'an integer (long)', wrong: ['x', 'a string'] },
  { name: 'float', cwl: 'float', phrase: 'a number (float)', wrong: [true, 'a boolean'] },
  { name: 'double', cwl: 'double', phrase: 'a number (double)', wrong: [[1], 'an array'] },
  { name: 'string', cwl: 'string', phrase: 'a string', wrong: [5, 'an integer'] },
  { name: 'boolean', cwl: 'boolean', phrase: 'a boolean', wrong: [{}, 'an object'] },
  { name: 'File', cwl: 'File', phrase: 'a File', wrong: [7, 'an integer'] },
  { name: 'Directory', cwl: 'Directory', phrase: 'a Directory', wrong: [false, 'a boolean'] },
  { name: 'enum', cwl: { type: 'enum', symbols: ['fast', 'full', 'exact'] }, phrase: "one of 'fast', 'full' or 'exact'" },
  { name: 'enum of one symbol', cwl: { type: 'enum', symbols: ['auto'] }, phrase: "the string 'auto'" },
  { name: 'File[]', cwl: 'File[]', phrase: 'a list of Files', wrong: [3, 'an integer'], single: 'FILE' },
  { name: 'Directory[]', cwl: 'Directory[]', phrase: 'a list of Directories', wrong: ['d', 'a string'] },
  { name: 'nested arrays', cwl: { type: 'array', items: 'int[]' }, phrase: 'a list of lists of integers (int)', wrong: ['x', 'a string'] },
  { name: 'array with null items', cwl: { type: 'array', items: ['null', 'int'] }, phrase: 'a list of integers (int) or nulls', wrong: [{}, 'an object'], single: 2 },
  { name: 'array of enums', cwl: { type: 'array', items: { type: 'enum', symbols: ['a', 'b'] } }, phrase: "a list of strings from 'a' or 'b'", wrong: [1, 'an integer'], single: 'a' },
  { name: 'record', cwl: bounds, phrase: "a record with the fields 'low' and 'high'", wrong: [1.5, 'a fractional number (1.5)'] },
  { name: 'named record', cwl: { ...bounds, name: 'bounds' }, phrase: "a 'bounds' record with the fields 'low' and 'high'", wrong: ['b', 'a string'] },
  { name: 'record of one field', cwl: { type: 'record', fields: { only: 'string' } }, phrase: "a record with the field 'only'", wrong: [[], 'an array'] },
  { name: 'array of records', cwl: { type: 'array', items: bounds }, phrase: "a list of records with the fields 'low' and 'high'", wrong: [true, 'a boolean'] },
  { name: 'union of two', cwl: ['File', 'Directory'], phrase: 'a File or a Directory', wrong: [1, 'an integer'] },
  { name: 'union of three', cwl: ['int', 'string', 'File'], phrase: 'an integer (int), a string or a File', wrong: [true, 'a boolean'] },
  {
    name: 'union mixing record, enum and array',
    cwl: ['int', { type: 'enum', symbols: ['auto', 'off'] }, bounds, 'int[]'],
    phrase: "an integer (int); one of 'auto' or 'off'; a record with the fields 'low' and 'high'; or a list of integers (int)",
    wrong: [false, 'a boolean'],
  },
  { name: 'array of a union', cwl: { type: 'array', items: ['File', 'Directory'] }, phrase: 'a list of Files or Directories', wrong: ['x', 'a string'] },
];

/** The type the reader makes of the row's CWL. */
function typeOf(row: Row): PortType {
  return contextModel(row).inputs[0].type;
}

function contextModel(row: Row): AppModel {
  const app = contextFor(row).app;
  assert.ok(app?.state === 'ready');
  return app.model;
}

/** An app with one required input `x` of the row's type and one record input `r` with a required field `f` of it. */
function contextFor(row: Row): TaskContext {
  const model = parseApp({
    cwlVersion: 'v1.0',
    class: 'CommandLineTool',
    inputs: { x: { type: row.cwl }, r: { type: { type: 'record', fields: [{ name: 'f', type: row.cwl }] } } },
    outputs: [],
  });
  return { app: { state: 'ready', model } };
}

const FILE = { class: 'File', path: '5f0c1c0de4b0a6d31ab1f0a1' };

/** Grammar every message must keep, whatever the type. */
function assertReadsWell(message: string): void {
  assert.doesNotMatch(message, /\ba (?:[aeiou]|Any\b|int\b|long\b|integer)/i, `article before a vowel: ${message}`);
  assert.doesNotMatch(message, /\ban (?![aeiou(])/i, `"an" before a consonant: ${message}`);
  assert.doesNotMatch(message, /\b(?:a|an) (?:a|an)\b|\s{2}|\bvalue value\b/, `doubled words or spaces: ${message}`);
  assert.doesNotMatch(message, /\b(?:int|long|float|double|string|boolean|File|Directory) value\b/, `"a T value" phrasing: ${message}`);
  assert.match(message, /[.?]$/, `ends a sentence: ${message}`);
}

describe('messages that name a CWL type read well for every type', () => {
  for (const row of rows) {
    it(row.name, () => {
      const context = contextFor(row);
      const messages = (inputs: Record<string, unknown>) => diagnose(bodyWith(inputs), context).map((f) => f.message);
      const rendered: string[] = [];

      // null input and null field
      const nulls = messages({ x: null, r: { f: null } });
      assert.deepEqual(nulls, [`Input 'x' is required, so it cannot be null: give it ${row.phrase}.`, `Field 'f' of input 'r' is required: give it ${row.phrase}.`]);
      rendered.push(...nulls);

      // missing: the canonical notation in parentheses
      const missing = messages({ r: { f: row.single ?? 1 } }).filter((m) => m.startsWith('Missing'));
      assert.deepEqual(missing, [`Missing required input 'x' (${typeToString(typeOf(row))}): add it under "inputs".`]);
      rendered.push(...missing);

      // a value of the wrong shape
      if (row.wrong) {
        const [value, described] = row.wrong;
        const wrong = messages({ x: value, r: { f: value } }).filter((m) => m.includes(' takes '));
        assert.deepEqual(
          wrong.map((m) => m.replace(/: write .*\.$/, '.')),
          [`Input 'x' takes ${row.phrase}, not ${described}.`, `Field 'f' of input 'r' takes ${row.phrase}, not ${described}.`],
        );
        rendered.push(...wrong);
      }

      // a single item where the list belongs
      if (row.single !== undefined) {
        const item = row.single === 'FILE' ? FILE : row.single;
        const single = messages({ x: item, r: { f: [item] } }).filter((m) => m.includes('single value'));
        assert.deepEqual(single, [`Input 'x' takes ${row.phrase}, not a single value: wrap it in [ ].`]);
        rendered.push(...single);
      }

      for (const message of rendered) assertReadsWell(message);
    });
  }

  it('the table covers every kind of type and both list templates', () => {
    const kinds = new Set(rows.map((row) => typeOf(row).kind));
    assert.deepEqual([...kinds].sort(), ['Directory', 'File', 'any', 'array', 'boolean', 'double', 'enum', 'float', 'int', 'long', 'record', 'string', 'union']);
  });
});
