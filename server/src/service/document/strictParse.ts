/**
 * A fast, non-recursive reader for strictly valid JSON that fills a `SyntaxTree` with the nodes
 * jsonc-parser's `parseTree` would give. Task bodies are usually valid JSON, and a batch body can
 * carry ten thousand File objects (~1.3 MB): jsonc-parser's scanner and visitor take about
 * fifteen times as long as `JSON.parse` on that, and its recursion overflows the stack on deeply
 * nested text. This reader does the common case in one pass over char codes with an explicit
 * stack, decoding nothing (the tree slices strings when they are read); on the first syntax error
 * it stops and `taskDocument.ts` falls back to jsonc-parser, whose error recovery and messages are
 * what an editor wants for broken text.
 */
import { NodeKind, SyntaxTree } from './syntaxTree';

export type StrictParseResult = { tree: SyntaxTree } | { error: { offset: number; message: string } };

const enum Char {
  Tab = 9, LineFeed = 10, CarriageReturn = 13, Space = 32, Quote = 34, Plus = 43, Comma = 44, Minus = 45, Dot = 46,
  Zero = 48, Nine = 57, Colon = 58, OpenBracket = 91, Backslash = 92, CloseBracket = 93, OpenBrace = 123, CloseBrace = 125,
  LowerE = 101, UpperE = 69, LowerF = 102, LowerN = 110, LowerT = 116, LowerU = 117,
}

class StrictSyntaxError {
  constructor(readonly offset: number, readonly message: string) {}
}

/** Reads `text` (all of it) as one JSON value. */
export function strictParse(text: string): StrictParseResult {
  return strictParseSpan(text, 0, text.length);
}

/**
 * Reads the text from `start` to `end` as one JSON value, with offsets into the whole text
 * (incremental.ts re-reads one container of an edited document this way).
 */
export function strictParseSpan(text: string, start: number, end: number): StrictParseResult {
  try {
    // About one node per dozen characters in a formatted body; the tree grows when it needs to.
    const tree = new SyntaxTree(text, Math.max(16, (end - start) >> 3));
    new StrictReader(text, start, end, tree).read();
    // The estimate is generous: a large tree gives back what it does not use (it stays cached).
    if (tree.kinds.length - tree.count > 4096) tree.grow(tree.count);
    return { tree };
  } catch (e) {
    if (e instanceof StrictSyntaxError) return { error: { offset: e.offset, message: e.message } };
    throw e;
  }
}

class StrictReader {
  private at: number;

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
    private readonly tree: SyntaxTree,
  ) {
    this.at = start;
  }

  read(): void {
    const { text, tree } = this;
    const stack: number[] = []; // rows of the open objects and arrays, innermost last
    let parent = -1; // the array or property row the next value belongs to
    for (;;) {
      this.skipSpace();
      const code = this.charAt(this.at);
      if (code === Char.OpenBrace || code === Char.OpenBracket) {
        const isObject = code === Char.OpenBrace;
        const row = tree.add(isObject ? NodeKind.Object : NodeKind.Array, this.at, 0, parent);
        this.at++;
        this.skipSpace();
        if (this.charAt(this.at) === (isObject ? Char.CloseBrace : Char.CloseBracket)) {
          this.at++;
          tree.close(row, this.at);
        } else {
          stack.push(row);
          parent = isObject ? this.readKey(row) : row;
          continue;
        }
      } else {
        this.readScalar(parent);
      }
      // A value just ended: close what ends with it, until a comma asks for the next value.
      for (;;) {
        const container = stack.length > 0 ? stack[stack.length - 1] : -1;
        if (container < 0) {
          this.skipSpace();
          if (this.at < this.end) throw new StrictSyntaxError(this.at, 'End of file expected');
          return;
        }
        const isObject = tree.kinds[container] === NodeKind.Object;
        if (isObject) tree.close(parent, this.at); // the property ends with its value
        this.skipSpace();
        const next = this.charAt(this.at);
        if (next === Char.Comma) {
          this.at++;
          if (isObject) {
            this.skipSpace();
            parent = this.readKey(container);
          } else {
            parent = container;
          }
          break;
        }
        if (next !== (isObject ? Char.CloseBrace : Char.CloseBracket)) {
          throw new StrictSyntaxError(this.at, isObject ? 'Comma or } expected' : 'Comma or ] expected');
        }
        this.at++;
        tree.close(container, this.at);
        stack.pop();
        parent = tree.parents[container];
      }
    }
  }

  /** The char code at `i`, -1 past the end of the span (a small integer, as every char code: no NaN for the JIT to deopt on). */
  private charAt(i: number): number {
    return i < this.end ? this.text.charCodeAt(i) : -1;
  }

  /** Reads `"key" :` and returns the property's row, which the value is read into next. */
  private readKey(object: number): number {
    if (this.charAt(this.at) !== Char.Quote) throw new StrictSyntaxError(this.at, 'Property name expected');
    const property = this.tree.add(NodeKind.Property, this.at, 0, object);
    this.readString(property);
    this.skipSpace();
    if (this.charAt(this.at) !== Char.Colon) throw new StrictSyntaxError(this.at, 'Colon expected');
    this.tree.colons[property] = this.at - this.tree.offsets[property];
    this.at++;
    return property;
  }

  private readScalar(parent: number): void {
    const start = this.at;
    const code = this.charAt(start);
    if (code === Char.Quote) return this.readString(parent);
    if (code === Char.Minus || (code >= Char.Zero && code <= Char.Nine)) return this.readNumber(parent);
    const kind = code === Char.LowerT ? NodeKind.True : code === Char.LowerF ? NodeKind.False : code === Char.LowerN ? NodeKind.Null : undefined;
    const word = kind === NodeKind.True ? 'true' : kind === NodeKind.False ? 'false' : 'null';
    if (kind === undefined || start + word.length > this.end || !this.text.startsWith(word, start)) throw new StrictSyntaxError(start, 'Value expected');
    this.at += word.length;
    this.tree.add(kind, start, word.length, parent);
  }

  private readString(parent: number): void {
    const text = this.text;
    const end = this.end;
    const start = this.at;
    let kind = NodeKind.String;
    let i = start + 1;
    for (;;) {
      if (i >= end) throw new StrictSyntaxError(start, 'Unexpected end of string'); // also ends an escape cut off by the span's end
      const code = text.charCodeAt(i);
      if (code === Char.Quote) break;
      if (code < Char.Space) throw new StrictSyntaxError(i, 'Invalid characters in string: control characters must be escaped');
      if (code === Char.Backslash) {
        kind = NodeKind.EscapedString;
        const next = text.charCodeAt(i + 1);
        if (next === Char.LowerU) {
          if (!(isHex(text.charCodeAt(i + 2)) && isHex(text.charCodeAt(i + 3)) && isHex(text.charCodeAt(i + 4)) && isHex(text.charCodeAt(i + 5)))) {
            throw new StrictSyntaxError(i, 'Invalid unicode sequence in string');
          }
          i += 6;
          continue;
        }
        if (!isEscapeChar(next)) throw new StrictSyntaxError(i, 'Invalid escape character in string');
        i += 2;
        continue;
      }
      i++;
    }
    this.at = i + 1;
    this.tree.add(kind, start, this.at - start, parent);
  }

  private readNumber(parent: number): void {
    const start = this.at;
    let i = start;
    if (this.charAt(i) === Char.Minus) i++;
    if (this.charAt(i) === Char.Zero) i++;
    else i = this.digits(i);
    if (this.charAt(i) === Char.Dot) i = this.digits(i + 1);
    const e = this.charAt(i);
    if (e === Char.LowerE || e === Char.UpperE) {
      i++;
      const sign = this.charAt(i);
      if (sign === Char.Plus || sign === Char.Minus) i++;
      i = this.digits(i);
    }
    this.at = i;
    this.tree.add(NodeKind.Number, start, i - start, parent);
  }

  /** Skips one or more digits from `i`. */
  private digits(i: number): number {
    const from = i;
    while (isDigit(this.charAt(i))) i++;
    if (i === from) throw new StrictSyntaxError(i, 'Invalid number format');
    return i;
  }

  private skipSpace(): void {
    const text = this.text;
    const end = this.end;
    let i = this.at;
    while (i < end) {
      const code = text.charCodeAt(i);
      if (code !== Char.Space && code !== Char.LineFeed && code !== Char.CarriageReturn && code !== Char.Tab) break;
      i++;
    }
    this.at = i;
  }
}

function isDigit(code: number): boolean {
  return code >= Char.Zero && code <= Char.Nine;
}

function isHex(code: number): boolean {
  return (code >= Char.Zero && code <= Char.Nine) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

function isEscapeChar(code: number): boolean {
  // " \ / b f n r t
  return code === 34 || code === 92 || code === 47 || code === 98 || code === 102 || code === 110 || code === 114 || code === 116;
}
