/**
 * A fast, non-recursive reader for strictly valid JSON that builds the same `Node` tree as
 * jsonc-parser's `parseTree`. Task bodies are usually valid JSON, and a batch body can carry
 * ten thousand File objects (~1.3 MB): jsonc-parser's scanner and visitor take about fifteen
 * times as long as `JSON.parse` on that, and its recursion overflows the stack on deeply nested
 * text. This reader does the common case in one pass over char codes with an explicit stack;
 * on the first syntax error it stops and `taskDocument.ts` falls back to jsonc-parser, whose
 * error recovery and messages are what an editor wants for broken text.
 */
import type { Node } from 'jsonc-parser';

/** `Node` while it is being built (jsonc-parser declares its fields read-only). */
interface MutableNode {
  type: Node['type'];
  value?: unknown;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: MutableNode;
  children?: MutableNode[];
}

export type StrictParseResult = { root: Node } | { error: { offset: number; message: string } };

const enum Char {
  Tab = 9, LineFeed = 10, CarriageReturn = 13, Space = 32, Quote = 34, Plus = 43, Comma = 44, Minus = 45, Dot = 46,
  Zero = 48, Nine = 57, Colon = 58, OpenBracket = 91, Backslash = 92, CloseBracket = 93, OpenBrace = 123, CloseBrace = 125,
  LowerE = 101, UpperE = 69,
}

class StrictSyntaxError {
  constructor(readonly offset: number, readonly message: string) {}
}

export function strictParse(text: string): StrictParseResult {
  try {
    return { root: new StrictReader(text).read() as Node };
  } catch (e) {
    if (e instanceof StrictSyntaxError) return { error: { offset: e.offset, message: e.message } };
    throw e;
  }
}

class StrictReader {
  private at = 0;
  constructor(private readonly text: string) {}

  read(): MutableNode {
    const text = this.text;
    const stack: MutableNode[] = []; // open objects and arrays, innermost last
    let root: MutableNode | undefined;
    // `expectValue` true: a value comes next (attached to the property or array on top).
    let expectValue = true;
    let parent: MutableNode | undefined;
    for (;;) {
      this.skipSpace();
      if (expectValue) {
        const code = text.charCodeAt(this.at);
        let node: MutableNode;
        if (code === Char.OpenBrace || code === Char.OpenBracket) {
          node = newNode(code === Char.OpenBrace ? 'object' : 'array', undefined, this.at, 0, parent, []);
          this.at++;
          this.skipSpace();
          const close = text.charCodeAt(this.at);
          attach(node, parent);
          root ??= node;
          if ((code === Char.OpenBrace && close === Char.CloseBrace) || (code === Char.OpenBracket && close === Char.CloseBracket)) {
            this.at++;
            node.length = this.at - node.offset;
          } else {
            stack.push(node);
            if (code === Char.OpenBrace) {
              parent = this.readKey(node);
            } else {
              parent = node;
            }
            continue;
          }
        } else {
          node = this.readScalar(parent);
          attach(node, parent);
          root ??= node;
        }
        expectValue = false;
        continue;
      }
      // A value just ended: close the property around it, then see what follows.
      const container = stack[stack.length - 1];
      if (!container) {
        if (this.at < text.length) throw new StrictSyntaxError(this.at, 'End of file expected');
        return root!;
      }
      if (container.type === 'object') {
        const property = container.children![container.children!.length - 1];
        const value = property.children![1];
        property.length = value.offset + value.length - property.offset;
      }
      const code = text.charCodeAt(this.at);
      if (code === Char.Comma) {
        this.at++;
        parent = container.type === 'object' ? (this.skipSpace(), this.readKey(container)) : container;
        expectValue = true;
      } else if (code === (container.type === 'object' ? Char.CloseBrace : Char.CloseBracket)) {
        this.at++;
        container.length = this.at - container.offset;
        stack.pop();
      } else {
        throw new StrictSyntaxError(this.at, container.type === 'object' ? 'Comma or } expected' : 'Comma or ] expected');
      }
    }
  }

  /** Reads `"key" :` and returns the property node the value will be attached to. */
  private readKey(object: MutableNode): MutableNode {
    if (this.text.charCodeAt(this.at) !== Char.Quote) throw new StrictSyntaxError(this.at, 'Property name expected');
    const property = newNode('property', undefined, this.at, 0, object, []);
    const key = this.readString(property);
    property.children!.push(key);
    object.children!.push(property);
    this.skipSpace();
    if (this.text.charCodeAt(this.at) !== Char.Colon) throw new StrictSyntaxError(this.at, 'Colon expected');
    property.colonOffset = this.at;
    this.at++;
    return property;
  }

  private readScalar(parent: MutableNode | undefined): MutableNode {
    const text = this.text;
    const start = this.at;
    const code = text.charCodeAt(start);
    if (code === Char.Quote) return this.readString(parent);
    if (code === Char.Minus || (code >= Char.Zero && code <= Char.Nine)) return this.readNumber(parent);
    for (const [word, type, value] of literals) {
      if (text.startsWith(word, start)) {
        this.at += word.length;
        return newNode(type, value, start, word.length, parent, undefined);
      }
    }
    throw new StrictSyntaxError(start, 'Value expected');
  }

  private readString(parent: MutableNode | undefined): MutableNode {
    const text = this.text;
    const start = this.at;
    let escaped = false;
    let i = start + 1;
    for (;;) {
      if (i >= text.length) throw new StrictSyntaxError(start, 'Unexpected end of string');
      const code = text.charCodeAt(i);
      if (code === Char.Quote) break;
      if (code < Char.Space) throw new StrictSyntaxError(i, 'Invalid characters in string: control characters must be escaped');
      if (code === Char.Backslash) {
        escaped = true;
        const next = text.charCodeAt(i + 1);
        if (next === 117 /* u */) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new StrictSyntaxError(i, 'Invalid unicode sequence in string');
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
    const value = escaped ? JSON.parse(text.slice(start, this.at)) : text.slice(start + 1, i);
    return newNode('string', value, start, this.at - start, parent, undefined);
  }

  private readNumber(parent: MutableNode | undefined): MutableNode {
    const text = this.text;
    const start = this.at;
    let i = start;
    if (text.charCodeAt(i) === Char.Minus) i++;
    const digits = () => {
      const from = i;
      while (isDigit(text.charCodeAt(i))) i++;
      if (i === from) throw new StrictSyntaxError(i, 'Invalid number format');
    };
    if (text.charCodeAt(i) === Char.Zero) i++;
    else digits();
    if (text.charCodeAt(i) === Char.Dot) {
      i++;
      digits();
    }
    const e = text.charCodeAt(i);
    if (e === Char.LowerE || e === Char.UpperE) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === Char.Plus || sign === Char.Minus) i++;
      digits();
    }
    this.at = i;
    return newNode('number', Number(text.slice(start, i)), start, i - start, parent, undefined);
  }

  private skipSpace(): void {
    const text = this.text;
    let i = this.at;
    for (;;) {
      const code = text.charCodeAt(i);
      if (code !== Char.Space && code !== Char.LineFeed && code !== Char.CarriageReturn && code !== Char.Tab) break;
      i++;
    }
    this.at = i;
  }
}

const literals: readonly [string, 'boolean' | 'null', boolean | null][] = [
  ['true', 'boolean', true],
  ['false', 'boolean', false],
  ['null', 'null', null],
];

/** Every node gets the same fields in the same order, so the engine sees one object shape. */
function newNode(
  type: Node['type'],
  value: unknown,
  offset: number,
  length: number,
  parent: MutableNode | undefined,
  children: MutableNode[] | undefined,
): MutableNode {
  return { type, value, offset, length, colonOffset: undefined, parent, children };
}

function attach(node: MutableNode, parent: MutableNode | undefined): void {
  parent?.children!.push(node);
}

function isDigit(code: number): boolean {
  return code >= Char.Zero && code <= Char.Nine;
}

function isEscapeChar(code: number): boolean {
  // " \ / b f n r t
  return code === 34 || code === 92 || code === 47 || code === 98 || code === 102 || code === 110 || code === 114 || code === 116;
}
