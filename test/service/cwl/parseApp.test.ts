import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppParseError, parseApp, portsToJson, typeToString } from '../../../server/src/service/cwl/parseApp';
import { parseAppText } from '../../../server/src/service/cwl/parseAppText';
import type { AppModel, InputPort } from '../../../server/src/service/cwl/model';

/** A v1.0 tool whose inputs are the given list or map. */
function v1(inputs: unknown, extra: Record<string, unknown> = {}): AppModel {
  return parseApp({ cwlVersion: 'v1.0', class: 'CommandLineTool', inputs, outputs: [], ...extra });
}

/** An sbg:draft-2 tool whose inputs are the given list. */
function draft2(inputs: unknown[], extra: Record<string, unknown> = {}): AppModel {
  return parseApp({ cwlVersion: 'sbg:draft-2', class: 'CommandLineTool', inputs, outputs: [], ...extra });
}

function onlyPort(model: AppModel): InputPort {
  assert.equal(model.inputs.length, 1);
  return model.inputs[0];
}

/** The canonical type string and requiredness of a single v1.0 input of the given raw type. */
function typeOf(rawType: unknown, extra: Record<string, unknown> = {}): [string, boolean] {
  const port = onlyPort(v1([{ id: 'x', type: rawType, ...extra }]));
  return [typeToString(port.type), port.required];
}

function assertParseError(run: () => unknown, pattern: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof AppParseError, `expected an AppParseError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('parseApp: sbg:draft-2', () => {
  it('strips the # of ids and reads the array-union type style', () => {
    const model = draft2([
      { id: '#reads', type: [{ type: 'array', items: 'File' }] },
      { id: '#threads', type: ['null', 'int'] },
      { id: '#mode', type: ['null', { type: 'enum', name: 'mode', symbols: ['fast', 'slow'] }] },
      { id: '#genome', type: ['File'] },
    ]);
    assert.deepEqual(
      portsToJson(model).map(({ id, type, required }) => [id, type, required]),
      [
        ['reads', 'File[]', true],
        ['threads', 'int', false],
        ['mode', 'enum(fast|slow)', false],
        ['genome', 'File', true],
      ],
    );
  });

  it('reads app-level fields: sbg:id, revision, label, batchInput without #, batchBy', () => {
    const model = parseApp({
      class: 'Workflow',
      cwlVersion: 'sbg:draft-2',
      'sbg:id': 'me/proj/app/3',
      'sbg:revision': 3,
      label: 'My app',
      'sbg:batchInput': '#fastq',
      'sbg:batchBy': { type: 'criteria', criteria: ['metadata.sample_id'] },
      inputs: [{ id: '#fastq', type: [{ type: 'array', items: 'File' }] }],
    });
    assert.deepEqual(
      { ...model, inputs: model.inputs.map((port) => port.id) },
      {
        id: 'me/proj/app/3',
        cwlVersion: 'sbg:draft-2',
        class: 'Workflow',
        label: 'My app',
        revision: 3,
        batchInput: 'fastq',
        batchBy: { type: 'criteria', criteria: ['metadata.sample_id'] },
        inputs: ['fastq'],
      },
    );
  });

  it('takes a missing cwlVersion for sbg:draft-2 when sbg: keys show an SBG app', () => {
    const model = parseApp({ class: 'CommandLineTool', 'sbg:id': 'a/b/c/1', inputs: [{ id: '#x', type: ['string'] }] });
    assert.equal(model.cwlVersion, 'sbg:draft-2');
  });

  it('reads port attributes: label, description, file types split and upper-cased, category', () => {
    const port = onlyPort(
      draft2([
        {
          id: '#bam',
          type: ['null', 'File'],
          label: 'Input BAM',
          description: 'Aligned reads.',
          'sbg:fileTypes': 'bam,  Sam ,CRAM,',
          'sbg:category': 'File inputs',
        },
      ]),
    );
    assert.deepEqual(port, {
      id: 'bam',
      type: { kind: 'File' },
      required: false,
      label: 'Input BAM',
      description: 'Aligned reads.',
      fileTypes: ['BAM', 'SAM', 'CRAM'],
      category: 'File inputs',
    });
  });
});

describe('parseApp: required and defaults', () => {
  it('a non-nullable input without a default is required; nullable or defaulted is not', () => {
    const model = v1({ a: 'int', b: 'int?', c: { type: 'int', default: 3 }, d: { type: 'boolean', default: false } });
    assert.deepEqual(
      model.inputs.map((port) => [port.id, port.required, port.default]),
      [
        ['a', true, undefined],
        ['b', false, undefined],
        ['c', false, 3],
        ['d', false, false],
      ],
    );
  });

  it('a default of null gives no value, so it does not make the input optional', () => {
    assert.deepEqual(typeOf('string', { default: null }), ['string', true]);
  });

  it('sbg:toolDefaultValue and sbg:suggestedValue are hints, never defaults', () => {
    const suggested = { class: 'File', path: '5772b6d9507c1752674486e7', name: 'ref.fasta' };
    const model = draft2([
      { id: '#reference', type: ['File'], 'sbg:suggestedValue': suggested },
      { id: '#mode', type: ['string'], 'sbg:toolDefaultValue': 'fast' },
      { id: '#size', type: ['null', 'int'], 'sbg:toolDefaultValue': 10 },
    ]);
    const [reference, mode, size] = model.inputs;
    assert.equal(reference.required, true);
    assert.equal(reference.default, undefined);
    assert.deepEqual(reference.suggestedValue, suggested);
    assert.equal(mode.required, true);
    assert.equal(mode.default, undefined);
    assert.equal(mode.toolDefault, 'fast');
    assert.equal(size.toolDefault, '10');
    assert.ok(portsToJson(model).every((port) => !('default' in port)));
  });
});

describe('parseApp: the type grammar', () => {
  const cases: [string, unknown, string, boolean][] = [
    ['every scalar', 'long', 'long', true],
    ['double', 'double', 'double', true],
    ['Directory', 'Directory', 'Directory', true],
    ['? shorthand', 'File?', 'File', false],
    ['[] shorthand', 'string[]', 'string[]', true],
    ['[]? shorthand', 'string[]?', 'string[]', false],
    ['array items that may be null', 'int?[]', '(int|null)[]', true],
    ['array object with nullable items', { type: 'array', items: ['null', 'File'] }, '(File|null)[]', true],
    ['union File|File[]', ['File', 'File[]'], 'File|File[]', true],
    ['union with null anywhere', ['string', 'int', 'null'], 'string|int', false],
    ['Directory|File', ['Directory', 'File'], 'Directory|File', true],
    ['array of a union', { type: 'array', items: ['File', 'Directory'] }, '(File|Directory)[]', true],
    ['bare anonymous enum', { type: 'enum', symbols: ['a', 'b', 'c'] }, 'enum(a|b|c)', true],
    ['array of enum', { type: 'array', items: { type: 'enum', symbols: ['x', 'y'] } }, 'enum(x|y)[]', true],
    ['enum symbols that look like numbers and booleans stay strings', { type: 'enum', symbols: [4, true, '0'] }, 'enum(4|true|0)', true],
    ['packed enum symbols lose their #id/ prefix', { type: 'enum', name: '#main/mode', symbols: ['#main/mode/fast', '#main/mode/slow'] }, 'enum(fast|slow)', true],
    ['type wrapped in an object', { type: 'File?' }, 'File', false],
    ['CWL Any', 'Any', 'Any', true],
    ['stdin is a File', 'stdin', 'File', true],
  ];
  for (const [name, raw, expected, required] of cases) {
    it(name, () => {
      assert.deepEqual(typeOf(raw), [expected, required]);
    });
  }

  it('enum symbols are strings in the model even when the document gives numbers', () => {
    const port = onlyPort(v1([{ id: 'n', type: { type: 'enum', symbols: [4, false] } }]));
    assert.deepEqual(port.type, { kind: 'enum', symbols: ['4', 'false'] });
  });

  it('records: fields as a list or a map, optional fields marked ?, no record name in the notation', () => {
    const listFields = { type: 'record', name: 'coverage', fields: [{ name: 'min', type: 'int' }, { name: 'label', type: 'string?' }] };
    const mapFields = { type: 'record', fields: { reads: { type: 'File' }, mates: 'File?', tags: { type: 'array', items: 'string' } } };
    assert.deepEqual(typeOf(['null', listFields]), ['record{min: int, label: string?}', false]);
    assert.deepEqual(typeOf(mapFields), ['record{reads: File, mates: File?, tags: string[]}', true]);
    assert.deepEqual(typeOf({ type: 'array', items: listFields }), ['record{min: int, label: string?}[]', true]);
  });

  it('a record field of a union type is parenthesised before its ?', () => {
    assert.deepEqual(typeOf({ type: 'record', fields: [{ name: 'f', type: ['null', 'int', 'string'] }] }), ['record{f: (int|string)?}', true]);
  });

  it('portsToJson lists enum symbols and record fields, also of arrays of them', () => {
    const model = v1({
      modes: { type: { type: 'array', items: { type: 'enum', symbols: ['a', 'b'] } } },
      payload: { type: { type: 'record', fields: { reads: 'File', mates: 'File?' } } },
    });
    const [modes, payload] = portsToJson(model);
    assert.deepEqual(modes.symbols, ['a', 'b']);
    assert.deepEqual(payload.fields, [
      { id: 'reads', type: 'File', required: true },
      { id: 'mates', type: 'File', required: false },
    ]);
  });

  it('resolves SchemaDefRequirement types and named types defined by an earlier input', () => {
    const model = v1(
      [
        { id: 'sex', type: 'sexes' },
        { id: 'first', type: { type: 'enum', name: 'strand', symbols: ['fwd', 'rev'] } },
        { id: 'second', type: 'strand?' },
        { id: 'imported', type: 'other.yml#thing' },
      ],
      { requirements: [{ class: 'SchemaDefRequirement', types: [{ type: 'enum', name: 'sexes', symbols: ['XX', 'XY'] }, { $import: 'other.yml' }] }] },
    );
    assert.deepEqual(
      portsToJson(model).map(({ id, type, required }) => [id, type, required]),
      [
        ['sex', 'enum(XX|XY)', true],
        ['first', 'enum(fwd|rev)', true],
        ['second', 'enum(fwd|rev)', false],
        // A type from a file this pure reader cannot open: Any, which no feature flags.
        ['imported', 'Any', true],
      ],
    );
  });

  it('finds SchemaDefRequirement in map-form requirements too', () => {
    const model = v1({ rec: 'pair' }, { requirements: { SchemaDefRequirement: { types: [{ type: 'record', name: 'pair', fields: { a: 'int', b: 'int' } }] } } });
    assert.equal(typeToString(onlyPort(model).type), 'record{a: int, b: int}');
  });
});

describe('parseApp: inputs in map form, only the app own inputs', () => {
  it('reads map-form inputs given by type alone or as objects, in document order', () => {
    const model = v1({ license: 'string', reference: { type: 'File', doc: ['Reference', 'genome.'] }, cpus: ['null', 'int'] });
    assert.deepEqual(
      model.inputs.map((port) => [port.id, typeToString(port.type), port.required, port.description]),
      [
        ['license', 'string', true, undefined],
        ['reference', 'File', true, 'Reference\ngenome.'],
        ['cpus', 'int', false, undefined],
      ],
    );
  });

  it('ignores step inputs and their defaults in a workflow', () => {
    const model = parseApp({
      cwlVersion: 'v1.2',
      class: 'Workflow',
      inputs: { reads: 'File' },
      outputs: {},
      steps: { align: { run: 'align.cwl', in: { reads: 'reads', outdir: { default: '.' } }, out: [] } },
    });
    assert.deepEqual(model.inputs.map((port) => port.id), ['reads']);
  });

  it('unwraps an app as the API returns it, taking id and revision from the envelope when raw lacks them', () => {
    const model = parseApp({ id: 'me/proj/tool/7', revision: 7, name: 'tool', raw: { cwlVersion: 'v1.1', class: 'CommandLineTool', inputs: [{ id: 'x', type: 'int' }] } });
    assert.equal(model.id, 'me/proj/tool/7');
    assert.equal(model.revision, 7);
    assert.equal(model.cwlVersion, 'v1.1');
  });

  it('reads the #main process of a packed ($graph) document', () => {
    const model = parseApp({
      cwlVersion: 'v1.2',
      $graph: [
        { id: '#helper', class: 'CommandLineTool', inputs: [{ id: '#helper/y', type: 'int' }] },
        { id: '#main', class: 'Workflow', inputs: [{ id: '#main/reads', type: 'File' }] },
      ],
    });
    assert.deepEqual(model.inputs.map((port) => port.id), ['reads']);
    assert.equal(model.cwlVersion, 'v1.2');
  });

  describe('a packed document without #main (issue 12 §2)', () => {
    const tool = (id: string, input: string) => ({ id: `#${id}`, class: 'CommandLineTool', inputs: [{ id: `#${id}/${input}`, type: 'File' }] });
    const workflow = { id: '#wf', class: 'Workflow', inputs: [{ id: '#wf/reads', type: 'File' }], steps: { one: { run: '#t1' }, two: { run: '#t2' } } };
    const ids = (raw: unknown, processId?: string) => parseApp(raw, { processId }).inputs.map((port) => port.id);

    it('reads its only process', () => {
      assert.deepEqual(ids({ cwlVersion: 'v1.0', $graph: [tool('only', 'x')] }), ['x']);
    });
    it('reads the one workflow the other processes serve (steps as a map)', () => {
      assert.deepEqual(ids({ cwlVersion: 'v1.0', $graph: [tool('t1', 'a'), workflow, tool('t2', 'b')] }), ['reads']);
    });
    it('reads the process named by id, with or without #', () => {
      const graph = { cwlVersion: 'v1.0', $graph: [tool('t1', 'a'), workflow, tool('t2', 'b')] };
      assert.deepEqual(ids(graph, 't2'), ['b']);
      assert.deepEqual(ids(graph, '#t1'), ['a']);
      assert.deepEqual(ids(graph, 'wf'), ['reads']);
    });
    it('still prefers #main when there is one', () => {
      assert.deepEqual(ids({ cwlVersion: 'v1.0', $graph: [tool('main', 'm'), tool('other', 'o')] }), ['m']);
    });
  });
});

describe('parseAppText: JSON and YAML', () => {
  it('reads YAML with the 1.2 core schema: off, yes and no stay strings', () => {
    const model = parseAppText(
      [
        'cwlVersion: v1.0',
        'class: CommandLineTool',
        'inputs:',
        '  switch:',
        '    type: {type: enum, symbols: [off, on, yes, no, 0]}',
        '    default: off',
        '  count: int?',
        'outputs: []',
      ].join('\n'),
    );
    const [switchPort, count] = model.inputs;
    assert.deepEqual(switchPort.type, { kind: 'enum', symbols: ['off', 'on', 'yes', 'no', '0'] });
    assert.equal(switchPort.default, 'off');
    assert.equal(switchPort.required, false);
    assert.deepEqual([count.id, typeToString(count.type), count.required], ['count', 'int', false]);
  });

  it('reads JSON, including the list form with draft-2 ids', () => {
    const text = JSON.stringify({ cwlVersion: 'sbg:draft-2', class: 'Workflow', inputs: [{ id: '#fastq', type: [{ type: 'array', items: 'File' }] }] });
    assert.deepEqual(portsToJson(parseAppText(text)), [{ id: 'fastq', type: 'File[]', required: true }]);
  });

  it('prints the ports JSON with its keys in the documented order', () => {
    const text = JSON.stringify({
      cwlVersion: 'v1.0',
      class: 'CommandLineTool',
      inputs: [{ id: 'fmt', label: 'Format', doc: 'Output format', 'sbg:fileTypes': 'txt', default: 'SAM', type: ['null', { type: 'enum', symbols: ['SAM', 'BAM'] }] }],
    });
    const [port] = portsToJson(parseAppText(text));
    assert.deepEqual(Object.keys(port), ['id', 'type', 'required', 'default', 'symbols', 'fileTypes', 'label', 'description']);
  });
});

describe('parseApp: bad documents give an AppParseError that says what is wrong', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['an empty file', () => parseAppText('  \n'), /empty/],
    ['text that is neither JSON nor YAML', () => parseAppText('{"class": "Workflow",\n  inputs: [\n'), /neither JSON nor valid YAML/],
    ['a top-level list', () => parseApp([{ class: 'Workflow' }]), /must be an object.*not a list/],
    ['null', () => parseApp(null), /not null/],
    ['no class', () => parseApp({ cwlVersion: 'v1.0', inputs: [] }), /no "class".*CommandLineTool, Workflow or ExpressionTool/],
    ['a class that is not an app', () => parseApp({ cwlVersion: 'v1.0', class: 'File', inputs: [] }), /"class": "File"/],
    ['no cwlVersion and nothing SBG', () => parseApp({ class: 'Workflow', inputs: [] }), /no "cwlVersion"/],
    ['an unsupported cwlVersion', () => parseApp({ cwlVersion: 'draft-3', class: 'Workflow', inputs: [] }), /"draft-3" is not supported.*v1\.2/],
    ['no inputs', () => parseApp({ cwlVersion: 'v1.0', class: 'Workflow' }), /no "inputs"/],
    ['inputs that are a string', () => v1('reads'), /"inputs" is "reads"/],
    ['an input without id', () => v1([{ type: 'File' }]), /inputs\[0\] has no "id"/],
    ['an input that is not an object', () => v1([42]), /inputs\[0\] is 42/],
    ['an input without type', () => v1([{ id: 'reads' }]), /input "reads" has no "type"/],
    ['an empty union', () => v1([{ id: 'reads', type: [] }]), /input "reads".*empty list/],
    ['an array without items', () => v1({ reads: { type: { type: 'array' } } }), /input "reads".*"items"/],
    ['an enum without symbols', () => v1({ mode: { type: { type: 'enum' } } }), /input "mode".*"symbols"/],
    ['a record without fields', () => v1({ rec: { type: { type: 'record' } } }), /input "rec".*"fields"/],
    ['a record field without type', () => v1({ rec: { type: { type: 'record', fields: [{ name: 'f' }] } } }), /input "rec".*field "f" has no "type"/],
    ['a type that is a number', () => v1({ n: { type: 5 } }), /input "n": 5 is not a CWL type/],
    ['the same id twice', () => draft2([{ id: '#a', type: ['int'] }, { id: 'a', type: ['int'] }]), /input "a" is declared twice/],
    [
      'a packed document without #main and two unrelated tools, listing both',
      () => parseApp({ cwlVersion: 'v1.0', $graph: [{ id: '#a', class: 'CommandLineTool', inputs: [] }, { id: '#b', class: 'CommandLineTool', inputs: [] }] }),
      /no "#main" and 2 processes that could be the app: "#a" \(CommandLineTool\), "#b" \(CommandLineTool\); choose one by its id/,
    ],
    [
      'a process id the packed document does not hold',
      () => parseApp({ cwlVersion: 'v1.0', $graph: [{ id: '#a', class: 'CommandLineTool', inputs: [] }] }, { processId: 'b' }),
      /no process with id "#b"; its processes are "#a" \(CommandLineTool\)/,
    ],
  ];
  for (const [name, run, pattern] of cases) {
    it(name, () => assertParseError(run, pattern));
  }
});
