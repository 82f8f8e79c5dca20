import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { SbgClient } from '../../platform/src/client';
import { checkApiUrl, isLoopbackHost, UnsafeUrlError } from '../../platform/src/urlSafety';

const TOKEN = '0123456789abcdef0123456789abcdef';

describe('URL safety', () => {
  it('accepts HTTPS anywhere and plain HTTP only on loopback', () => {
    for (const url of ['https://api.sbgenomics.com/v2', 'http://127.0.0.1:4000/v2', 'http://127.8.9.10/v2', 'http://localhost:1/v2', 'http://[::1]:80/v2']) {
      assert.equal(checkApiUrl(url).href.replace(/\/$/, ''), new URL(url).href.replace(/\/$/, ''));
    }
    assert.ok(isLoopbackHost('[::1]'));
    assert.ok(!isLoopbackHost('128.0.0.1'));
    assert.ok(!isLoopbackHost('127.0.0.1.example.com'));
  });

  it('refuses plain HTTP to another machine with a message that says what to do', () => {
    for (const url of ['http://api.sbgenomics.com/v2', 'http://10.0.0.5/v2', 'http://localhost.example.com/v2']) {
      assert.throws(() => checkApiUrl(url), (error: Error) =>
        error instanceof UnsafeUrlError && /Refusing to send the token over plain HTTP to .+: use an https:\/\/ API URL/.test(error.message));
    }
  });

  it('refuses other schemes, credentials in the URL and text that is not a URL', () => {
    assert.throws(() => checkApiUrl('ftp://api.sbgenomics.com/v2'), /must start with https:\/\//);
    assert.throws(() => checkApiUrl('https://me:secret@api.sbgenomics.com/v2'), /must not contain a user name or password/);
    assert.throws(() => checkApiUrl('api.sbgenomics.com'), /"api.sbgenomics.com" is not a valid API URL: write it like https:\/\/api.sbgenomics.com\/v2/);
  });

  it('does not echo a token given in the URL\'s place (the two variables swapped)', () => {
    const token = '0123456789abcdef0123456789abcdef';
    assert.throws(() => checkApiUrl(token), (error: Error) =>
      error instanceof UnsafeUrlError && !error.message.includes(token) && /not swapped/.test(error.message));
  });

  it('the client refuses a plain-HTTP non-loopback URL before sending anything', () => {
    assert.throws(() => new SbgClient({ baseUrl: 'http://cgc-api.sbgenomics.com/v2', token: TOKEN }), (error: Error) =>
      error instanceof UnsafeUrlError && !error.message.includes(TOKEN));
  });
});
