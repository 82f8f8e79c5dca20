/**
 * Where the token may go: only to the configured API host, over HTTPS, except on this
 * machine (loopback), where plain HTTP serves the emulator and local proxies.
 */

export class UnsafeUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeUrlError';
  }
}

/** 127.0.0.0/8, ::1 and localhost: addresses that never leave this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Parses an API base URL and refuses one that would expose the token: not http(s), plain
 * HTTP to another machine, or a user name or password inside the URL.
 */
export function checkApiUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Echo only text shaped like a host or path: a value without either may be the token itself,
    // set in the endpoint's place (SB_API_ENDPOINT and SB_AUTH_TOKEN swapped).
    const shown = /[./]/.test(url) ? `"${url}" is` : 'The API URL is';
    throw new UnsafeUrlError(`${shown} not a valid API URL: write it like https://api.sbgenomics.com/v2 (and check that the URL and the token are not swapped).`);
  }
  if (parsed.username || parsed.password) {
    throw new UnsafeUrlError(`The API URL must not contain a user name or password: remove the part before "@" from ${parsed.host}.`);
  }
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:') {
    if (isLoopbackHost(parsed.hostname)) return parsed;
    throw new UnsafeUrlError(
      `Refusing to send the token over plain HTTP to ${parsed.host}: use an https:// API URL ` +
        '(plain http is allowed only for 127.0.0.1, ::1 and localhost).',
    );
  }
  throw new UnsafeUrlError(`The API URL must start with https:// (got ${parsed.protocol}//${parsed.host}).`);
}

/** Same scheme, host and port: the only places a request carrying the token may be sent. */
export function isSameOrigin(a: URL, b: URL): boolean {
  return a.origin === b.origin;
}

/** An id whose `/`-separated parts include an empty, `.` or `..` one, plain or percent-encoded. */
export function hasUnsafeSegment(id: string): boolean {
  return id.split('/').some((segment) => isUnsafeSegment(segment));
}

/**
 * Empty, `.`, `..`, a backslash (URL parsers read it as a slash), or a part that decodes (once or
 * more) to one of those or to text with a slash.
 */
export function isUnsafeSegment(segment: string): boolean {
  let text = segment;
  // Decoding until stable catches %2e%2e and %252e%252e alike; a server decodes at least once.
  for (let round = 0; round < 4; round++) {
    if (text === '' || text === '.' || text === '..' || text.includes('\\') || (round > 0 && text.includes('/'))) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return true; // a % that is not an escape: no honest id has one unencoded
    }
    if (decoded === text) return false;
    text = decoded;
  }
  return true;
}

/**
 * Whether a request may go to `url`: its path stays under the API base's path, and no part of what
 * follows (nor of the caller's `rawPath`, before URL parsing folded `..` away) is empty, `.`, `..`
 * or an encoded form of them. One check for every request, whatever built its path.
 */
export function staysUnderBase(url: URL, base: URL, rawPath?: string): boolean {
  const basePath = base.pathname.replace(/\/+$/, '');
  if (url.origin !== base.origin || !url.pathname.startsWith(`${basePath}/`)) return false;
  // One trailing slash (`/tasks/`) is harmless; every other empty part is refused.
  const parts = [url.pathname.slice(basePath.length + 1).replace(/\/$/, '')];
  if (rawPath !== undefined) parts.push(rawPath.replace(/[?#].*$/s, '').replace(/^\//, '').replace(/\/$/, ''));
  return parts.every((part) => !hasUnsafeSegment(part));
}
