/**
 * The canonical one-line notation of a port type (issue 3 §1), the one the CLI prints:
 * `File`, `T[]`, `enum(a|b|c)`, `record{f: T, g: T?}`, `A|B`, `(T|null)[]`, `Any`.
 * A compound type is parenthesised where it sits inside another one (`(A|B)[]`, `(A|B)?`).
 */
import type { PortType } from './model';

export function typeToString(type: PortType): string {
  switch (type.kind) {
    case 'enum':
      return `enum(${type.symbols.join('|')})`;
    case 'array': {
      if (type.itemsNullable) {
        return `(${unionMembers(type.items).join('|')}|null)[]`;
      }
      return `${operand(type.items)}[]`;
    }
    case 'record':
      return `record{${type.fields.map((field) => `${field.id}: ${operand(field.type)}${field.required ? '' : '?'}`).join(', ')}}`;
    case 'union':
      return type.members.map(typeToString).join('|');
    case 'any':
      return 'Any';
    default:
      return type.kind;
  }
}

/** A type written where a suffix (`[]`, `?`) follows: a union needs parentheses there. */
function operand(type: PortType): string {
  return type.kind === 'union' ? `(${typeToString(type)})` : typeToString(type);
}

function unionMembers(type: PortType): string[] {
  return type.kind === 'union' ? type.members.map(typeToString) : [typeToString(type)];
}
