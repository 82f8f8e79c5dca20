/**
 * Credentials the way SBG's own clients find them (docs/PLATFORM.md#deployments-and-sign-in): the environment
 * variables SB_API_ENDPOINT and SB_AUTH_TOKEN, or a profile of the INI file
 * ~/.sevenbridges/credentials holding `api_endpoint` and `auth_token`.
 *
 * Order: an explicitly requested profile wins; else the two variables; else the
 * `default` profile. Messages name the variable, file or profile to fix, never the token.
 */
import { constants as fsConstants, promises as fs, type Stats } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { normalizeApiBase } from './environments';

export interface Credentials {
  /** API base URL including /v2. */
  apiEndpoint: string;
  token: string;
  /** Where they came from, for messages: "SB_API_ENDPOINT/SB_AUTH_TOKEN" or "profile cgc in ~/.sevenbridges/credentials". */
  source: string;
}

export type CredentialsLookup =
  | { kind: 'found'; credentials: Credentials }
  /** Nothing configured; the message says how to configure it. */
  | { kind: 'none'; message: string }
  /** Something configured but unusable; the message says what to fix. */
  | { kind: 'invalid'; message: string };

export interface CredentialsInput {
  /** Environment variables (process.env in production). */
  env: Record<string, string | undefined>;
  /** Text of the credentials file, or undefined when there is none. */
  fileText?: string;
  /** Shown in messages. */
  filePath?: string;
  /** Profile asked for by name (a --profile option); without it the variables, then `default`. */
  profile?: string;
}

export const DEFAULT_CREDENTIALS_PATH = path.join('~', '.sevenbridges', 'credentials');

/** Sections of an INI file: `[name]` then `key = value` (or `key: value`); `#` and `;` start comments. */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      const name = header[1].trim();
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      continue;
    }
    const separator = line.search(/[=:]/);
    if (current && separator > 0) {
      current.set(line.slice(0, separator).trim().toLowerCase(), line.slice(separator + 1).trim());
    }
  }
  return sections;
}

export function resolveCredentials(input: CredentialsInput): CredentialsLookup {
  const filePath = input.filePath ?? DEFAULT_CREDENTIALS_PATH;
  if (input.profile !== undefined) return fromProfile(input.profile, input.fileText, filePath);

  const endpoint = input.env.SB_API_ENDPOINT?.trim();
  const token = input.env.SB_AUTH_TOKEN?.trim();
  if (endpoint && token) {
    return found(endpoint, token, 'SB_API_ENDPOINT/SB_AUTH_TOKEN');
  }
  if (endpoint || token) {
    const missing = endpoint ? 'SB_AUTH_TOKEN' : 'SB_API_ENDPOINT';
    const present = endpoint ? 'SB_API_ENDPOINT' : 'SB_AUTH_TOKEN';
    return { kind: 'invalid', message: `${present} is set but ${missing} is not: set both, or neither to use ${filePath}.` };
  }
  if (input.fileText === undefined) {
    return {
      kind: 'none',
      message: `No credentials: set SB_API_ENDPOINT and SB_AUTH_TOKEN, or write a [default] profile with api_endpoint and auth_token in ${filePath}.`,
    };
  }
  return fromProfile('default', input.fileText, filePath);
}

/**
 * The largest credentials file read: a profile is three short lines, so a megabyte holds thousands.
 * A larger file is a mistake (a log or a disk image at that path), not credentials.
 */
export const MAX_CREDENTIALS_FILE_BYTES = 1024 * 1024;

export type CredentialsFileRead =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  /** Unreadable, not a regular file, or too large; the message says which and names the file. */
  | { kind: 'error'; message: string };

/**
 * Reads a credentials file, only when it is a regular file of at most MAX_CREDENTIALS_FILE_BYTES.
 * Opened without blocking and checked on the open handle (not by path first, which another
 * process could swap): reading a FIFO would wait for a writer forever, a device or a huge file
 * would never end.
 */
export async function readCredentialsFile(filePath: string): Promise<CredentialsFileRead> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(filePath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'error', message: `Could not read ${filePath}: ${(error as Error).message}` };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      return { kind: 'error', message: `${filePath} is ${fileKind(stats)}, not a regular file: the credentials file must be a plain text file (remove it, or point --profile elsewhere).` };
    }
    const tooLarge = `${filePath} is larger than ${MAX_CREDENTIALS_FILE_BYTES} bytes, the most a credentials file may hold: is it the right file?`;
    if (stats.size > MAX_CREDENTIALS_FILE_BYTES) return { kind: 'error', message: tooLarge };
    // Read at most one byte past the cap: the file may have grown since fstat.
    const buffer = Buffer.alloc(MAX_CREDENTIALS_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_CREDENTIALS_FILE_BYTES) return { kind: 'error', message: tooLarge };
    }
    return { kind: 'text', text: buffer.subarray(0, length).toString('utf8') };
  } catch (error) {
    return { kind: 'error', message: `Could not read ${filePath}: ${(error as Error).message}` };
  } finally {
    await handle.close().catch(() => {});
  }
}

function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a file';
}

/** Reads the real file (~/.sevenbridges/credentials unless `filePath` says otherwise) and resolves. */
export async function readCredentials(options: { profile?: string; env?: Record<string, string | undefined>; filePath?: string } = {}): Promise<CredentialsLookup> {
  const filePath = options.filePath ?? path.join(os.homedir(), '.sevenbridges', 'credentials');
  const read = await readCredentialsFile(filePath);
  if (read.kind === 'error') return { kind: 'invalid', message: read.message };
  const fileText = read.kind === 'text' ? read.text : undefined;
  return resolveCredentials({ env: options.env ?? process.env, fileText, filePath, profile: options.profile });
}

/** Profile names in the file, for a picker. */
export function listProfiles(fileText: string): string[] {
  return [...parseIni(fileText).keys()];
}

function fromProfile(profile: string, fileText: string | undefined, filePath: string): CredentialsLookup {
  if (fileText === undefined) {
    return { kind: 'none', message: `There is no credentials file at ${filePath} to read profile "${profile}" from.` };
  }
  const sections = parseIni(fileText);
  const section = sections.get(profile);
  if (!section) {
    const names = [...sections.keys()];
    const known = names.length ? `profiles there: ${names.join(', ')}` : 'it has no profiles';
    return { kind: 'none', message: `${filePath} has no profile [${profile}] (${known}).` };
  }
  const endpoint = section.get('api_endpoint');
  const token = section.get('auth_token');
  const missing = [!endpoint && 'api_endpoint', !token && 'auth_token'].filter(Boolean);
  if (!endpoint || !token) {
    return { kind: 'invalid', message: `Profile [${profile}] in ${filePath} has no ${missing.join(' and no ')}: add it.` };
  }
  return found(endpoint, token, `profile ${profile} in ${filePath}`);
}

function found(endpoint: string, token: string, source: string): CredentialsLookup {
  return { kind: 'found', credentials: { apiEndpoint: normalizeApiBase(endpoint), token, source } };
}
