/**
 * One log line per platform request: method, path, status, duration, rate limit left.
 * Entries come from the platform client's `onRequest`, which never carries headers; the
 * token is still scrubbed from every line in case it ever shows up in a path or message.
 */
import type { RequestLogEntry } from '../../../platform/src/client';

export function formatRequest(entry: RequestLogEntry): string {
  const parts = [
    entry.method,
    entry.path,
    entry.status !== undefined ? String(entry.status) : 'no answer',
    `${Math.round(entry.durationMs)} ms`,
  ];
  if (entry.rateLimitRemaining !== undefined) parts.push(`rate limit left ${entry.rateLimitRemaining}`);
  if (entry.requestId) parts.push(`request ${entry.requestId}`);
  if (entry.error) parts.push(`error: ${entry.error}`);
  return parts.join(' ');
}

/** `text` with every occurrence of each secret replaced, for anything that is logged or shown. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join('<token>');
  }
  return result;
}
