/**
 * A value of the right shape for a port, for skeletons the user then fills in: a File object
 * with an empty `path`, a list with one such item, the first enum symbol, zero, false, "".
 */
import type { PortType } from '../cwl/model';

export function placeholderFor(type: PortType): unknown {
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
      return [placeholderFor(type.items)];
    case 'record':
      return Object.fromEntries(type.fields.filter((f) => f.required).map((f) => [f.id, placeholderFor(f.type)]));
    case 'union':
      return placeholderFor(type.members[0] ?? { kind: 'any' });
  }
}
