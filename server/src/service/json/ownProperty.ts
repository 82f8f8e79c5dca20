/**
 * Lookups keyed by text from a task file or an app. A plain object literal inherits
 * `constructor`, `toString`, `__proto__`, ...: indexing it with such a key returns Object's
 * members, not undefined (issue 9 §3). Every table the service reads with user text goes
 * through here (or is a Map).
 */

/** `record[key]` when the record itself holds `key`; undefined for inherited members. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
