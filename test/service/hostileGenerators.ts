/**
 * Hostile material for the fuzz test (issue 9): apps and task texts built to hit what broke the
 * service before, each paired with the app it targets. Prototype keys (`__proto__`, `constructor`,
 * `toString`, ...) as body keys, input ids, record fields, enum symbols and type names; record types
 * that share sub-types (T_i = {a: T_(i-1), b: T_(i-1)}, 2^i leaves when spelt out); nesting
 * thousands deep; enums of 40,000 symbols or of 8,000-character symbols; keys written twice.
 * Apps are parsed once and kept: the fuzz test measures the service, not the generator.
 */
import { parseApp, parseAppText, type AppModel } from '../../server/src/service/index';
import { fileObject, pick, type Random } from './generatedBodies';

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable', 'toLocaleString'];

export type HostileKind = 'prototype-keys' | 'shared-types' | 'deep-nesting' | 'huge-enum' | 'duplicate-keys';
export const HOSTILE_KINDS: readonly HostileKind[] = ['prototype-keys', 'shared-types', 'deep-nesting', 'huge-enum', 'duplicate-keys'];

export interface HostileCase {
  kind: HostileKind;
  text: string;
  app: AppModel;
}

const BODY_IDS = '"project": "rfranklin/fuzz-project", "app": "rfranklin/fuzz-project/app/1"';

/** The CWL of the shared-type app at depth `n`: inputs `deep: T_n` and `many: T_n[]`. */
export function sharedTypeAppText(n: number): string {
  const types: unknown[] = [{ type: 'record', name: 'T0', fields: [{ name: 'x', type: 'int' }] }];
  for (let k = 1; k <= n; k++) {
    types.push({ type: 'record', name: `T${k}`, fields: [{ name: 'a', type: `T${k - 1}` }, { name: 'b', type: `T${k - 1}` }] });
  }
  return JSON.stringify({ cwlVersion: 'v1.0', class: 'CommandLineTool', requirements: [{ class: 'SchemaDefRequirement', types }], inputs: [{ id: 'deep', type: `T${n}` }, { id: 'many', type: `T${n}[]` }] });
}

const cache = new Map<string, AppModel>();
function cached(key: string, build: () => AppModel): AppModel {
  let model = cache.get(key);
  if (!model) cache.set(key, (model = build()));
  return model;
}

/** Ports, fields, symbols and type names that are Object.prototype's members (written as JSON text, so `__proto__` stays a key). */
function prototypeApp(): AppModel {
  const text = `{"cwlVersion": "v1.0", "class": "CommandLineTool", "requirements": [{"class": "SchemaDefRequirement", "types": [
    {"type": "record", "name": "constructor", "fields": [{"name": "__proto__", "type": "int"}, {"name": "hasOwnProperty", "type": "string?"}]}]}],
    "inputs": [
      {"id": "__proto__", "type": "string"},
      {"id": "constructor", "type": "constructor"},
      {"id": "toString", "type": {"type": "enum", "symbols": ["valueOf", "__proto__", "constructor"]}},
      {"id": "hasOwnProperty", "type": "File[]?"},
      {"id": "rec", "type": {"type": "record", "fields": [{"name": "toString", "type": "int"}, {"name": "__proto__", "type": "File?"}]}}
    ]}`;
  return parseAppText(text);
}

function hugeEnumApp(count: number, length: number): AppModel {
  const symbols = Array.from({ length: count }, (_, i) => `${'s'.repeat(Math.max(0, length - 8))}${i.toString(36).padStart(8, '0')}`);
  return parseApp({ cwlVersion: 'v1.0', class: 'CommandLineTool', inputs: [{ id: 'mode', type: { type: 'enum', symbols } }, { id: 'modes', type: { type: 'array', items: { type: 'enum', symbols } } }] });
}

/** A JSON value for T_depth written only `levels` deep (then a leaf that may be wrong). */
function sharedValue(levels: number, random: Random): string {
  if (levels === 0) return pick(random, ['{"x": 1}', '1', '"x"', '{"x": "wrong"}', '{}', 'null']);
  const a = sharedValue(levels - 1, random);
  return random() < 0.3 ? `{"a": ${a}}` : `{"a": ${a}, "b": ${random() < 0.5 ? a : '{"x": 2}'}${random() < 0.2 ? ', "c": 3' : ''}}`;
}

/** `text` with `"key": value` added right after a random `{` (outside strings or not: it is fuzz). */
function insertKey(text: string, key: string, value: string, random: Random): string {
  const opens: number[] = [];
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) opens.push(i);
  if (opens.length === 0) return text;
  const at = pick(random, opens) + 1;
  const closes = /^\s*}/.test(text.slice(at));
  return `${text.slice(0, at)}"${key}": ${value}${closes ? '' : ', '}${text.slice(at)}`;
}

function deepValue(depth: number, random: Random): string {
  const object = random() < 0.5;
  const open = object ? '{"a": ' : '[';
  const close = object ? '}' : ']';
  const closed = random() < 0.7;
  return open.repeat(depth) + '1' + (closed ? close.repeat(depth) : close.repeat(Math.floor(random() * depth)));
}

const VALUES = ['1', '"x"', 'null', '{}', '[]', '{"class": "File", "path": "5e1f0c2b6a3c000000000001"}', 'true'];

export function hostileCase(random: Random, generatedBody: (app: AppModel) => Record<string, unknown>): HostileCase {
  const kind = pick(random, HOSTILE_KINDS);
  switch (kind) {
    case 'prototype-keys': {
      const app = cached('prototype', prototypeApp);
      let text = random() < 0.5
        ? JSON.stringify(generatedBody(app), null, random() < 0.5 ? 2 : undefined)
        : `{${BODY_IDS}, "inputs": {"toString": "valueOf", "rec": {"toString": 1}, "constructor": {"__proto__": 2}}, "execution_settings": {}, "batch_by": {"type": "item"}}`;
      const insertions = 1 + Math.floor(random() * 4);
      for (let i = 0; i < insertions; i++) {
        const key = pick(random, PROTOTYPE_KEYS);
        const value = random() < 0.3 ? `"${pick(random, PROTOTYPE_KEYS)}"` : pick(random, VALUES);
        text = insertKey(text, key, value, random);
      }
      return { kind, text, app };
    }
    case 'shared-types': {
      const depth = pick(random, [1, 4, 12, 22]);
      const app = cached(`shared-${depth}`, () => parseAppText(sharedTypeAppText(depth)));
      const levels = Math.min(depth, Math.floor(random() * 6));
      const text = `{${BODY_IDS}, "inputs": {"deep": ${sharedValue(levels, random)}, "many": [${sharedValue(levels, random)}, ${sharedValue(Math.min(depth, 1), random)}]}}`;
      return { kind, text, app };
    }
    case 'deep-nesting': {
      const app = cached('prototype', prototypeApp);
      const depth = pick(random, [50, 201, 1_000, 5_000, 20_000]);
      const where = pick(random, ['inputs', 'value', 'body']);
      const text = where === 'body'
        ? deepValue(depth, random)
        : where === 'inputs'
          ? `{${BODY_IDS}, "inputs": ${deepValue(depth, random)}}`
          : `{${BODY_IDS}, "inputs": {"hasOwnProperty": [${JSON.stringify(fileObject(1))}, ${deepValue(depth, random)}]}}`;
      return { kind, text, app };
    }
    case 'huge-enum': {
      const shape = pick(random, [[40_000, 8], [50, 8_000], [2_000, 64]] as const);
      const app = cached(`enum-${shape[0]}x${shape[1]}`, () => hugeEnumApp(shape[0], shape[1]));
      const wrong = (i: number) => JSON.stringify(`${'s'.repeat(Math.max(0, shape[1] - 9))}${i.toString(36).padStart(9, 'z')}`);
      // Now and then 400 wrong values (the case); usually a few, to keep the run's time for other cases.
      const count = random() < 0.02 ? 400 : 1 + Math.floor(random() * 4);
      const many = Array.from({ length: count }, (_, i) => wrong(i)).join(', ');
      const text = `{${BODY_IDS}, "inputs": {"mode": ${wrong(7)}, "modes": [${many}]}}`;
      return { kind, text, app };
    }
    case 'duplicate-keys': {
      const app = cached('prototype', prototypeApp);
      let text = random() < 0.5
        ? JSON.stringify(generatedBody(app), null, random() < 0.5 ? 2 : undefined)
        : `{${BODY_IDS}, "inputs": {"rec": {"toString": 1}}}`;
      const copies = 1 + Math.floor(random() * 3);
      for (let i = 0; i < copies; i++) {
        const keys = [...text.matchAll(/"([A-Za-z_][\w-]*)"\s*:/g)];
        if (!keys.length) break;
        const match = pick(random, keys);
        const value = random() < 0.5 ? pick(random, VALUES) : `"rfranklin/fuzz-project/other"`;
        text = `${text.slice(0, match.index)}"${match[1]}": ${value}, ${text.slice(match.index)}`;
      }
      return { kind, text, app };
    }
  }
}
