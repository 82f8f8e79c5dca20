/**
 * Snippet text for values of a port type: the placeholder a completion inserts has the shape
 * the platform expects (docs/PLATFORM.md#input-values), so `File` becomes `{"class": "File", "path": ""}` with
 * the cursor on the path, and an enum offers its symbols as a choice.
 */
import type { PortType } from '../cwl/model';

/** Escapes text for a snippet outside placeholders. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Escapes one element of a `${1|a,b|}` choice. */
function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, '\\$&');
}

/**
 * Numbers tab stops across everything written with it, so one snippet can hold many values, and
 * counts the types a snippet spells out: past MAX_SNIPPET_TYPES a record or list is left as an
 * empty tab stop to fill in. Named types are shared (T_i = {a: T_(i-1), b: T_(i-1)} has 2^22
 * leaves at i = 22, issue 9 §4): a snippet is for the user to fill in, not the whole type.
 */
export const MAX_SNIPPET_TYPES = 100;

export class TabStops {
  private next = 1;
  /** Types spelt out so far. */
  spent = 0;

  take(): number {
    return this.next++;
  }
}

/** A placeholder holding JSON text, e.g. `${1:0}`; an empty default gives a bare tab stop. */
function placeholder(stops: TabStops, defaultText = ''): string {
  const n = stops.take();
  return defaultText ? `\${${n}:${escapeSnippet(defaultText)}}` : `\${${n}}`;
}

function choice(stops: TabStops, options: readonly string[]): string {
  return `\${${stops.take()}|${options.map(escapeChoice).join(',')}|}`;
}

/** Snippet text for a JSON value of `type`. */
export function valueSnippet(type: PortType, stops: TabStops): string {
  if (++stops.spent > MAX_SNIPPET_TYPES) {
    if (type.kind === 'record') return `{${placeholder(stops)}}`;
    if (type.kind === 'array') return `[${placeholder(stops)}]`;
  }
  switch (type.kind) {
    case 'File':
    case 'Directory':
      return `{"class": "${type.kind}", "path": "${placeholder(stops)}"}`;
    case 'string':
      return `"${placeholder(stops)}"`;
    case 'int':
    case 'long':
    case 'float':
    case 'double':
      return placeholder(stops, '0');
    case 'boolean':
      return choice(stops, ['false', 'true']);
    case 'enum':
      return type.symbols.length > 0 ? `"${choice(stops, type.symbols)}"` : `"${placeholder(stops)}"`;
    case 'array':
      return `[${valueSnippet(type.items, stops)}]`;
    case 'record':
      return `{${type.fields.map((f) => `"${escapeSnippet(f.id)}": ${valueSnippet(f.type, stops)}`).join(', ')}}`;
    case 'union':
      return type.members.length > 0 ? valueSnippet(type.members[0], stops) : placeholder(stops, 'null');
    case 'any':
      return placeholder(stops, 'null');
  }
}

/** A JSON value as literal snippet text (e.g. a suggested value or a default). */
export function jsonSnippet(value: unknown): string {
  return escapeSnippet(JSON.stringify(value));
}
