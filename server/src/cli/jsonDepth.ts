/**
 * How deep a JSON text nests, found without parsing it: the recursive parsers (jsonc-parser,
 * JSON.stringify on the way out) overflow the stack on text nested tens of thousands deep, so the
 * CLI measures first and refuses such a file with a message instead of a RangeError.
 */

/** The offset of the first `{` or `[` that opens level `max + 1`, or undefined when the text nests at most `max` deep. */
export function firstTooDeep(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) i++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      if (++depth > max) return i;
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      depth--;
    }
  }
  return undefined;
}
