/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY: which URLs go through which proxy (pure), and real requests
 * from the client to a forward proxy on 127.0.0.1. Plain-HTTP (loopback) API URLs never go through a
 * proxy, so the emulator is reached direct even with HTTP_PROXY and NO_PROXY=''; what goes through
 * a proxy is an https:// API URL (a CONNECT tunnel), tested against 127.0.0.1 with NO_PROXY=''.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SbgApiError } from '../../platform/src/errors';
import { noProxyMatcher, ProxyConfigError, proxyFromEnv } from '../../platform/src/proxy';
import type { Emulator } from '../emulator/index';
import { closedPort, startForwardProxy, type ForwardProxy } from './forwardProxy';
import { clientFor, rejectionOf, startPlatform } from './platformFixture';

describe('NO_PROXY matching', () => {
  const direct = (list: string, url: string) => noProxyMatcher(list)(new URL(url));

  it('matches a host and every host under it, with or without a leading dot or *.', () => {
    for (const list of ['example.org', '.example.org', '*.example.org']) {
      assert.equal(direct(list, 'https://example.org/v2'), true, list);
      assert.equal(direct(list, 'https://api.eu.example.org/v2'), true, list);
      assert.equal(direct(list, 'https://notexample.org/v2'), false, list);
      assert.equal(direct(list, 'https://example.org.evil.net/v2'), false, list);
    }
  });

  it('reads a comma- or space-separated list, case-insensitively, ignoring empty entries and a trailing dot', () => {
    const list = ' internal.corp , ,SBGenomics.com  cgc.local.';
    assert.equal(direct(list, 'https://api.sbgenomics.com/v2'), true);
    assert.equal(direct(list, 'https://API.SBGENOMICS.COM./v2'), true);
    assert.equal(direct(list, 'https://x.cgc.local/v2'), true);
    assert.equal(direct(list, 'https://cavatica-api.sbgenomics.net/v2'), false);
    assert.equal(direct('', 'http://127.0.0.1:8080/v2'), false, 'an empty list sends everything through the proxy');
  });

  it('`*` sends everything direct', () => {
    assert.equal(direct('*', 'https://api.sbgenomics.com/v2'), true);
    assert.equal(direct('other.org,*', 'http://127.0.0.1:9/v2'), true);
  });

  it('an entry with a port matches only that port, the scheme default when the URL has none', () => {
    assert.equal(direct('example.org:8443', 'https://example.org:8443/v2'), true);
    assert.equal(direct('example.org:8443', 'https://example.org/v2'), false);
    assert.equal(direct('example.org:443', 'https://example.org/v2'), true);
    assert.equal(direct('example.org:80', 'http://example.org/v2'), true);
    assert.equal(direct('example.org:80', 'https://example.org/v2'), false);
  });

  it('matches IP addresses, IPv6 with or without brackets', () => {
    assert.equal(direct('10.1.2.3', 'https://10.1.2.3/v2'), true);
    assert.equal(direct('10.1.2.3', 'https://10.1.2.30/v2'), false);
    assert.equal(direct('::1', 'http://[::1]:8080/v2'), true);
    assert.equal(direct('[::1]:8080', 'http://[::1]:8080/v2'), true);
    assert.equal(direct('[::1]:8080', 'http://[::1]:9090/v2'), false);
  });
});

describe('proxyFromEnv', () => {
  const API = new URL('https://api.sbgenomics.com/v2');
  const LOCAL = new URL('http://127.0.0.1:8080/v2');

  it('names no proxy when no proxy variable is set, or it is empty', () => {
    assert.equal(proxyFromEnv({}), undefined);
    assert.equal(proxyFromEnv({ NO_PROXY: 'example.org' }), undefined);
    assert.equal(proxyFromEnv({ HTTPS_PROXY: '  ' }), undefined);
  });

  it('uses HTTPS_PROXY for https://, and never a proxy for a plain http:// URL, whatever HTTP_PROXY and NO_PROXY say', () => {
    const onlyHttps = proxyFromEnv({ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '' })!;
    assert.equal(onlyHttps.routeFor(API)?.display, 'http://proxy.corp:3128');
    assert.equal(onlyHttps.routeFor(API)?.variable, 'HTTPS_PROXY');
    assert.equal(onlyHttps.routeFor(LOCAL), undefined);
    const onlyHttp = proxyFromEnv({ HTTP_PROXY: 'http://proxy.corp:3128', NO_PROXY: '' })!;
    assert.equal(onlyHttp.routeFor(API), undefined);
    assert.equal(onlyHttp.routeFor(LOCAL), undefined);
    const both = { HTTP_PROXY: 'http://proxy.corp:3128', HTTPS_PROXY: 'http://proxy.corp:3128', http_proxy: 'http://p2:1' };
    for (const noProxy of [undefined, '', 'internal.corp', 'api.sbgenomics.com']) {
      for (const url of ['http://127.0.0.1:8080/v2', 'http://localhost:8080/v2', 'http://[::1]:8080/v2']) {
        assert.equal(proxyFromEnv({ ...both, NO_PROXY: noProxy })!.routeFor(new URL(url)), undefined, `${url} with NO_PROXY=${noProxy}`);
      }
    }
  });

  it('prefers the lower-case spelling, as curl does, and takes a URL without a scheme as http://', () => {
    const resolver = proxyFromEnv({ HTTPS_PROXY: 'http://upper:1', https_proxy: 'lower.corp:3128' })!;
    assert.deepEqual({ ...resolver.routeFor(API), agent: undefined }, { agent: undefined, display: 'http://lower.corp:3128', variable: 'https_proxy' });
    const noProxy = proxyFromEnv({ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'other.org', no_proxy: 'sbgenomics.com' })!;
    assert.equal(noProxy.routeFor(API), undefined);
  });

  it('sends https:// loopback direct by default; a NO_PROXY that is set replaces that default', () => {
    const env = { HTTP_PROXY: 'http://proxy.corp:3128', HTTPS_PROXY: 'http://proxy.corp:3128' };
    for (const url of ['https://127.0.0.1:8080/v2', 'https://localhost:8080/v2', 'https://[::1]:8080/v2', 'https://127.5.0.1/v2']) {
      assert.equal(proxyFromEnv(env)!.routeFor(new URL(url)), undefined, url);
      assert.ok(proxyFromEnv({ ...env, NO_PROXY: '' })!.routeFor(new URL(url)), url);
    }
    assert.ok(proxyFromEnv(env)!.routeFor(API));
    assert.ok(proxyFromEnv({ ...env, no_proxy: 'internal.corp' })!.routeFor(new URL('https://127.0.0.1:8080/v2')));
  });

  it('shows a proxy with credentials without them', () => {
    const route = proxyFromEnv({ HTTPS_PROXY: 'http://alice:s3cr%40t@proxy.corp:3128/' })!.routeFor(API)!;
    assert.equal(route.display, 'http://proxy.corp:3128');
  });

  it('refuses a proxy that is not an http(s) URL, naming the variable and not echoing the value', () => {
    assert.throws(() => proxyFromEnv({ HTTPS_PROXY: 'socks5://alice:s3cret@proxy.corp:1080' }), (error: Error) => {
      assert.ok(error instanceof ProxyConfigError);
      assert.match(error.message, /HTTPS_PROXY names a socks5:\/\/ proxy; only http:\/\/ and https:\/\/ proxies are supported/);
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    });
    assert.throws(() => proxyFromEnv({ http_proxy: 'http://alice:s3cret@[bad' }), (error: Error) => {
      assert.match(error.message, /^http_proxy is not a proxy URL: write it like http:\/\/proxy\.example\.org:3128/);
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    });
    assert.throws(() => proxyFromEnv({ HTTP_PROXY: 'http://alice:50%zz@proxy.corp:3128' }), /The user or password in HTTP_PROXY has a % that does not start an escape/);
  });
});

describe('the client through a forward proxy (emulator behind it)', () => {
  let emulator: Emulator;
  let proxy: ForwardProxy;
  let guarded: ForwardProxy;

  before(async () => {
    emulator = await startPlatform();
    proxy = await startForwardProxy();
    guarded = await startForwardProxy({ user: 'alice', password: 's3cr@t' });
  });
  after(async () => {
    await Promise.all([emulator.close(), proxy.close(), guarded.close()]);
  });

  const withCredentials = (password: string) => guarded.origin.replace('//', `//alice:${encodeURIComponent(password)}@`);

  const httpsBase = () => `https://127.0.0.1:${new URL(emulator.url).port}/v2`;

  it('never sends a plain-http API request through HTTP_PROXY, even with NO_PROXY empty: the proxy never sees the token', async () => {
    emulator.resetLog();
    const before = { requests: proxy.requests.length, headers: proxy.headers.length };
    const { client } = clientFor(emulator, { proxy: proxyFromEnv({ HTTP_PROXY: proxy.origin, NO_PROXY: '' }) });
    const user = await client.getUser();
    const projects = await client.listProjects();
    assert.equal(user.username, emulator.store.users.values().next().value!.username);
    assert.ok(projects.items.some((project) => project.id === 'alice/rna-seq'));
    assert.equal(proxy.requests.length, before.requests, proxy.requests.slice(before.requests).join('\n'));
    assert.equal(proxy.headers.length, before.headers);
    assert.deepEqual(emulator.requests.map((request) => request.path), ['/user', '/projects']);
  });

  it('goes direct to loopback when NO_PROXY is not set', async () => {
    const before = proxy.requests.length;
    const { client } = clientFor(emulator, { proxy: proxyFromEnv({ HTTP_PROXY: proxy.origin }) });
    await client.getUser();
    assert.equal(proxy.requests.length, before);
  });

  it('authenticates to the proxy with the credentials in the URL, and shows them nowhere', async () => {
    const { client, log } = clientFor(emulator, { baseUrl: httpsBase(), proxy: proxyFromEnv({ HTTPS_PROXY: withCredentials('s3cr@t'), NO_PROXY: '' }) });
    const refusalsBefore = guarded.refusals;
    const connectsBefore = guarded.connects.length;
    // The proxy lets the tunnel through; the emulator speaks plain HTTP, so TLS then fails.
    const error = await rejectionOf(client.getUser());
    assert.ok(error instanceof SbgApiError && error.kind === 'network', String(error));
    assert.equal(guarded.refusals, refusalsBefore);
    // A read is tried again after a failed connection: every attempt went through the tunnel.
    assert.deepEqual(new Set(guarded.connects.slice(connectsBefore)), new Set([`127.0.0.1:${new URL(emulator.url).port}`]));
    assert.doesNotMatch(JSON.stringify(log) + error.message, /s3cr/);
  });

  it('a proxy that refuses (407) gives an error naming the proxy and the variable, without the password', async () => {
    emulator.resetLog();
    const { client, log } = clientFor(emulator, { baseUrl: httpsBase(), proxy: proxyFromEnv({ HTTPS_PROXY: withCredentials('wrong-pw'), NO_PROXY: '' }) });
    const error = await rejectionOf(client.getUser());
    assert.ok(error instanceof SbgApiError);
    assert.equal(error.kind, 'proxy');
    assert.equal(error.status, 407);
    assert.equal(
      error.message,
      `The proxy ${guarded.origin} refused to forward GET /user to the emulator (407 Proxy Authentication Required): ` +
        'check the user and password in HTTPS_PROXY (write it like http://user:password@host:port). Nothing reached the platform.',
    );
    assert.equal(log.length, 1, 'a refusal by the proxy is not retried');
    assert.doesNotMatch(error.message + JSON.stringify(log), /wrong-pw|alice/);
    assert.equal(emulator.requests.length, 0);
  });

  it('an https:// API goes through HTTPS_PROXY with CONNECT, and the token is not shown to a proxy that refuses', async () => {
    const port = new URL(emulator.url).port;
    const { client } = clientFor(emulator, {
      baseUrl: `https://127.0.0.1:${port}/v2`,
      proxy: proxyFromEnv({ HTTPS_PROXY: withCredentials('wrong-pw'), HTTP_PROXY: proxy.origin, NO_PROXY: '' }),
    });
    const connectsBefore = guarded.connects.length;
    const headersBefore = guarded.headers.length;
    const error = await rejectionOf(client.getUser());
    assert.ok(error instanceof SbgApiError && error.kind === 'proxy', String(error));
    assert.match(error.message, new RegExp(`^The proxy ${guarded.origin} refused to forward GET /user .*check the user and password in HTTPS_PROXY`));
    assert.deepEqual(guarded.connects.slice(connectsBefore), [`127.0.0.1:${port}`]);
    const seen = guarded.headers.slice(headersBefore).join('\n');
    assert.match(seen, /proxy-authorization/, 'the credentials were offered to the proxy');
    assert.ok(!seen.includes(emulator.token), 'a CONNECT proxy never sees the request headers');
  });

  it('a proxy that cannot be reached is named in the error, with the variable to check', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const { client } = clientFor(emulator, { baseUrl: httpsBase(), proxy: proxyFromEnv({ HTTPS_PROXY: dead, NO_PROXY: '' }) });
    // A create is not retried, so the first failure is the answer.
    const error = await rejectionOf(client.createTask({ project: 'alice/rna-seq', app: 'alice/rna-seq/bam-stats', inputs: {} }));
    assert.ok(error instanceof SbgApiError && error.kind === 'network', String(error));
    assert.match(error.message, new RegExp(`^Could not reach the emulator at 127\\.0\\.0\\.1:\\d+ through the proxy ${dead} for POST /tasks \\(connection refused\\): check the proxy in HTTPS_PROXY`));
    assert.equal(error.sendState, 'unsent', 'a connection never made sent nothing');
  });
});
