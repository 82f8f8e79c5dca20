/**
 * A value of the right shape for a port, for skeletons the user then fills in: a File object
 * with an empty `path`, a list with one such item, the first enum symbol, zero, false, "".
 */
import type { PortType } from '../cwl/model';

/**
 * The most types one placeholder spells out; past it a record is `{}` and a list `[]`. Named
 * types are shared, so a record of records can stand for 2^22 leaves (issue 9 §4).
 */
export const MAX_PLACEHOLDER_TYPES = 100;

export function placeholderFor(type: PortType, budget = { types: MAX_PLACEHOLDER_TYPES }): unknown {
  if (--budget.types < 0) {
    if (type.kind === 'record') return {};
    if (type.kind === 'array') return [];
  }
  switch (type.kind) {
    case 'File':
    case 'Directory':
      return { class: type.kind, path: '' };
    case 'string':
    case 'any':
      return '';
    case 'int':
    case 'long':
    case 'float':
    case 'double':
      return 0;
    case 'boolean':
      return false;
    case 'enum':
      return type.symbols[0] ?? '';
    case 'array':
      return [placeholderFor(type.items, budget)];
    case 'record':
      return Object.fromEntries(type.fields.filter((f) => f.required).map((f) => [f.id, placeholderFor(f.type, budget)]));
    case 'union':
      return placeholderFor(type.members[0] ?? { kind: 'any' }, budget);
  }
}
