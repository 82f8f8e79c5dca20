/** The platform's web paths (as platform/src/environments.ts builds them) answer with read-only pages. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileWebUrl, environmentForApiBase, taskWebUrl } from '../../../platform/src/environments';
import { fileIdOf, startEmulator, type Emulator } from '../index';

describe('web pages', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ corpusDir: null });
  });
  after(() => emulator.close());

  async function page(url: string): Promise<{ status: number; text: string; type: string | null }> {
    const response = await fetch(url);
    return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
  }

  it("answers a task's, a file's and a project's web path with a page of what it holds, without a token", async () => {
    const environment = environmentForApiBase(emulator.url);
    const task = await (await fetch(`${emulator.url}/tasks`, {
      method: 'POST',
      headers: { 'X-SBG-Auth-Token': emulator.token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', name: 'stats <b>', inputs: { bams: [], mode: 'fast' } }),
    })).json() as { id: string };
    const taskPage = await page(taskWebUrl(environment, 'alice/rna-seq', task.id));
    assert.equal(taskPage.status, 200);
    assert.match(taskPage.type ?? '', /^text\/html/);
    assert.ok(taskPage.text.includes(task.id) && taskPage.text.includes('DRAFT'));
    assert.ok(taskPage.text.includes('stats &#60;b&#62;') && !taskPage.text.includes('stats <b>'), 'names are escaped');

    const fileId = fileIdOf('alice/rna-seq', 'S01_L001_R1.fastq.gz');
    const filePage = await page(fileWebUrl(environment, 'alice/rna-seq', fileId));
    assert.equal(filePage.status, 200);
    assert.ok(filePage.text.includes('S01_L001_R1.fastq.gz'));

    assert.equal((await page(`${environment.webBase}/u/alice/rna-seq/`)).status, 200);
  });

  it('says what is missing with a 404 page', async () => {
    const missing = await page(`${emulator.origin}/u/alice/rna-seq/tasks/00000000-0000-4000-8000-000000000000/`);
    assert.equal(missing.status, 404);
    assert.match(missing.text, /No task 00000000-0000-4000-8000-000000000000 in alice\/rna-seq/);
    assert.equal((await page(`${emulator.origin}/u/nobody/nothing/`)).status, 404);
  });
});
