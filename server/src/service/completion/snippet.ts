/**
 * Snippet text for values of a port type: the placeholder a completion inserts has the shape
 * the platform expects (SBG-API.md §2.6), so `File` becomes `{"class": "File", "path": ""}` with
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

/** Numbers tab stops across everything written with it, so one snippet can hold many values. */
export class TabStops {
  private next = 1;

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
