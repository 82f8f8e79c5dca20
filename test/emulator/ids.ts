/**
 * Deterministic identifiers and pseudo-random numbers. Everything the emulator invents (file ids,
 * task ids, task durations, which tasks fail) is derived from a hash of a stable key, so two runs
 * of the same test see the same ids and the same outcomes.
 */
import { createHash } from 'node:crypto';

function sha1Hex(key: string): string {
  return createHash('sha1').update(key).digest('hex');
}

/** A 24-hex platform id (files, folders), stable for the key. */
export function hexId(key: string): string {
  return sha1Hex(key).slice(0, 24);
}

/** A 32-hex developer token, stable for the key. */
export function tokenFor(key: string): string {
  return sha1Hex(`token:${key}`).slice(0, 32);
}

/** A version-4-shaped UUID, stable for the key (tasks). */
export function uuidFor(key: string): string {
  const h = sha1Hex(`uuid:${key}`);
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A number in [0, 1), stable for the key. */
export function unitFraction(key: string): number {
  return parseInt(sha1Hex(key).slice(0, 8), 16) / 0x1_0000_0000;
}
