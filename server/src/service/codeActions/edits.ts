/**
 * Edits for quick fixes, made with jsonc-parser's `modify` so that new keys are inserted in the
 * user's own indentation, line endings and key order. A fix changes only what it adds: `modify`
 * with formatting options re-formats the whole line it inserts on, which re-flowed a neighbour
 * written on one line (`"annotation": { "class": "File", ... }`) into four. So the insertion is
 * made unformatted and only the inserted text is formatted.
 */
import { applyEdits, format, modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import type { TextEdit } from 'vscode-languageserver-types';
import type { TaskDocument } from '../document/taskDocument';

/** The indentation the document already uses (two spaces when it shows none). */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /\n([ \t]+)\S/.exec(text);
  if (indented?.[1].startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  return { insertSpaces: true, tabSize: indented ? indented[1].length : 2, eol };
}

/** One text edit that sets each path to its value in turn (a key added where it is missing). */
export function setValues(document: TaskDocument, changes: readonly { path: JSONPath; value: unknown }[]): TextEdit[] {
  const formattingOptions = formattingOf(document.text);
  let text = document.text;
  for (const { path, value } of changes) text = setValue(text, path, value, formattingOptions);
  return text === document.text ? [] : [replaceDifference(document, text)];
}

/** `text` with `path` set to `value`; formatting touches the inserted or replaced text only. */
export function setValue(text: string, path: JSONPath, value: unknown, formattingOptions: FormattingOptions): string {
  const raw = modify(text, path, value, {});
  if (raw.length !== 1) return applyEdits(text, modify(text, path, value, { formattingOptions }));
  const [edit] = raw;
  const inserted = applyEdits(text, raw);
  const layout = format(inserted, { offset: edit.offset, length: edit.content.length }, { ...formattingOptions, keepLines: false });
  // Edits that start before the insertion belong to the neighbour's line: leave them alone.
  const own = layout.filter((e) => e.offset >= edit.offset || e.offset + e.length === edit.offset);
  return applyEdits(inserted, own);
}

/** The smallest single edit that turns the document's text into `changed`. */
function replaceDifference(document: TaskDocument, changed: string): TextEdit {
  const original = document.text;
  let start = 0;
  const shorter = Math.min(original.length, changed.length);
  while (start < shorter && original.charCodeAt(start) === changed.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && original.charCodeAt(original.length - 1 - end) === changed.charCodeAt(changed.length - 1 - end)) end++;
  const textDocument = document.textDocument;
  return {
    range: { start: textDocument.positionAt(start), end: textDocument.positionAt(original.length - end) },
    newText: changed.slice(start, changed.length - end),
  };
}
