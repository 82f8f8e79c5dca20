/**
 * CWL shapes the public corpus lacks but cwltool reads (issue 12), as apps written for these tests
 * in test/corpus/shapes/apps/ with a task file each in tasks/: `sbg-task inputs` prints the port
 * model and `sbg-task lint --app-file` checks the task against that same model (one model, two
 * faces). Outputs are compared whole: a port or a diagnostic more or less fails.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isolatedEnv } from '../server/lspClient';
import { runCli } from '../cli/runCli';

const shapes = path.resolve(__dirname, '../../../test/corpus/shapes');
const home = mkdtempSync(path.join(os.tmpdir(), 'sbg-shapes-'));
after(() => rmSync(home, { recursive: true, force: true }));
const env = isolatedEnv(home);

/** Runs the CLI in the shapes folder, so the file names it prints are short and stable. */
const cli = (...args: string[]) => runCli(args, env, shapes);

/** `sbg-task lint` lines without the file name: `line:col: severity code message`. */
async function lint(task: string, app: string): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  const result = await cli('lint', `tasks/${task}`, '--app-file', app);
  const lines = result.stdout.split('\n').filter((line) => line !== '').map((line) => line.replace(`tasks/${task}:`, ''));
  return { code: result.code, lines, stderr: result.stderr };
}

describe('packed documents ($graph) without #main (issue 12 §2)', () => {
  it('FILE alone reads the one workflow the tools serve; inputs and lint agree on its ports', async () => {
    const inputs = await cli('inputs', 'apps/packed-align.cwl');
    assert.equal(inputs.code, 0, inputs.stderr);
    assert.equal(inputs.stdout, 'reference: File, required\nreads: File[], required\nthreads: int, optional, default: 4\n');
    const result = await lint('packed-align.sbtask.json', 'apps/packed-align.cwl');
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(result.lines, ["7:16: error sbg.input-type Input 'threads' takes an integer (int), not a string: write 8 without quotes."]);
  });

  it('FILE#ID picks one process; an unknown id lists the ids', async () => {
    const inputs = await cli('inputs', 'apps/packed-two-tools.cwl#count-reads', '--format', 'json');
    assert.equal(inputs.code, 0, inputs.stderr);
    assert.deepEqual(JSON.parse(inputs.stdout), [
      { id: 'bam', type: 'File', required: true },
      { id: 'min_quality', type: 'int', required: false },
    ]);
    const result = await lint('packed-count.sbtask.json', 'apps/packed-two-tools.cwl#count-reads');
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(result.lines, ["6:20: error sbg.input-type Input 'min_quality' takes an integer (int), not a fractional number (2.5)."]);
    const unknown = await cli('inputs', 'apps/packed-two-tools.cwl#count');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no process with id "#count"; its processes are "#index-fasta" \(CommandLineTool\), "#count-reads" \(CommandLineTool\)/);
  });

  it('FILE alone with two unrelated tools exits 2 listing the ids to choose from', async () => {
    const result = await lint('packed-count.sbtask.json', 'apps/packed-two-tools.cwl');
    assert.equal(result.code, 2);
    assert.deepEqual(result.lines, []);
    assert.equal(
      result.stderr,
      'sbg-task lint: apps/packed-two-tools.cwl is not an app this tool can read: the packed CWL document ("$graph") has no "#main" and 2 processes that could be the app: "#index-fasta" (CommandLineTool), "#count-reads" (CommandLineTool); choose one by its id (write apps/packed-two-tools.cwl#ID, such as apps/packed-two-tools.cwl#index-fasta)\n',
    );
  });
});

describe('unions of record types, tmap style (issue 12 §1)', () => {
  it('inputs prints the union of records; lint accepts every member and reports the one bad algorithm against map2', async () => {
    const inputs = await cli('inputs', 'apps/tmap-stages.cwl');
    assert.equal(inputs.code, 0, inputs.stderr);
    assert.equal(
      inputs.stdout,
      [
        'reads: File, required',
        'stages: record{stageId: int, algos: (record{algo: enum(map1), seedLength: int?, maxSeqLength: int?}|record{algo: enum(map2), maxSeedHits: int?, seedFraction: float?}|record{algo: enum(map3), hitFrequency: int?})[]}[], required',
        'threshold: int|enum(auto)|record{low: int, high: int}|int[], required',
        '',
      ].join('\n'),
    );
    const result = await lint('tmap-stages.sbtask.json', 'apps/tmap-stages.cwl');
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(result.lines, ["18:28: error sbg.record-field Item 1 of field 'algos' of item 2 of input 'stages' has no field 'maxSeedHit': did you mean 'maxSeedHits'?"]);
  });
});

describe('CWL File and Directory fields (issue 12 §5)', () => {
  it('the fields the platform accepts pass; secondaryFiles items and location without path are reported', async () => {
    const inputs = await cli('inputs', 'apps/file-fields.cwl');
    assert.equal(inputs.code, 0, inputs.stderr);
    assert.equal(inputs.stdout, 'alignments: File, required\nreference: File, required\nannotations: File[], required\nwork_dir: Directory, optional\nthreads: int, optional\nnote: string, optional\n');
    const result = await lint('file-fields.sbtask.json', 'apps/file-fields.cwl');
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(result.lines.map((line) => line.split(' ').slice(0, 3).join(' ')), [
      '21:27: error sbg.file-object',
      '22:9: error sbg.file-object',
      '25:36: error sbg.file-object',
      '28:16: error sbg.input-type',
      '29:13: error sbg.input-type',
    ]);
    assert.match(result.lines[0], /The platform reads "path", not "location": give item 2 of the secondary files of input 'alignments'/);
    assert.match(result.lines[1], /Item 3 of the secondary files of input 'alignments' must be a File or Directory object, not a string/);
    assert.match(result.lines[2], /The platform reads "path", not "location": give input 'reference' "path": "<file id>"/);
  });
});

describe('types from $import, $include, $mixin and SchemaDefRequirement files (issue 12 §3)', () => {
  it('imported types are read, so wrong values are reported instead of passing as Any', async () => {
    const inputs = await cli('inputs', 'apps/imported-types.cwl', '--format', 'json');
    assert.equal(inputs.code, 0, inputs.stderr);
    assert.deepEqual(JSON.parse(inputs.stdout), [
      {
        id: 'hello',
        type: 'record{message: string, times: int?}',
        required: true,
        fields: [
          { id: 'message', type: 'string', required: true },
          { id: 'times', type: 'int', required: false },
        ],
        description: 'What to say, and how many times.\n',
      },
      {
        id: 'read_group',
        type: 'record{sample: string, platform: enum(ILLUMINA|PACBIO|ONT)}',
        required: true,
        fields: [
          { id: 'sample', type: 'string', required: true },
          { id: 'platform', type: 'enum(ILLUMINA|PACBIO|ONT)', required: true },
        ],
      },
      { id: 'strandedness', type: 'enum(forward|reverse|unstranded)', required: true, symbols: ['forward', 'reverse', 'unstranded'] },
    ]);
    const result = await lint('imported-types.sbtask.json', 'apps/imported-types.cwl');
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(result.lines.map((line) => line.split(' ').slice(0, 3).join(' ')), ['5:14: error sbg.input-type', '6:53: error sbg.enum-value', '7:21: error sbg.enum-value']);
    assert.match(result.lines[1], /'ILUMINA' is not a value of field 'platform' of input 'read_group': did you mean 'ILLUMINA'\?/);
    assert.match(result.lines[2], /'reversed' is not a value of input 'strandedness': did you mean 'reverse'\?/);
  });

  it('a missing file and an import cycle are named, in inputs and as an information on each value not checked', async () => {
    const inputs = await cli('inputs', 'apps/missing-import.cwl');
    assert.equal(inputs.code, 0, inputs.stderr);
    assert.equal(
      inputs.stdout,
      [
        'hello: Any, required, not checked: its type "types/absent.yml#Greeting" comes from types/absent.yml, which could not be read (no such file: apps/types/absent.yml)',
        'loop: record{next: record{back: Any}}, required, not checked: field "next": field "back": its type is brought in by $import of cycle-a.yml, which could not be read (it refers back to itself: cycle-a.yml → cycle-b.yml → cycle-a.yml)',
        'count: int, required',
        '',
      ].join('\n'),
    );
    const result = await lint('missing-import.sbtask.json', 'apps/missing-import.cwl');
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.lines, [
      "5:14: information sbg.unchecked-input Input 'hello' was not checked: its type \"types/absent.yml#Greeting\" comes from types/absent.yml, which could not be read (no such file: apps/types/absent.yml).",
      "6:31: information sbg.unchecked-input Field 'back' of field 'next' of input 'loop' was not checked: its type is brought in by $import of cycle-a.yml, which could not be read (it refers back to itself: cycle-a.yml → cycle-b.yml → cycle-a.yml).",
    ]);
  });
});
