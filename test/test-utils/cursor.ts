/**
 * Inline fixtures that read like the editor state they check: a `|` in the text marks the
 * cursor (write `\|` for a literal bar). Two bars mark a selection.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

export const defaultUri = 'file:///work/task.sbtask.json';

export function documentOf(text: string, uri = defaultUri, version = 1): TextDocument {
  return TextDocument.create(uri, 'sbg-task', version, text);
}

/** Splits the marked text into the plain text and the offsets of its `|` marks. */
function unmark(marked: string): { text: string; marks: number[] } {
  let text = '';
  const marks: number[] = [];
  for (let i = 0; i < marked.length; i++) {
    const ch = marked[i];
    if (ch === '\\' && marked[i + 1] === '|') {
      text += '|';
      i++;
    } else if (ch === '|') {
      marks.push(text.length);
    } else {
      text += ch;
    }
  }
  return { text, marks };
}

/** `withCursor('{"app": "|"}')` → the document without the bar and the position where it was. */
export function withCursor(marked: string, uri = defaultUri): { document: TextDocument; position: Position; offset: number } {
  const { text, marks } = unmark(marked);
  if (marks.length !== 1) throw new Error(`expected exactly one | cursor mark, found ${marks.length}`);
  const document = documentOf(text, uri);
  return { document, position: document.positionAt(marks[0]), offset: marks[0] };
}

/** `withSelection('{"a": |1|}')` → the document and the range between the two bars. */
export function withSelection(marked: string, uri = defaultUri): { document: TextDocument; range: Range } {
  const { text, marks } = unmark(marked);
  if (marks.length !== 2) throw new Error(`expected exactly two | selection marks, found ${marks.length}`);
  const document = documentOf(text, uri);
  return { document, range: { start: document.positionAt(marks[0]), end: document.positionAt(marks[1]) } };
}

/** The text a range of a document covers, for assertions that read like the source. */
export function textAt(document: TextDocument, range: Range): string {
  return document.getText(range);
}
