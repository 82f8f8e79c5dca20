/**
 * The task body exactly as the checks read it, for the faces that send it (`sbg-task create`,
 * Create Draft Task). JSON does not say which of two equal keys counts: `JSON.parse` and
 * jsonc-parser keep the last, the checks (and `propertyOf`) read the first, and the platform's
 * own reader is not documented (issue 9 §8). So the checks report a key written twice
 * (`sbg.duplicate-key`), and the body sent is built from the same tree the checks read, keeping
 * the first of equal keys. Built without recursion (a body nested 100,000 deep is a clear error
 * from the platform, not a stack overflow here), and with every key an own property: a
 * `"__proto__"` key is sent as written instead of replacing the object's prototype.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { NodeKind, type SyntaxTree } from './syntaxTree';
import { taskDocumentOf } from './taskDocument';

export type CheckedBody =
  | { ok: true; body: Record<string, unknown> }
  /** `offset` is where the first syntax error is (0 for a body that is not an object). */
  | { ok: false; reason: 'empty' | 'syntax' | 'not-an-object'; offset: number; message: string };

export function checkedBody(textDocument: TextDocument): CheckedBody {
  const document = taskDocumentOf(textDocument);
  if (document.text.trim() === '') return { ok: false, reason: 'empty', offset: 0, message: 'The file is empty: a task body is a JSON object with "project", "app" and "inputs".' };
  const first = document.syntaxErrors[0];
  if (first) return { ok: false, reason: 'syntax', offset: first.offset, message: first.message };
  const { tree } = document;
  if (tree.count === 0 || tree.kinds[0] !== NodeKind.Object) {
    return { ok: false, reason: 'not-an-object', offset: 0, message: 'A task body is a JSON object with "project", "app" and "inputs", not a list or a single value.' };
  }
  return { ok: true, body: valueOf(tree) as Record<string, unknown> };
}

/** The tree's JSON value, the first of equal keys kept; rows are in document order, parents first. */
function valueOf(tree: SyntaxTree): unknown {
  const containers = new Map<number, Record<string, unknown> | unknown[]>();
  let root: unknown;
  for (let row = 0; row < tree.count; row++) {
    const kind = tree.kinds[row] as NodeKind;
    if (kind === NodeKind.Property) continue;
    const parent = tree.parents[row];
    if (parent >= 0 && tree.kinds[parent] === NodeKind.Property && tree.firstChild(parent) === row) continue; // a key
    const value = kind === NodeKind.Object ? {} : kind === NodeKind.Array ? [] : tree.value(row);
    if (kind === NodeKind.Object || kind === NodeKind.Array) containers.set(row, value as Record<string, unknown> | unknown[]);
    if (parent < 0) {
      root = value;
    } else if (tree.kinds[parent] === NodeKind.Array) {
      (containers.get(parent) as unknown[]).push(value);
    } else {
      const object = containers.get(tree.parents[parent]) as Record<string, unknown>;
      const key = tree.value(tree.firstChild(parent)) as string;
      if (!Object.hasOwn(object, key)) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return root;
}
