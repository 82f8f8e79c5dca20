/**
 * Seeded fuzz test of every service entry point (issue 3 §5): mutations (truncations, swapped
 * types, random insertions and deletions) of the corpus's task bodies and apps and of generated
 * bodies go through validate, complete, hover and codeActions at random positions, format and
 * the outline. Nothing may throw, and every range the service returns must lie inside the
 * document. `FUZZ_CASES` sets the number of cases (2,000 by default; `npm run fuzz` runs
 * 100,000); `FUZZ_SEED` replays a run. A failure prints the seed, the case and its text.
 *
 * A share of the cases (HOSTILE_SHARE) comes from hostileGenerators.ts (issue 9): prototype keys,
 * shared record types up to 2^22 leaves, nesting up to 20,000 deep, enums of 40,000 symbols or of
 * 8,000-character symbols, duplicate keys; each with the app it targets, sometimes mutated further.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import {
  codeActions,
  complete,
  documentSymbols,
  foldingRanges,
  format,
  hover,
  parseApp,
  parseAppText,
  selectionRanges,
  validate,
  type AppModel,
  type AppState,
  type CompletionData,
  type TaskContext,
} from '../../server/src/service/index';
import { generateBody, pick, seededRandom, type Random } from './generatedBodies';
import { HOSTILE_KINDS, hostileCase, type HostileKind } from './hostileGenerators';
import { locateCorpus } from '../corpus/corpusLocation';

const cases = Number(process.env.FUZZ_CASES ?? 2000);
const seed = Number(process.env.FUZZ_SEED ?? 20240611);
/** Share of the cases made by the hostile generators. */
const HOSTILE_SHARE = 0.3;

interface Material {
  apps: AppModel[];
  /** Texts to mutate: task bodies and app documents. */
  texts: string[];
  note: string;
}

function loadMaterial(): Material {
  const dir = locateCorpus().dir;
  const apps: AppModel[] = [];
  const texts: string[] = [];
  if (!fs.existsSync(path.join(dir, 'tasks'))) {
    return { apps, texts, note: `corpus not found at ${dir} (set SBG_CORPUS): fuzzing generated bodies only` };
  }
  for (const name of fs.readdirSync(path.join(dir, 'apps'))) {
    const text = fs.readFileSync(path.join(dir, 'apps', name), 'utf8');
    texts.push(text);
    try {
      apps.push(parseAppText(text));
    } catch {
      // An app the model cannot read is still mutated as text.
    }
  }
  for (const name of fs.readdirSync(path.join(dir, 'tasks'))) {
    if (name !== 'INDEX.json') texts.push(fs.readFileSync(path.join(dir, 'tasks', name), 'utf8'));
  }
  return { apps, texts, note: `corpus at ${dir}: ${apps.length} apps, ${texts.length} texts` };
}

/** An app for generated bodies when there is no corpus: every kind of port. */
function builtInApp(): AppModel {
  return parseApp({
    cwlVersion: 'v1.0',
    class: 'Workflow',
    inputs: [
      { id: 'reads', type: 'File[]', 'sbg:fileTypes': 'FASTQ, FQ' },
      { id: 'ref', type: 'File' },
      { id: 'dir', type: 'Directory?' },
      { id: 'n', type: 'int?' },
      { id: 'ratio', type: 'float' },
      { id: 'flag', type: 'boolean?' },
      { id: 'mode', type: { type: 'enum', symbols: ['a', 'b', '4'] } },
      { id: 'rec', type: { type: 'record', fields: [{ name: 'k', type: 'int' }, { name: 'f', type: 'File?' }] } },
      { id: 'either', type: ['File', { type: 'array', items: 'File' }] },
      { id: 'names', type: 'string[]?' },
    ],
  });
}

const fragments = ['{', '}', '[', ']', '"', ':', ',', ' ', '\n', '\\', 'null', 'true', '-1e9', '"inputs"', '{"class": "File", "path": "', '\u00e9', '\ud83d\ude00', '\ud800', '/*', '//', '\r\n', '\t', '0', '"#x"'];
const swaps: unknown[] = [null, true, 0, -1.5, 'text', '', [], {}, [{ class: 'File', path: 'x' }], { class: 'File' }, '5e1f0c2b6a3c2f0012345678'];

/** Replaces a random value of the body with a value of another type. */
function swapType(value: unknown, random: Random, depth = 0): unknown {
  if (depth > 0 && random() < 0.3) return pick(random, swaps);
  if (Array.isArray(value) && value.length) {
    const copy = [...value];
    const i = Math.floor(random() * copy.length);
    copy[i] = swapType(copy[i], random, depth + 1);
    return copy;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return pick(random, swaps);
    const i = Math.floor(random() * entries.length);
    entries[i] = [entries[i][0], swapType(entries[i][1], random, depth + 1)];
    return Object.fromEntries(entries);
  }
  return pick(random, swaps);
}

function mutate(text: string, random: Random): string {
  const rounds = 1 + Math.floor(random() * 3);
  for (let r = 0; r < rounds; r++) {
    const at = Math.floor(random() * (text.length + 1));
    switch (Math.floor(random() * 5)) {
      case 0: // truncation
        text = text.slice(0, at);
        break;
      case 1: // insertion
        text = text.slice(0, at) + pick(random, fragments) + text.slice(at);
        break;
      case 2: // deletion
        text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20));
        break;
      case 3: // a span repeated elsewhere
        text = text.slice(0, at) + text.slice(Math.floor(random() * text.length), Math.floor(random() * text.length)) + text.slice(at);
        break;
      case 4: // swapped types
        try {
          text = JSON.stringify(swapType(JSON.parse(text), random), null, random() < 0.5 ? 2 : undefined);
        } catch {
          text = text.slice(0, at) + pick(random, fragments) + text.slice(at);
        }
        break;
    }
  }
  return text;
}

function appState(apps: AppModel[], random: Random): AppState | undefined {
  const roll = random();
  if (roll < 0.7 && apps.length) return { state: 'ready', model: pick(random, apps) };
  if (roll < 0.8) return { state: 'pending' };
  if (roll < 0.9) return { state: 'unavailable', reason: 'offline' };
  return roll < 0.95 ? { state: 'not-found', reason: 'no such app' } : undefined;
}

function contextFor(apps: AppModel[], random: Random): TaskContext {
  const known = random() < 0.5;
  return {
    app: appState(apps, random),
    projectExists: () => (known ? random() < 0.5 : undefined),
    fileInfo: (id) => (!known ? undefined : random() < 0.2 ? null : { id, name: `${id}.fastq`, size: Math.floor(random() * 1e9) }),
  };
}

function dataFor(random: Random): CompletionData {
  const failing = random() < 0.2;
  const answer = <T>(value: T[]) => (failing ? Promise.reject(new Error('network down')) : Promise.resolve(value));
  return {
    listProjects: () => answer([{ id: 'rfranklin/fuzz-project', name: 'Fuzz' }]),
    listApps: () => answer([{ id: 'rfranklin/fuzz-project/app', name: 'App', revision: 2 }]),
    listFiles: (_project, filter) =>
      answer([
        { id: '5e1f0c2b6a3c2f0012345678', name: `${filter}sample.fastq`, size: 10, type: 'file' as const },
        { id: '5e1f0c2b6a3c2f0012345679', name: 'folder', type: 'folder' as const },
      ]),
    listMetadataKeys: () => answer(['sample_id', 'condition']),
  };
}

function lineLengths(document: TextDocument): number[] {
  return document.getText().split(/\r\n|\r|\n/).map((line) => line.length);
}

function assertPosition(lengths: number[], position: Position, what: string): void {
  assert.ok(Number.isInteger(position.line) && position.line >= 0 && position.line < lengths.length, `${what}: line ${position.line} outside 0..${lengths.length - 1}`);
  assert.ok(
    Number.isInteger(position.character) && position.character >= 0 && position.character <= lengths[position.line],
    `${what}: character ${position.character} outside line ${position.line} of length ${lengths[position.line]}`,
  );
}

function assertRange(lengths: number[], range: Range | undefined, what: string): void {
  assert.ok(range, `${what}: no range`);
  assertPosition(lengths, range.start, `${what} start`);
  assertPosition(lengths, range.end, `${what} end`);
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what}: start after end`);
}

function randomPosition(document: TextDocument, random: Random): Position {
  return document.positionAt(Math.floor(random() * (document.getText().length + 1)));
}

async function runCase(text: string, apps: AppModel[], random: Random): Promise<void> {
  const document = TextDocument.create('file:///fuzz.sbtask.json', 'sbg-task', 1, text);
  const lengths = lineLengths(document);
  const context = contextFor(apps, random);

  const diagnostics = validate(document, context);
  diagnostics.forEach((d, i) => assertRange(lengths, d.range, `diagnostic ${i} (${String(d.code)})`));

  for (let i = 0; i < 3; i++) {
    const position = randomPosition(document, random);
    const list = await complete(document, position, context, dataFor(random));
    for (const item of list.items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) assertRange(lengths, edit.range, `completion "${item.label}"`);
      else if (edit) assertRange(lengths, edit.replace, `completion "${item.label}" replace`);
      for (const extra of item.additionalTextEdits ?? []) assertRange(lengths, extra.range, `completion "${item.label}" extra edit`);
    }
    const info = hover(document, randomPosition(document, random), context);
    if (info?.range) assertRange(lengths, info.range, 'hover');
  }

  const a = randomPosition(document, random);
  const b = randomPosition(document, random);
  const range = document.offsetAt(a) <= document.offsetAt(b) ? { start: a, end: b } : { start: b, end: a };
  for (const action of codeActions(document, range, diagnostics, context)) {
    for (const edits of Object.values(action.edit?.changes ?? {})) {
      edits.forEach((e) => assertRange(lengths, e.range, `code action "${action.title}"`));
    }
  }

  const options = { tabSize: 1 + Math.floor(random() * 4), insertSpaces: random() < 0.8 };
  format(document, random() < 0.5 ? undefined : range, options).forEach((e) => assertRange(lengths, e.range, 'format edit'));
  const walk = (symbols: ReturnType<typeof documentSymbols>): void =>
    symbols.forEach((s) => {
      assertRange(lengths, s.range, `symbol ${s.name}`);
      assertRange(lengths, s.selectionRange, `symbol ${s.name} selection`);
      walk(s.children ?? []);
    });
  walk(documentSymbols(document));
  for (const fold of foldingRanges(document)) assert.ok(fold.startLine <= fold.endLine && fold.endLine < lengths.length, 'folding range');
  for (let r: ReturnType<typeof selectionRanges>[number] | undefined = selectionRanges(document, [a])[0]; r; r = r.parent) {
    assertRange(lengths, r.range, 'selection range');
  }
}

test(`fuzz: ${cases} mutated task bodies and apps through every service entry point (seed ${seed})`, async (t) => {
  const material = loadMaterial();
  t.diagnostic(material.note);
  const apps = material.apps.length ? material.apps : [builtInApp()];
  const random = seededRandom(seed);
  const hostileCounts = new Map<HostileKind, number>(HOSTILE_KINDS.map((kind) => [kind, 0]));
  const msByLabel = new Map<string, number>();
  const started = Date.now();
  for (let n = 0; n < cases; n++) {
    let text: string;
    let caseApps = apps;
    let label = 'mutated';
    if (random() < HOSTILE_SHARE) {
      const hostile = hostileCase(random, (app) => generateBody(app, random));
      hostileCounts.set(hostile.kind, hostileCounts.get(hostile.kind)! + 1);
      // Half of them as generated, half mutated further (broken hostile text is hostile too).
      text = random() < 0.5 ? hostile.text : mutate(hostile.text, random);
      caseApps = [hostile.app];
      label = hostile.kind;
    } else {
      const source = material.texts.length && random() < 0.5 ? pick(random, material.texts) : JSON.stringify(generateBody(pick(random, apps), random), null, 2);
      text = mutate(source, random);
    }
    const caseStarted = Date.now();
    try {
      await runCase(text, caseApps, random);
      msByLabel.set(label, (msByLabel.get(label) ?? 0) + Date.now() - caseStarted);
    } catch (error) {
      const shown = text.length > 2000 ? `${text.slice(0, 2000)}... (${text.length} characters)` : text;
      assert.fail(`case ${n} (${label}) of seed ${seed} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n--- text ---\n${shown}`);
    }
  }
  const seconds = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)} s`;
  t.diagnostic(`hostile cases: ${[...hostileCounts].map(([kind, count]) => `${kind} ${count} (${seconds(msByLabel.get(kind))})`).join(', ')}; mutated ${seconds(msByLabel.get('mutated'))}; ${cases} cases in ${seconds(Date.now() - started)}`);
  // Every hostile generator ran (with the default 2,000 cases each kind gets about 120).
  if (cases >= 200) for (const [kind, count] of hostileCounts) assert.ok(count > 0, `no ${kind} case ran`);
});
