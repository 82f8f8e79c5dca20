/**
 * The canonical one-line notation of a port type (issue 3 §1), the one the CLI prints:
 * `File`, `T[]`, `enum(a|b|c)`, `record{f: T, g: T?}`, `A|B`, `(T|null)[]`, `Any`.
 * A compound type is parenthesised where it sits inside another one (`(A|B)[]`, `(A|B)?`).
 *
 * Named types are shared: T_i = record{a: T_(i-1), b: T_(i-1)} is 2.5 KB of CWL at i = 22 and
 * 125 MB spelt out (issue 9 §4). So the notation is built in time linear in the app's size:
 * - a named type inside another is written by its name when spelling it out would take more than
 *   SPELLED_OUT_LIMIT characters (the outermost record or enum is always spelt out, one level);
 * - no notation is longer than MAX_NOTATION_LENGTH characters (it ends with `…`), nor deeper than
 *   MAX_DEPTH levels;
 * - each type's notation and spelt-out length are computed once (types are immutable).
 */
import type { PortType } from './model';

export const SPELLED_OUT_LIMIT = 200;
export const MAX_NOTATION_LENGTH = 10_000;
export const MAX_DEPTH = 64;

const notations = new WeakMap<PortType, string>();
const spelledOutLengths = new WeakMap<PortType, number>();

export function typeToString(type: PortType): string {
  let notation = notations.get(type);
  if (notation === undefined) {
    const writer = new Writer();
    write(type, writer, 0, true);
    notation = writer.text();
    notations.set(type, notation);
  }
  return notation;
}

/** Appends text up to MAX_NOTATION_LENGTH characters, then `…` once. */
class Writer {
  private readonly parts: string[] = [];
  private length = 0;
  full = false;

  write(text: string): void {
    if (this.full) return;
    if (this.length + text.length > MAX_NOTATION_LENGTH) {
      this.parts.push(text.slice(0, MAX_NOTATION_LENGTH - this.length), '…');
      this.full = true;
      return;
    }
    this.parts.push(text);
    this.length += text.length;
  }

  text(): string {
    return this.parts.join('');
  }
}

/**
 * Writes `type`. `outermost` is true until the first record or enum on the way in (arrays and
 * unions pass it on), which is spelt out even when it is named and long.
 */
function write(type: PortType, out: Writer, depth: number, outermost: boolean): void {
  if (out.full) return;
  if (depth > MAX_DEPTH) {
    out.write('…');
    return;
  }
  if ((type.kind === 'record' || type.kind === 'enum') && type.name !== undefined && !outermost && spelledOutLength(type) > SPELLED_OUT_LIMIT) {
    out.write(type.name);
    return;
  }
  switch (type.kind) {
    case 'enum':
      out.write('enum(');
      type.symbols.forEach((symbol, i) => out.write(i === 0 ? symbol : `|${symbol}`));
      out.write(')');
      return;
    case 'array':
      if (type.itemsNullable) {
        out.write('(');
        writeMembers(type.items, out, depth + 1, outermost);
        out.write('|null)[]');
      } else {
        writeOperand(type.items, out, depth + 1, outermost);
        out.write('[]');
      }
      return;
    case 'record':
      out.write('record{');
      type.fields.forEach((field, i) => {
        if (out.full) return;
        out.write(`${i === 0 ? '' : ', '}${field.id}: `);
        writeOperand(field.type, out, depth + 1, false);
        if (!field.required) out.write('?');
      });
      out.write('}');
      return;
    case 'union':
      writeMembers(type, out, depth, outermost);
      return;
    case 'any':
      out.write('Any');
      return;
    default:
      out.write(type.kind);
  }
}

/** A type written where a suffix (`[]`, `?`) follows: a union needs parentheses there. */
function writeOperand(type: PortType, out: Writer, depth: number, outermost: boolean): void {
  if (type.kind !== 'union') return write(type, out, depth, outermost);
  out.write('(');
  write(type, out, depth, outermost);
  out.write(')');
}

function writeMembers(type: PortType, out: Writer, depth: number, outermost: boolean): void {
  if (type.kind !== 'union') return write(type, out, depth, outermost);
  type.members.forEach((member, i) => {
    if (i > 0) out.write('|');
    write(member, out, depth + 1, outermost);
  });
}

/**
 * About how long the notation of `type` would be with nothing named (close enough to choose
 * between spelling out and naming), computed once per type: linear in the app, however shared.
 */
function spelledOutLength(type: PortType): number {
  const known = spelledOutLengths.get(type);
  if (known !== undefined) return known;
  let length: number;
  switch (type.kind) {
    case 'enum':
      length = type.symbols.reduce((sum, symbol) => sum + symbol.length + 1, 5);
      break;
    case 'array':
      length = spelledOutLength(type.items) + 8;
      break;
    case 'record':
      length = type.fields.reduce((sum, field) => sum + field.id.length + 5 + spelledOutLength(field.type), 8);
      break;
    case 'union':
      length = type.members.reduce((sum, member) => sum + spelledOutLength(member) + 1, 2);
      break;
    default:
      length = type.kind.length;
  }
  // Capped so that doubling per level stays a finite, comparable number.
  length = Math.min(length, Number.MAX_SAFE_INTEGER);
  spelledOutLengths.set(type, length);
  return length;
}
