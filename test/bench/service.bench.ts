/**
 * Issue 3 §6: the language service on a batch body with 10,000 File inputs (~1.3 MB) and on a
 * 13 KB one, against vscode-json-languageservice validating the same text with the app's flat
 * JSON Schema, and against JSON.parse. Times are medians of several runs after warm-up; every
 * run opens a new document version, so the service's parse cache never answers.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { complete, validate, type TaskContext } from '../../server/src/service/index';
import { batchApp, batchBodyText } from '../service/generatedBodies';
import { JsonLanguageServiceBaseline } from './baseline';
import { figure, timeMedian, type Figure } from './figure';

const baselineName = 'vscode-json-languageservice 5.7.1 parse+validate, flat JSON Schema';
const largeCount = 10_000;
const smallCount = 100;

let version = 0;
function open(text: string): TextDocument {
  version++;
  return TextDocument.create(`file:///bench/${version}.sbtask.json`, 'sbg-task', version, text);
}

/** Ten places spread over the document: just inside the `name` string of files across `reads`. */
function editOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < 10; i++) {
    const marker = `"name": "sample_${String(1 + i * (largeCount / 10)).padStart(5, '0')}`;
    const at = text.indexOf(marker);
    if (at < 0) throw new Error(`bench document lacks ${marker}`);
    offsets.push(at + '"name": "'.length);
  }
  return offsets;
}

/** Types one character at each offset, completing right after it (each edit a new version). */
async function completeAfterEdits(text: string, offsets: number[], completeAt: (document: TextDocument, offset: number) => Promise<unknown>) {
  const document = open(text);
  let shift = 0;
  for (const offset of offsets) {
    const at = offset + shift;
    TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at) }, text: 'x' }], document.version + 1);
    shift++;
    await completeAt(document, at + 1);
  }
}

function heapMB(which: 'ours' | 'baseline'): number {
  const probe = path.join(__dirname, 'memoryProbe.js');
  const out = execFileSync(process.execPath, ['--expose-gc', probe, which, String(largeCount)], { encoding: 'utf8' });
  return (JSON.parse(out.trim()) as { bytes: number }).bytes / (1024 * 1024);
}

export async function run(): Promise<Figure[]> {
  const app = batchApp();
  const context: TaskContext = { app: { state: 'ready', model: app } };
  const baseline = new JsonLanguageServiceBaseline(app);
  const large = batchBodyText(largeCount);
  const small = batchBodyText(smallCount);

  const figures: Figure[] = [];
  for (const [name, text, runs] of [['diagnostics-10k', large, 7], ['diagnostics-13kb', small, 31]] as const) {
    const ours = await timeMedian(() => validate(open(text), context), runs);
    const theirs = await timeMedian(() => baseline.validate(open(text)), runs);
    figures.push(figure(name, 'ms', ours, theirs, baselineName));
  }

  const oursLarge = figures[0].value;
  const jsonParse = await timeMedian(() => JSON.parse(large), 7);
  figures.push(figure('diagnostics-vs-json-parse-10k', 'ms', oursLarge, jsonParse, 'JSON.parse of the same text'));

  const offsets = editOffsets(large);
  const oursComplete = await timeMedian(() => completeAfterEdits(large, offsets, (d, o) => complete(d, d.positionAt(o), context, {})), 5, 1);
  const theirsComplete = await timeMedian(() => completeAfterEdits(large, offsets, (d, o) => baseline.complete(d, o)), 5, 1);
  figures.push(figure('completion-after-edit-10k', 'ms', oursComplete, theirsComplete, 'vscode-json-languageservice 5.7.1 parse+doComplete, flat JSON Schema (10 edits)'));

  figures.push(figure('memory-10k', 'MB', heapMB('ours'), heapMB('baseline'), 'vscode-json-languageservice 5.7.1 parsed document (heap after gc)'));
  return figures;
}
