/**
 * Completion and hover reading files through the server's real data path (DirectPlatformData,
 * CompletionDataSource, LiveLookups) from the emulator. Part of the variant matrix (scripts/
 * test.js): it must hold whether the platform writes file types FILE or file, and whether a
 * listing without `fields` answers a subset or everything (test/emulator/README.md).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SbgClient } from '../../../platform/src/client';
import { CompletionDataSource } from '../../../server/src/data/completionData';
import { DirectPlatformData } from '../../../server/src/data/directPlatformData';
import { LiveLookups } from '../../../server/src/data/liveLookups';
import { hover } from '../../../server/src/service/hover/hover';
import { startEmulator, fileIdOf, type Emulator } from '../../emulator/index';
import { withCursor } from '../../test-utils/cursor';
import { fakeContext } from '../../test-utils/fakeContext';
import { completeAt, itemOf } from '../../service/completion/helpers';

describe('completion and hover over files from the platform', () => {
  let emulator: Emulator;
  let data: DirectPlatformData;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
    data = new DirectPlatformData(new SbgClient({ baseUrl: emulator.url, token: emulator.token, environmentName: 'the emulator' }));
  });
  after(() => emulator.close());

  const context = fakeContext({ app: { bam: 'File', out_dir: 'Directory?' } });

  it('offers files for a File input with their size, and folders only for a Directory input', async () => {
    const completion = new CompletionDataSource(() => data);
    const files = await completeAt('{"project": "alice/rna-seq", "inputs": {"bam": "S01.sor|"}}', context, completion);
    assert.deepEqual(files.labels, ['S01.sorted.bam']);
    assert.equal(itemOf(files.list, 'S01.sorted.bam').detail, `2.2 GB · ${fileIdOf('alice/rna-seq', 'S01.sorted.bam')}`, 'the size is listed');
    const folders = await completeAt('{"project": "alice/rna-seq", "inputs": {"out_dir": "|"}}', context, completion);
    assert.deepEqual(folders.labels, ['results', 'GRCh38_reference'], 'a folder whatever the case of its type (the project\'s, then the public reference files\'), and no file');
  });

  it('asks every listing for the fields completion reads, whatever subset a listing answers by default', async () => {
    emulator.resetLog();
    await data.listProjects();
    await data.listApps('alice/rna-seq');
    await data.listFiles('alice/rna-seq', 'S01', 5);
    const fieldsOf = (route: string) => [...new Set(emulator.requests.filter((r) => r.routeKey === route).map((r) => new URLSearchParams(r.query).get('fields')))];
    assert.deepEqual(fieldsOf('GET /projects'), ['id,name']);
    assert.deepEqual(fieldsOf('GET /apps'), ['id,project,name,revision']);
    assert.deepEqual(fieldsOf('GET /files'), ['id,name,type,size,project,parent,metadata']);
  });

  it('offers the metadata keys of the project\'s files for batch criteria', async () => {
    const keys = await new CompletionDataSource(() => data).listMetadataKeys('alice/rna-seq');
    assert.ok(keys.includes('sample_id') && keys.includes('library_id'), keys.join(', '));
  });

  it('hovers a file id with its name and size, and a folder id as a folder', async () => {
    const lookups = new LiveLookups({ data: () => data, onDidChange: () => undefined });
    const bam = fileIdOf('alice/rna-seq', 'S01.sorted.bam');
    const folder = fileIdOf('alice/rna-seq', 'results');
    await lookups.ensure([], [bam, folder]);
    const hoverText = (id: string) => {
      const { document, position } = withCursor(`{"project": "alice/rna-seq", "inputs": {"bam": "${id.slice(0, 4)}|${id.slice(4)}"}}`);
      const result = hover(document, position, { ...context, fileInfo: (fileId) => lookups.fileInfo(fileId) });
      return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
    };
    assert.match(hoverText(bam), /\*\*S01\.sorted\.bam\*\*\n\nFile `[0-9a-f]{24}` · 2\.2 GB · in `alice\/rna-seq`/);
    assert.match(hoverText(folder), /\*\*results\*\*\n\nFolder `[0-9a-f]{24}`/);
  });
});
