/**
 * The forward proxy that the CLI and the standalone server send platform requests through, read from
 * the variables curl, git and most command-line tools use: HTTPS_PROXY for https:// URLs (the
 * lower-case spelling wins when both are set, as in curl), NO_PROXY for the hosts that go direct.
 *
 * Plain http:// API URLs never go through a proxy, whatever HTTP_PROXY and NO_PROXY say: the client
 * allows plain HTTP only to this machine (urlSafety.ts), and a proxy would read the token in clear
 * text. HTTP_PROXY is still read so that an unusable value is reported rather than silently ignored.
 *
 * Inside VS Code none of this is used: VS Code's proxy support patches Node's http/https modules in the
 * extension host, which node-fetch goes through, and an agent of our own would bypass it.
 *
 * NO_PROXY is a comma-separated list of `*` (everything goes direct), host names, domain suffixes
 * (`example.org`, `.example.org` and `*.example.org` all match example.org and every host under it),
 * IP addresses, each optionally with `:port`. Address ranges (CIDR) are not matched. When NO_PROXY is
 * not set, the default is this machine (localhost, 127.0.0.0/8, ::1); a NO_PROXY that is set replaces
 * that default, so `NO_PROXY=` (empty) sends even https:// loopback requests through the proxy.
 *
 * A proxy URL may carry a user and password; they go only into the Proxy-Authorization header,
 * never into a message: `ProxyRoute.display` is the proxy's origin without them.
 */
import type { Agent } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { isLoopbackHost } from './urlSafety';

/** How one request reaches its host through a proxy. */
export interface ProxyRoute {
  /** The node-fetch `agent` that sends the request through the proxy. */
  agent: Agent;
  /** The proxy's origin without credentials, for messages: `http://proxy.example.org:3128`. */
  display: string;
  /** The variable that named the proxy (`HTTPS_PROXY`, `http_proxy`), so a message says what to fix. */
  variable: string;
}

/** Chooses the proxy route for a URL; undefined means connect directly. */
export interface ProxyResolver {
  routeFor(url: URL): ProxyRoute | undefined;
}

/** A proxy variable that cannot be used; the message names the variable and never shows a password. */
export class ProxyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProxyConfigError';
  }
}

/**
 * The proxy routes the environment `env` describes, or undefined when it names no proxy.
 * Throws ProxyConfigError for a proxy variable that is not an http:// or https:// URL.
 */
export function proxyFromEnv(env: NodeJS.ProcessEnv): ProxyResolver | undefined {
  const https = proxyVariable(env, 'https_proxy');
  const http = proxyVariable(env, 'http_proxy');
  if (!https && !http) return undefined;
  const noProxy = firstSet(env, 'no_proxy');
  const bypass = noProxy === undefined ? (url: URL) => isLoopbackHost(url.hostname) : noProxyMatcher(noProxy.value);
  // One agent for the life of the client. HTTP_PROXY is still read, so that an unusable value is reported.
  const httpsRoute = https && { agent: new HttpsProxyAgent(https.origin, { headers: https.headers }), display: https.origin, variable: https.variable };
  return {
    routeFor(url) {
      // Plain HTTP carries the token in clear text, and the client allows it only to this machine
      // (urlSafety.ts): such a request goes direct whatever HTTP_PROXY and NO_PROXY say.
      if (url.protocol !== 'https:' || bypass(url)) return undefined;
      return httpsRoute;
    },
  };
}

/**
 * Whether NO_PROXY's `list` says `url` goes direct. Host names compare case-insensitively and
 * without a trailing dot; an entry with a port matches only that port (the scheme's default when
 * the URL has none).
 */
export function noProxyMatcher(list: string): (url: URL) => boolean {
  const entries = list.split(/[\s,]+/).filter((entry) => entry !== '').map(parseEntry);
  return (url) => {
    const host = normalizeHost(url.hostname);
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return entries.some((entry) => {
      if (entry.port !== undefined && entry.port !== port) return false;
      return entry.host === '*' || host === entry.host || host.endsWith(`.${entry.host}`);
    });
  };
}

interface NoProxyEntry {
  /** Lower case, without brackets, leading `*.`/`.` or trailing dot; `*` for everything. */
  host: string;
  port?: string;
}

function parseEntry(raw: string): NoProxyEntry {
  let host = raw.toLowerCase();
  let port: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(host);
  if (bracketed) {
    [, host, port] = bracketed;
  } else {
    // One colon is host:port; more are an IPv6 address without brackets.
    const hostPort = /^([^:]+):(\d+)$/.exec(host);
    if (hostPort) [, host, port] = hostPort;
  }
  return { host: host === '*' ? '*' : normalizeHost(host.replace(/^\*?\./, '')), port };
}

function normalizeHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

interface ProxySetting {
  /** The proxy's origin, without credentials: the agents get only this, so their debug output cannot show a password. */
  origin: string;
  /** Proxy-Authorization from the URL's user and password, when it has them. */
  headers: Record<string, string>;
  variable: string;
}

/** The proxy URL in `name` (lower case first, then upper case); a URL without a scheme is http://, as in curl. */
function proxyVariable(env: NodeJS.ProcessEnv, name: string): ProxySetting | undefined {
  const setting = firstSet(env, name);
  if (!setting || setting.value.trim() === '') return undefined;
  const text = setting.value.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    // Not echoed: the value may hold a password.
    throw new ProxyConfigError(`${setting.variable} is not a proxy URL: write it like http://proxy.example.org:3128 (with user:password@ before the host if the proxy needs them).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProxyConfigError(`${setting.variable} names a ${url.protocol}// proxy; only http:// and https:// proxies are supported: set it to the proxy's http:// URL.`);
  }
  const headers: Record<string, string> = {};
  if (url.username || url.password) {
    const credentials = `${decodeUserInfo(url.username, setting.variable)}:${decodeUserInfo(url.password, setting.variable)}`;
    headers['Proxy-Authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
  }
  return { origin: url.origin, headers, variable: setting.variable };
}

function decodeUserInfo(text: string, variable: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ProxyConfigError(`The user or password in ${variable} has a % that does not start an escape like %40: write a literal % as %25.`);
  }
}

/** The first of `name` and its upper-case spelling that is set (even to ''), with the spelling found. */
function firstSet(env: NodeJS.ProcessEnv, name: string): { value: string; variable: string } | undefined {
  for (const variable of [name, name.toUpperCase()]) {
    const value = env[variable];
    if (value !== undefined) return { value, variable };
  }
  return undefined;
}
