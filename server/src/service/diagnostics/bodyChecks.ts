/**
 * Checks the body against its schema (schema/bodySchema.ts): unknown keys with the nearest
 * valid one, JSON types, required keys, allowed values and minimums, at every level outside
 * `inputs` (the app's ports judge those).
 */
import type { Node } from '../document/taskDocument';
import { taskBodySchema, type ValueSchema } from '../schema/bodySchema';
import { describeJsonType, describeJsonTypes, jsonTypeOf, matchesJsonType, unquoteHint } from './jsonTypes';
import { nearest, listChoices } from './nearest';
import type { Reporter } from './report';
import { ownValue } from '../json/ownProperty';

export function checkBody(root: Node, reporter: Reporter): void {
  if (root.type !== 'object') {
    reporter.report(
      root,
      'sbg.body-type',
      `A task body is a JSON object, not ${describeJsonType(jsonTypeOf(root))}: write {"project": "owner/project", "app": "owner/project/app", "inputs": {...}}.`,
    );
    return;
  }
  // The schema is a few levels deep, so this walk is bounded by it, not by the document.
  const pending: { node: Node; schema: ValueSchema; name: string }[] = [{ node: root, schema: taskBodySchema, name: 'The task body' }];
  while (pending.length) {
    const { node, schema, name } = pending.pop()!;
    if (!checkType(node, schema, name, reporter)) continue;
    if (node.type === 'object' && !schema.free) {
      for (const property of node.children ?? []) {
        const [keyNode, value] = property.children ?? [];
        if (!keyNode) continue;
        const key = keyNode.value as string;
        const child = ownValue(schema.properties, key) ?? schema.additionalProperties;
        if (!child) {
          reportUnknownKey(keyNode, key, name, schema, reporter);
        } else if (value) {
          pending.push({ node: value, schema: child, name: `'${key}'` });
        }
      }
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (child.required && !node.children?.some((p) => p.children?.[0]?.value === key)) {
          const where = node === root ? 'The task body needs' : `${name} needs`;
          reporter.report({ offset: node.offset, length: 1 }, 'sbg.missing-key', `${where} '${key}': add "${key}": ${example(key)}.`, { id: key });
        }
      }
    } else if (node.type === 'array' && schema.items) {
      node.children?.forEach((item, index) => pending.push({ node: item, schema: schema.items!, name: `Item ${index + 1} of ${name}` }));
    }
  }
}

/** Reports a wrong type, value or number; returns whether the value's content is worth checking further. */
function checkType(node: Node, schema: ValueSchema, name: string, reporter: Reporter): boolean {
  if (!matchesJsonType(node, schema.types)) {
    reporter.report(
      node,
      'sbg.value-type',
      `${name} must be ${describeJsonTypes(schema.types)}, not ${describeJsonType(jsonTypeOf(node))}${unquoteHint(node, schema.types)}.`,
    );
    return false;
  }
  if (schema.enum && node.type === 'string') {
    const value = node.value as string;
    const allowed = schema.enumCaseInsensitive ? schema.enum.some((v) => v.toLowerCase() === value.toLowerCase()) : schema.enum.includes(value);
    if (!allowed) {
      reporter.report(node, 'sbg.enum-value', `${name} must be ${listChoices(schema.enum)}, not '${value}'.`, { suggestion: nearest(value, schema.enum, reporter.suggestions) });
    }
  }
  if (schema.minimum !== undefined && node.type === 'number' && (node.value as number) < schema.minimum) {
    reporter.report(node, 'sbg.value-range', `${name} must be at least ${schema.minimum}, not ${node.value}.`);
  }
  return true;
}

function reportUnknownKey(keyNode: Node, key: string, owner: string, schema: ValueSchema, reporter: Reporter): void {
  const keys = Object.keys(schema.properties ?? {});
  const suggestion = nearest(key, keys, reporter.suggestions);
  const where = owner === 'The task body' ? 'the task body' : owner;
  const fix = suggestion ? `did you mean '${suggestion}'?` : `the keys here are ${listChoices(keys, 12)}.`;
  reporter.report(keyNode, 'sbg.unknown-key', `Unknown key '${key}' in ${where}: ${fix}`, { id: key, suggestion });
}

function example(key: string): string {
  switch (key) {
    case 'project':
      return '"owner/project"';
    case 'app':
      return '"owner/project/app/revision"';
    case 'type':
      return '"item" or "criteria"';
    case 'class':
      return '"File"';
    default:
      return '...';
  }
}
