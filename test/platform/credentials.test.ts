import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CredentialsLookup, listProfiles, parseIni, readCredentials, resolveCredentials } from '../../platform/src/credentials';

const TOKEN_A = '0123456789abcdef0123456789abcdef';
const TOKEN_B = 'fedcba9876543210fedcba9876543210';
const FILE = `
# my platforms
[default]
api_endpoint = https://api.sbgenomics.com/v2
auth_token = ${TOKEN_A}

[cgc]
api_endpoint: https://cgc-api.sbgenomics.com
auth_token:${TOKEN_B}\r
; incomplete profile
[broken]
api_endpoint = https://eu-api.sbgenomics.com/v2
`;

describe('credentials', () => {
  it('parses INI sections with = or : separators, comments and CRLF', () => {
    const sections = parseIni(FILE);
    assert.deepEqual([...sections.keys()], ['default', 'cgc', 'broken']);
    assert.equal(sections.get('cgc')?.get('auth_token'), TOKEN_B);
    assert.deepEqual(listProfiles(FILE), ['default', 'cgc', 'broken']);
  });

  it('prefers SB_API_ENDPOINT and SB_AUTH_TOKEN over the default profile', () => {
    const lookup = resolveCredentials({ env: { SB_API_ENDPOINT: 'https://cavatica-api.sbgenomics.com/v2', SB_AUTH_TOKEN: TOKEN_B }, fileText: FILE });
    assert.deepEqual(lookup, {
      kind: 'found',
      credentials: { apiEndpoint: 'https://cavatica-api.sbgenomics.com/v2', token: TOKEN_B, source: 'SB_API_ENDPOINT/SB_AUTH_TOKEN' },
    });
  });

  it('falls back to the [default] profile, and a named profile wins over the variables', () => {
    const byDefault = resolveCredentials({ env: {}, fileText: FILE, filePath: '/h/.sevenbridges/credentials' });
    assert.equal(byDefault.kind, 'found');
    assert.equal(byDefault.kind === 'found' && byDefault.credentials.token, TOKEN_A);
    assert.equal(byDefault.kind === 'found' && byDefault.credentials.source, 'profile default in /h/.sevenbridges/credentials');

    const named = resolveCredentials({ env: { SB_API_ENDPOINT: 'https://x.example/v2', SB_AUTH_TOKEN: TOKEN_A }, fileText: FILE, profile: 'cgc' });
    assert.equal(named.kind === 'found' && named.credentials.apiEndpoint, 'https://cgc-api.sbgenomics.com/v2', 'a bare host gets /v2');
    assert.equal(named.kind === 'found' && named.credentials.token, TOKEN_B);
  });

  it('says what to fix, without the token, when something is missing', () => {
    const cases: [CredentialsLookup, CredentialsLookup['kind'], string][] = [
      [resolveCredentials({ env: { SB_AUTH_TOKEN: TOKEN_A }, fileText: FILE }), 'invalid', 'SB_AUTH_TOKEN is set but SB_API_ENDPOINT is not'],
      [resolveCredentials({ env: {}, fileText: FILE, profile: 'broken', filePath: 'creds' }), 'invalid', 'Profile [broken] in creds has no auth_token'],
      [resolveCredentials({ env: {}, fileText: FILE, profile: 'eu', filePath: 'creds' }), 'none', 'creds has no profile [eu] (profiles there: default, cgc, broken)'],
      [resolveCredentials({ env: {}, fileText: undefined, filePath: 'creds' }), 'none', 'set SB_API_ENDPOINT and SB_AUTH_TOKEN, or write a [default] profile'],
      [resolveCredentials({ env: {}, fileText: '[other]\n', filePath: 'creds' }), 'none', 'creds has no profile [default]'],
    ];
    for (const [lookup, kind, text] of cases) {
      assert.equal(lookup.kind, kind);
      const message = lookup.kind === 'found' ? '' : lookup.message;
      assert.ok(message.includes(text), message);
      assert.ok(!message.includes(TOKEN_A) && !message.includes(TOKEN_B));
    }
  });

  it('reads the real file, and treats a missing file as no credentials', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sbg-credentials-'));
    try {
      const filePath = path.join(dir, 'credentials');
      await fs.writeFile(filePath, FILE);
      const lookup = await readCredentials({ filePath, env: {}, profile: 'cgc' });
      assert.equal(lookup.kind === 'found' && lookup.credentials.token, TOKEN_B);
      const missing = await readCredentials({ filePath: path.join(dir, 'none'), env: {} });
      assert.equal(missing.kind, 'none');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
