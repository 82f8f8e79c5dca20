/**
 * Run by service.bench as `node --expose-gc memoryProbe.js ours|baseline FILE_COUNT` in a child
 * process of its own, so one measurement's garbage cannot count in the other. Prints the heap
 * the opened document holds: heap used (after gc) with the parsed document kept alive, minus
 * heap used before, with the modules already loaded in both. ArrayBuffer backing stores live
 * outside the JS heap, so they are counted too (the service keeps its syntax tree in typed arrays).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { taskDocumentOf } from '../../server/src/service/document/taskDocument';
import { validate } from '../../server/src/service/index';
import { JsonLanguageServiceBaseline } from './baseline';
import { batchApp, batchBodyText } from '../service/generatedBodies';

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

const [which, count] = process.argv.slice(2);
const app = batchApp();
const baseline = new JsonLanguageServiceBaseline(app);
const document = TextDocument.create('file:///bench/memory.sbtask.json', 'sbg-task', 1, batchBodyText(Number(count)));
const before = heapUsed();
const kept: unknown[] =
  which === 'ours'
    ? [taskDocumentOf(document), validate(document, { app: { state: 'ready', model: app } })]
    : [baseline.parse(document)];
const after = heapUsed();
process.stdout.write(JSON.stringify({ which, bytes: after - before, kept: kept.length }) + '\n');
