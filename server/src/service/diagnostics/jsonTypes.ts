/** Names of JSON types as the messages say them. */
import type { Node } from '../document/taskDocument';
import type { JsonType } from '../schema/bodySchema';

export function jsonTypeOf(node: Node): JsonType {
  if (node.type === 'number') return Number.isInteger(node.value) ? 'integer' : 'number';
  if (node.type === 'property') return 'object'; // never a value; keeps the result a JsonType
  return node.type;
}

export function matchesJsonType(node: Node, types: readonly JsonType[]): boolean {
  const type = jsonTypeOf(node);
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

const article: Record<JsonType, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

export function describeJsonType(type: JsonType): string {
  return article[type];
}

export function describeJsonTypes(types: readonly JsonType[]): string {
  const names = types.map(describeJsonType);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** What to write instead, when the value is a quoted boolean or number (`"true"`, `"4"`). */
export function unquoteHint(node: Node, types: readonly JsonType[]): string {
  if (node.type !== 'string') return '';
  const text = node.value as string;
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return `: write ${text} without quotes`;
  if ((types.includes('integer') || types.includes('number')) && text.trim() !== '' && Number.isFinite(Number(text))) {
    return `: write ${text.trim()} without quotes`;
  }
  return '';
}

/** What a value under `inputs` is, for "takes X, not Y": a number with a fraction is said so (3.5 is no int). */
export function describeActual(node: Node): string {
  const type = jsonTypeOf(node);
  return type === 'number' ? `a fractional number (${String(node.value)})` : describeJsonType(type);
}
