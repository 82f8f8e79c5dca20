/**
 * Validation keeps what it found in the items an edit did not touch (reuse.ts). Whatever it keeps
 * must be what a fresh validation finds: random edits of a body full of problems (repeated files
 * and keys, malformed, missing and not-yet-known ids, unknown keys, secondary files, more missing
 * files than are marked), each version validated both ways, with answers arriving, the model and
 * the settings changing and versions skipped on the way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AppModel } from '../../../server/src/service/cwl/model';
import { noteEdit, validate, type FileInfo, type TaskContext } from '../../../server/src/service/index';
import type { ValidationSettings } from '../../../server/src/service/diagnostics/codes';
import { taskDocumentOf } from '../../../server/src/service/document/taskDocument';
import { batchBodyText, fileId, fileObject, pick, seededRandom, type Random } from '../generatedBodies';

function appModel(): AppModel {
  return {
    id: 'rfranklin/bench/aligner/3',
    cwlVersion: 'v1.0',
    class: 'Workflow',
    inputs: [
      { id: 'reads', type: { kind: 'array', items: { kind: 'File' } }, required: true },
      { id: 'indexes', type: { kind: 'array', items: { kind: 'Directory' } }, required: false },
      { id: 'reference', type: { kind: 'File' }, required: true },
      { id: 'mode', type: { kind: 'enum', symbols: ['fast', 'sensitive'] }, required: false },
    ],
  };
}

/**
 * A generated batch body without its batch settings: the batch checks read files' records too,
 * and these tests count the records the kept checks ask for.
 */
function bodyText(files: number): string {
  const body = JSON.parse(batchBodyText(files, { app: 'rfranklin/bench/aligner/3' })) as Record<string, unknown>;
  delete body.batch_input;
  delete body.batch_by;
  return JSON.stringify(body, null, 2);
}

const READS = 40;

/** A body with a problem of every kind the kept checks find, in the reads and beside them. */
function troubledBody(): string {
  const reads: unknown[] = Array.from({ length: READS }, (_, i) => fileObject(i + 1));
  const read = (i: number) => reads[i] as Record<string, unknown>;
  read(3).path = fileId(2); // the file of item 2 again
  read(5).path = 'sample.fastq'; // a name, not an id
  read(7).nmae = 'x'; // an unknown key: "did you mean"
  read(9).secondaryFiles = [{ class: 'File', path: fileId(900) }, { class: 'Directory', path: fileId(901) }, 'index.bai'];
  read(12).path = '';
  reads[13] = null;
  read(14).class = 'Directory';
  delete read(16).class;
  const body = JSON.parse(bodyText(1)) as Record<string, Record<string, unknown>>;
  body.inputs.reads = reads;
  body.inputs.indexes = [{ class: 'Directory', path: fileId(800) }, { class: 'Directory', path: fileId(800) }, { class: 'File', path: fileId(801) }];
  body.inputs.reference = fileObject(0, 'ref.fa');
  delete body.inputs.threads;
  delete body.inputs.trim;
  // A key written twice, which JSON.stringify cannot write.
  return JSON.stringify(body, null, 2).replace('"name": "sample_00020_R1.fastq.gz"', '"name": "sample_00020_R1.fastq.gz", "name": "again"');
}

/** What the platform answers, as the wiring's lookups hold it: known, missing (null), or not yet asked (absent). */
class Answers {
  version = 1;
  readonly known = new Map<string, FileInfo | null>();

  constructor(random: Random) {
    for (let n = 0; n <= 1000; n++) {
      const roll = random();
      if (roll < 0.6) this.known.set(fileId(n), { id: fileId(n), name: `file ${n}` });
      else if (roll < 0.85) this.known.set(fileId(n), null);
    }
  }

  /** Some answers arrive, as a bulk get settles: the version goes up. */
  arrive(random: Random): void {
    for (let k = 0; k < 5; k++) {
      const id = fileId(random() < 0.8 ? Math.floor(random() * (READS + 2)) : Math.floor(random() * 1001)); // mostly files the body names
      this.known.set(id, random() < 0.5 ? { id, name: 'arrived' } : null);
    }
    this.version++;
  }

  context(model: AppModel, asked: { count: number }): TaskContext {
    return {
      app: { state: 'ready', model },
      fileInfo: (id) => {
        asked.count++;
        return this.known.get(id);
      },
      fileAnswersVersion: this.version,
    };
  }
}

/** One edit an editor could make, as [offset, removed length, inserted text]; undefined when the text offers no place for it. */
function randomEdit(text: string, random: Random): [number, number, string] | undefined {
  const places = (pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match.index! + match[0].length);
  const roll = random();
  if (roll < 0.3) {
    const at = pick(random, places(/"name": "/g));
    return at === undefined ? undefined : [at, 0, pick(random, ['x', 'é', '_', '\\"'])];
  }
  if (roll < 0.5) {
    const at = pick(random, places(/"path": "/g));
    if (at === undefined) return undefined;
    const end = text.indexOf('"', at);
    return [at, end - at, pick(random, [fileId(Math.floor(random() * 1001)), fileId(2), fileId(999_999), 'reads.fq', ''])];
  }
  if (roll < 0.6) {
    const at = pick(random, places(/\n/g));
    return at === undefined ? undefined : [at, 0, pick(random, ['\n', '  \n  ', ' '])];
  }
  if (roll < 0.7) {
    const at = pick(random, places(/\{/g));
    return at === undefined ? undefined : [at, 0, pick(random, ['"size": 1, "size": 2, ', '"nmae": "y", ', '"path": "5e1f0c2b6a3c000000000001", '])];
  }
  if (roll < 0.8) {
    // A whole item added after or removed from a list: the list itself is read again.
    const at = pick(random, places(/"reads": \[/g));
    if (at === undefined) return undefined;
    if (random() < 0.5) return [at, 0, ` {"class": "File", "path": "${fileId(Math.floor(random() * 1001))}"},`];
    const start = text.indexOf('{', at);
    const end = text.indexOf('}', start);
    return start < 0 || end < 0 ? undefined : [start, end + 1 - start, '{}'];
  }
  if (roll < 0.95) {
    const at = pick(random, places(/"mode": "/g));
    return at === undefined ? undefined : [at, 0, 'f'];
  }
  // Anything, anywhere: often broken JSON, which is read whole again (until the text is restored).
  const at = Math.floor(random() * text.length);
  return [at, Math.floor(random() * 3), pick(random, ['x', '"', ',', '}', ''])];
}

function applyEdit(document: TextDocument, uri: string, [offset, removed, inserted]: [number, number, string]): TextDocument {
  const before = document.getText();
  const range = { start: document.positionAt(offset), end: document.positionAt(offset + removed) };
  const updated = TextDocument.update(document, [{ range, text: inserted }], document.version + 1);
  noteEdit(uri, before, updated.getText(), offset, before.length - offset - removed);
  return updated;
}

const settingsChoices: ValidationSettings[] = [{}, { severities: { inputs: 'warning', live: 'off' } }];

function fresh(text: string, context: TaskContext, settings: ValidationSettings, step: number): Diagnostic[] {
  return validate(TextDocument.create(`file:///fresh/${step}.sbtask.json`, 'sbg-task', 1, text), context, settings);
}

test('after random edits, validation with what the last one kept gives exactly what a fresh validation gives', () => {
  for (const seed of [1, 2, 3]) {
    const random = seededRandom(seed);
    const uri = `file:///reuse/fuzz-${seed}.sbtask.json`;
    const answers = new Answers(random);
    const original = troubledBody();
    let model = appModel();
    let settings = settingsChoices[0];
    let document = TextDocument.create(uri, 'sbg-task', 1, original);
    let compared = 0;
    let taken = 0;
    for (let step = 0; step < 400; step++) {
      const edit = randomEdit(document.getText(), random);
      if (edit) document = applyEdit(document, uri, edit);
      if (step % 20 === 19) document = TextDocument.update(document, [{ text: original }], document.version + 1);
      if (random() < 0.05) answers.arrive(random);
      if (random() < 0.03) model = appModel(); // the same ports, another object: nothing kept is taken
      if (random() < 0.05) settings = pick(random, settingsChoices);
      if (random() < 0.3) {
        // A version nobody validates, parsed (for completion, say) or not: the next validation
        // takes what the last one kept across the versions in between.
        if (random() < 0.7) taskDocumentOf(document);
        continue;
      }
      const text = document.getText();
      const asked = { kept: { count: 0 }, fresh: { count: 0 } };
      const ours = validate(document, answers.context(model, asked.kept), settings);
      const theirs = fresh(text, answers.context(model, asked.fresh), settings, step);
      assert.deepEqual(ours, theirs, `seed ${seed}, step ${step}: ${JSON.stringify(edit)}`);
      compared++;
      // Kept findings are taken instead of asking: never more questions than a fresh validation.
      assert.ok(asked.kept.count <= asked.fresh.count, `step ${step}: asked ${asked.kept.count} times with kept findings, ${asked.fresh.count} fresh`);
      if (asked.kept.count < asked.fresh.count) taken++;
    }
    assert.ok(compared > 250, `only ${compared} versions compared`);
    // The kept findings were taken often, or the comparison above proves little.
    assert.ok(taken > compared / 4, `kept findings taken in ${taken} of ${compared} validations`);
  }
});

/** The ids a validation asked about. */
function askedIds(document: TextDocument, answers: Map<string, FileInfo | null>, version: number, model: AppModel): { ids: string[]; diagnostics: Diagnostic[] } {
  const ids: string[] = [];
  const diagnostics = validate(document, {
    app: { state: 'ready', model },
    fileInfo: (id) => {
      ids.push(id);
      return answers.get(id);
    },
    fileAnswersVersion: version,
  });
  return { ids, diagnostics };
}

test('an edit in one file object of 1,000 reads only that object again; new answers or an unversioned context read them all', () => {
  const uri = 'file:///reuse/thousand.sbtask.json';
  const model = appModel();
  const text = bodyText(1000).replace(`"path": "${fileId(500)}"`, `"path": "${fileId(400)}"`);
  const answers = new Map<string, FileInfo | null>();
  for (let n = 0; n <= 1000; n++) answers.set(fileId(n), n === 700 ? null : { id: fileId(n), name: `file ${n}` });
  let document = TextDocument.create(uri, 'sbg-task', 1, text);
  const first = askedIds(document, answers, 1, model);
  assert.equal(first.ids.length, 1001, 'the first validation asks about every file');
  const expected = ['sbg.duplicate-file', 'sbg.file-not-found'];
  assert.deepEqual(first.diagnostics.map((d) => d.code).filter((code) => expected.includes(String(code))), ['sbg.file-not-found', 'sbg.duplicate-file']);

  // Typing in the name of file 250: only its object is read again; the repeat and the missing file stay.
  const name = document.getText().indexOf('sample_00250_R1');
  document = applyEdit(document, uri, [name, 0, 'x']);
  const typed = askedIds(document, answers, 1, model);
  assert.deepEqual(typed.ids, [fileId(250), fileId(0)], 'the edited read, and the reference (a single File is not a list: read every time)');
  assert.deepEqual(typed.diagnostics, fresh(document.getText(), { app: { state: 'ready', model }, fileInfo: (id) => answers.get(id) }, {}, -1));

  // Its path now repeats file 1's: the repeat is found (the list's ids are compared again).
  const path = document.getText().indexOf(fileId(250));
  document = applyEdit(document, uri, [path, 24, fileId(1)]);
  const repeated = askedIds(document, answers, 1, model);
  assert.deepEqual(repeated.ids, [fileId(1), fileId(0)]);
  assert.equal(repeated.diagnostics.filter((d) => d.code === 'sbg.duplicate-file').length, 2);

  // Answers arrived (the version went up): every file is asked about again.
  document = applyEdit(document, uri, [document.getText().indexOf('sample_00600_R1'), 0, 'x']);
  assert.equal(askedIds(document, answers, 2, model).ids.length, 1001);

  // A context whose answers have no version: nothing that asked is taken.
  document = applyEdit(document, uri, [document.getText().indexOf('sample_00601_R1'), 0, 'x']);
  const unversioned = validate(document, { app: { state: 'ready', model }, fileInfo: (id) => answers.get(id) });
  const ids: string[] = [];
  document = applyEdit(document, uri, [document.getText().indexOf('sample_00602_R1'), 0, 'x']);
  validate(document, { app: { state: 'ready', model }, fileInfo: (id) => (ids.push(id), answers.get(id)) });
  assert.equal(ids.length, 1001);
  assert.ok(unversioned.length > 0);
});

test('a file not known yet is asked about on every validation, so its lookup is queued again after a failure', () => {
  const uri = 'file:///reuse/unknown.sbtask.json';
  const model = appModel();
  const answers = new Map<string, FileInfo | null>();
  for (let n = 0; n <= 20; n++) if (n !== 7) answers.set(fileId(n), { id: fileId(n), name: `file ${n}` });
  let document = TextDocument.create(uri, 'sbg-task', 1, bodyText(20));
  askedIds(document, answers, 1, model);
  document = applyEdit(document, uri, [document.getText().indexOf('sample_00003_R1'), 0, 'x']);
  assert.deepEqual(askedIds(document, answers, 1, model).ids, [fileId(3), fileId(7), fileId(0)]);
});
