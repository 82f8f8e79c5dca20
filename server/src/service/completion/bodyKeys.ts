/**
 * Keys and values the body schema knows (server/src/service/schema/bodySchema.ts): the body's
 * own keys, `execution_settings`, `batch_by`, `output_location`, and the keys of File and
 * Directory objects under `inputs`. Each key inserts a value of the right shape.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { JSONPath } from 'jsonc-parser';
import { type ValueSchema, type PropertySchema } from '../schema/bodySchema';
import { schemaFor } from '../schema/schemaFor';
import { keyItem, literalItem, orderKey, valueItem } from './items';
import { presentKeys, type CompletionRequest } from './request';
import { TabStops, jsonSnippet } from './snippet';
import { ownValue } from '../json/ownProperty';

/** Snippet text for a value the schema describes; objects come with their required keys filled in. */
export function schemaSnippet(schema: ValueSchema, stops: TabStops): string {
  if (schema.enum?.length === 1) return jsonSnippet(schema.enum[0]);
  if (schema.enum) return `"\${${stops.take()}|${schema.enum.join(',')}|}"`;
  switch (schema.types[0]) {
    case 'string':
      return `"\${${stops.take()}}"`;
    case 'integer':
    case 'number':
      return `\${${stops.take()}:${schema.minimum ?? 0}}`;
    case 'boolean':
      return `\${${stops.take()}|true,false|}`;
    case 'array':
      return `[\${${stops.take()}}]`;
    case 'object': {
      const required = Object.entries(schema.properties ?? {}).filter(([, p]) => p.required);
      if (required.length === 0) return `{\${${stops.take()}}}`;
      return `{${required.map(([key, p]) => `${jsonSnippet(key)}: ${schemaSnippet(p, stops)}`).join(', ')}}`;
    }
    default:
      return `\${${stops.take()}:null}`;
  }
}

function keyDetail(property: PropertySchema): string {
  const types = property.types.filter((t) => t !== 'null').join(' | ');
  return property.required ? `${types} (required)` : types;
}

/** Keys of the schema object at the site's path that the object does not have yet. */
export function bodyKeyCompletions(request: CompletionRequest): CompletionItem[] {
  const schema = schemaFor(request.app, request.site.path);
  if (!schema?.properties) return [];
  const present = presentKeys(request, request.site.path);
  return Object.entries(schema.properties)
    .filter(([key]) => !present.has(key))
    .map(([key, property], index) =>
      keyItem(request.site, key, schemaSnippet(property, new TabStops()), {
        detail: keyDetail(property),
        documentation: property.doc,
        sortText: `${property.required ? 0 : 1}${orderKey(index)}`,
      }),
    );
}

/** Enum values, booleans, and an empty object or array of the right shape, for a schema value. */
export function bodyValueCompletions(request: CompletionRequest): CompletionItem[] {
  const schema = schemaFor(request.app, request.site.path);
  if (!schema) return [];
  const items: CompletionItem[] = [];
  for (const value of schema.enum ?? []) {
    items.push(literalItem(request.site, value, value, { kind: CompletionItemKind.EnumMember, documentation: schema.doc }));
  }
  if (schema.types.includes('boolean')) {
    for (const value of [true, false]) items.push(literalItem(request.site, String(value), value, { kind: CompletionItemKind.Value }));
  }
  if (!request.site.inString && (schema.types[0] === 'object' || schema.types[0] === 'array')) {
    const snippet = schemaSnippet(schema, new TabStops());
    items.push(valueItem(request.site, schema.types[0] === 'object' ? '{}' : '[]', snippet, { documentation: schema.doc }));
  }
  return items;
}
