import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  appWebUrl, environmentById, environmentForApiBase, ENVIRONMENTS, fileWebUrl, normalizeApiBase, taskWebUrl,
} from '../../platform/src/environments';

describe('environments', () => {
  it('lists the six deployments with API base, web UI and token page (docs/PLATFORM.md#deployments-and-sign-in)', () => {
    const table = ENVIRONMENTS.map((e) => [e.id, e.apiBase, e.webBase, e.tokenPage]);
    assert.deepEqual(table, [
      ['sbg-us', 'https://api.sbgenomics.com/v2', 'https://igor.sbgenomics.com', 'https://igor.sbgenomics.com/developer#token'],
      ['sbg-eu', 'https://eu-api.sbgenomics.com/v2', 'https://eu.sbgenomics.com', 'https://eu.sbgenomics.com/developer#token'],
      ['sbg-cn', 'https://api.sevenbridges.cn/v2', 'https://platform.sevenbridges.cn', 'https://platform.sevenbridges.cn/developer#token'],
      ['cgc', 'https://cgc-api.sbgenomics.com/v2', 'https://cgc.sbgenomics.com', 'https://cgc.sbgenomics.com/developer#token'],
      ['cavatica', 'https://cavatica-api.sbgenomics.com/v2', 'https://cavatica.sbgenomics.com', 'https://cavatica.sbgenomics.com/developer#token'],
      ['bdc', 'https://api.sb.biodatacatalyst.nhlbi.nih.gov/v2', 'https://platform.sb.biodatacatalyst.nhlbi.nih.gov',
        'https://platform.sb.biodatacatalyst.nhlbi.nih.gov/developer#token'],
    ]);
    for (const environment of ENVIRONMENTS) assert.ok(environment.name.length > 0, environment.id);
  });

  it('finds an environment by id and by API URL, with or without /v2 and trailing slash', () => {
    assert.equal(environmentById('cgc')?.name, 'Cancer Genomics Cloud (CGC)');
    assert.equal(environmentById('nope'), undefined);
    assert.equal(environmentForApiBase('https://cgc-api.sbgenomics.com').id, 'cgc');
    assert.equal(environmentForApiBase('https://eu-api.sbgenomics.com/v2/').id, 'sbg-eu');
  });

  it('derives a custom environment: web UI is the API host without "-api"', () => {
    const custom = environmentForApiBase('https://acme-api.example.org/v2', 'Acme');
    assert.deepEqual(custom, {
      id: 'custom',
      name: 'Acme',
      apiBase: 'https://acme-api.example.org/v2',
      webBase: 'https://acme.example.org',
      tokenPage: 'https://acme.example.org/developer#token',
    });
    assert.equal(environmentForApiBase('http://127.0.0.1:8080/v2').webBase, 'http://127.0.0.1:8080');
  });

  it('normalizes API URLs: adds /v2 to a bare host, drops trailing slashes, keeps other paths', () => {
    assert.equal(normalizeApiBase(' https://cgc-api.sbgenomics.com/ '), 'https://cgc-api.sbgenomics.com/v2');
    assert.equal(normalizeApiBase('https://x.example/v2///'), 'https://x.example/v2');
    assert.equal(normalizeApiBase('https://x.example/proxy/v2'), 'https://x.example/proxy/v2');
  });

  it('builds web UI links to a task, a file and an app (docs/PLATFORM.md#web-ui-links)', () => {
    const cgc = environmentById('cgc')!;
    assert.equal(taskWebUrl(cgc, 'alice/rna-seq', '08c5da64-1329-ba3e-b014-62a1617bc7db'),
      'https://cgc.sbgenomics.com/u/alice/rna-seq/tasks/08c5da64-1329-ba3e-b014-62a1617bc7db/');
    assert.equal(fileWebUrl(cgc, 'alice/rna-seq', '567890abc3d8130ea4047731'),
      'https://cgc.sbgenomics.com/u/alice/rna-seq/files/567890abc3d8130ea4047731/');
    assert.equal(appWebUrl(cgc, 'alice/rna-seq/star-align/2'), 'https://cgc.sbgenomics.com/u/alice/rna-seq/apps/#alice/rna-seq/star-align/2');
    assert.equal(appWebUrl(cgc, 'alice/rna-seq/star-align/2', 1), 'https://cgc.sbgenomics.com/u/alice/rna-seq/apps/#alice/rna-seq/star-align/1');
    assert.equal(appWebUrl(cgc, 'alice/rna-seq/star-align'), 'https://cgc.sbgenomics.com/u/alice/rna-seq/apps/#alice/rna-seq/star-align');
  });
});
