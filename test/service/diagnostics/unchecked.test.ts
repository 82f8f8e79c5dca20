/**
 * Types the reader could not follow (issue 12 §3) are never passed in silence: a value given for
 * such an input gets an information naming the input (or the field) and why it was not checked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseApp } from '../../../server/src/service/cwl/parseApp';
import { bodyWith, diagnose } from '../../test-utils/diagnose';
import type { TaskContext } from '../../../server/src/service/providers';

/** An app from the platform whose SchemaDefRequirement still holds an `$import` (nobody can resolve it there). */
const platformApp = parseApp({
  id: 'me/proj/greeter/2',
  revision: 2,
  raw: {
    cwlVersion: 'v1.0',
    class: 'CommandLineTool',
    requirements: [{ class: 'SchemaDefRequirement', types: [{ $import: 'types.yml' }] }],
    inputs: {
      hello: 'types.yml#Greeting',
      mood: { type: { $import: 'mood.yml' } },
      nested: { type: { type: 'record', fields: { inner: 'Undefined' } } },
      count: 'int?',
    },
    outputs: [],
  },
});
const context: TaskContext = { app: { state: 'ready', model: platformApp } };

test('a value for an unresolved type gets an information naming the input and the reason', () => {
  const found = diagnose(bodyWith({ hello: 5, mood: 'happy', nested: { inner: 1 }, count: 2 }), context);
  assert.deepEqual(found.map((f) => [f.code, f.severity, f.at, f.message]), [
    [
      'sbg.unchecked-input',
      'information',
      '5',
      "Input 'hello' was not checked: its type \"types.yml#Greeting\" comes from types.yml, which is not part of this app (import it with SchemaDefRequirement, or check the name).",
    ],
    [
      'sbg.unchecked-input',
      'information',
      '"happy"',
      "Input 'mood' was not checked: its type is brought in by $import of mood.yml, which could not be read (an app from the platform does not bring the files it refers to).",
    ],
    ['sbg.unchecked-input', 'information', '1', "Field 'inner' of input 'nested' was not checked: its type \"Undefined\" is not defined in the app."],
  ]);
});

test('the reasons the resolver gives are quoted', () => {
  const model = parseApp(
    { cwlVersion: 'v1.0', class: 'CommandLineTool', inputs: { hello: 'types.yml#Greeting' }, outputs: [] },
    { unresolved: new Map([['types.yml', 'no such file: types.yml']]) },
  );
  const found = diagnose(bodyWith({ hello: { message: 'hi' } }), { app: { state: 'ready', model } });
  assert.deepEqual(found.map((f) => f.message), ["Input 'hello' was not checked: its type \"types.yml#Greeting\" comes from types.yml, which could not be read (no such file: types.yml)."]);
});

test('nothing is said about an unresolved input the body does not give, nor about Any', () => {
  const anyApp = parseApp({ cwlVersion: 'v1.0', class: 'CommandLineTool', inputs: { anything: 'Any', hello: 'types.yml#Greeting?' }, outputs: [] });
  assert.deepEqual(diagnose(bodyWith({ anything: { a: [1] } }), { app: { state: 'ready', model: anyApp } }), []);
});
