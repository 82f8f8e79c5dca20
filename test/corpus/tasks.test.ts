/**
 * Every task of the corpus that carries a hand-derived verdict (corpus/tasks/INDEX.json
 * `expected`) gets that verdict from `validate`, judged on its inputs against the paired app.
 * The verdicts are prose; `verdicts` below writes each one down as the input diagnostics it
 * means, and a test fails when INDEX.json gains a verdict this table does not cover.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAppText } from '../../server/src/service/cwl/parseAppText';
import { validate } from '../../server/src/service/diagnostics/validate';
import { diagnosticCodes } from '../../server/src/service/diagnostics/codes';
import type { DiagnosticData } from '../../server/src/service/diagnostics/report';
import { documentOf } from '../test-utils/cursor';
import { fakeContext } from '../test-utils/fakeContext';
import { locateCorpus } from './corpusLocation';

/** [code, input id] of every input or batch diagnostic the verdict implies. */
const verdicts: Record<string, [string, string][]> = {
  'okapi_batch_o_tasks_standard_cnvnator.json': [],
  'okapi_batch_o_tasks_custom_first_stage.json': [],
  // sjdbGTFfile: a single File on a File[]? port (no promotion to a list: docs/PLATFORM.md#input-values).
  'sevenbridges-r_api_star_task.json': [['sbg.input-type', 'sjdbGTFfile']],
  'sevenbridges-r_api_star_batch_task.json': [['sbg.input-type', 'sjdbGTFfile']],
  '4dn_merge-pairs.input.json': [['sbg.unknown-input', 'nThreads']],
  'uw-genesis_job-null-model.json': [['sbg.missing-required-input', 'family']],
  'uw-genesis_job-null-model2.json': [['sbg.unknown-input', 'covariates'], ['sbg.missing-required-input', 'family']],
  'uw-genesis_job-null-model3.json': [['sbg.unknown-input', 'covariates'], ['sbg.unknown-input', 'n_pca'], ['sbg.missing-required-input', 'family']],
};

/** Nearest ports the verdicts name. */
const suggestions: Record<string, string> = { covariates: 'covars', n_pca: 'n_pcs' };

const judgedFamilies = new Set(['inputs', 'batch']);

const location = locateCorpus();
const corpus = location.dir;
const indexFile = path.join(corpus, 'tasks', 'INDEX.json');

interface IndexEntry {
  file: string;
  kind: string;
  paired_app: string | null;
  expected?: string;
}

if (!location.present || !fs.existsSync(indexFile)) {
  test('corpus task verdicts', { skip: location.skipReason }, () => {
    assert.fail(`no corpus tasks at ${indexFile} (set SBG_CORPUS; CI=true requires them)`);
  });
} else {
  const entries = (JSON.parse(fs.readFileSync(indexFile, 'utf8')) as { tasks: IndexEntry[] }).tasks;

  test('every task with a verdict in INDEX.json has its diagnostics written down here', () => {
    assert.deepEqual(entries.filter((e) => e.expected).map((e) => e.file).sort(), Object.keys(verdicts).sort());
  });

  for (const entry of entries.filter((e) => e.expected && e.paired_app)) {
    test(`${entry.file} against ${entry.paired_app}: ${entry.expected}`, () => {
      const model = parseAppText(fs.readFileSync(path.join(corpus, 'apps', entry.paired_app!), 'utf8'));
      const text = taskBody(entry);
      const document = documentOf(text, `file:///corpus/${entry.file}`);
      const diagnostics = validate(document, fakeContext({ app: model }));
      const judged = diagnostics.filter((d) => judgedFamilies.has(diagnosticCodes[d.code as keyof typeof diagnosticCodes].family));
      const found = judged.map((d) => [String(d.code), (d.data as DiagnosticData).id]);
      assert.deepEqual(found, verdicts[entry.file], judged.map((d) => String(d.message)).join('\n'));
      for (const d of judged) {
        const id = (d.data as DiagnosticData).id!;
        if (suggestions[id]) assert.match(String(d.message), new RegExp(`did you mean '${suggestions[id]}'`));
      }
    });
  }

  test('every corpus task reads without syntax errors, with every range inside the text', () => {
    for (const entry of entries) {
      const text = taskBody(entry);
      const document = documentOf(text, `file:///corpus/all/${entry.file}`);
      for (const d of validate(document, {})) {
        assert.notEqual(d.code, 'sbg.syntax', `${entry.file}: ${d.message}`);
        assert.ok(document.offsetAt(d.range.end) <= text.length && document.offsetAt(d.range.start) <= document.offsetAt(d.range.end));
      }
    }
  });
}

/** The task's text with its angle-bracket placeholders replaced by well-formed ids, as a full body. */
function taskBody(entry: IndexEntry): string {
  let counter = 0;
  const text = fs
    .readFileSync(path.join(corpus, 'tasks', entry.file), 'utf8')
    .replace(/<file-id:[^>"]*>/g, () => (++counter).toString(16).padStart(24, '0'))
    .replace(/<[^<>"]*>/g, 'placeholder');
  if (entry.kind.startsWith('inputs_only')) return `{"project": "me/proj", "app": "me/proj/app", "inputs": ${text}}`;
  return text;
}
