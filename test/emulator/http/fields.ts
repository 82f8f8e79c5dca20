/**
 * The `fields` selector (docs/PLATFORM.md#the-fields-selector): `id,name,status` keeps those, `!inputs` drops one,
 * `metadata.sample_id` reaches into objects, `_all` keeps everything. Lists without `fields`
 * return a default subset.
 */
type Json = Record<string, unknown>;

export function selectFields(resource: object, spec: string | null, listDefault?: readonly string[]): Json {
  const json = resource as Json;
  if (spec === null || spec.trim() === '') return listDefault ? pick(json, listDefault.map(toPath)) : json;
  const parts = spec.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (parts.includes('_all')) return json;
  const excluded = parts.filter((part) => part.startsWith('!')).map((part) => toPath(part.slice(1)));
  const included = parts.filter((part) => !part.startsWith('!')).map(toPath);
  const base = included.length > 0 ? pick(json, included) : structuredClone(json);
  for (const path of excluded) drop(base, path);
  return base;
}

function toPath(field: string): string[] {
  return field.split('.');
}

function pick(resource: Json, paths: string[][]): Json {
  const result: Json = {};
  for (const path of paths) {
    let source: unknown = resource;
    let target = result;
    for (let i = 0; i < path.length; i++) {
      if (typeof source !== 'object' || source === null || !(path[i] in source)) break;
      source = (source as Json)[path[i]];
      if (i === path.length - 1) target[path[i]] = structuredClone(source);
      else target = (target[path[i]] ??= {}) as Json;
    }
  }
  return result;
}

function drop(resource: Json, path: string[]): void {
  let target: unknown = resource;
  for (const key of path.slice(0, -1)) {
    if (typeof target !== 'object' || target === null) return;
    target = (target as Json)[key];
  }
  if (typeof target === 'object' && target !== null) delete (target as Json)[path[path.length - 1]];
}
