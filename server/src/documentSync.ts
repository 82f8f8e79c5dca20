/**
 * How TextDocuments creates and updates its copies of the editor's documents, with the message
 * checked first. vscode-languageserver takes didOpen/didChange params as they come: a `text: null`
 * was stored, and every later read of the document (a timer's, outside any handler) threw.
 * Here a malformed didOpen or didChange throws before anything is stored or changed; the
 * connection logs the message (as "Notification handler ... failed") and the server goes on.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { forgetEdits, noteEdit } from './service';

export const checkedDocuments: TextDocumentsConfiguration<TextDocument> = {
  create(uri, languageId, version, text) {
    const where = `didOpen of ${describe(uri)}`;
    if (typeof uri !== 'string') throw new TypeError(`didOpen: textDocument.uri must be a string, not ${describe(uri)}; nothing was opened`);
    if (typeof languageId !== 'string') throw new TypeError(`${where}: textDocument.languageId must be a string, not ${describe(languageId)}; the document was not opened`);
    if (!Number.isInteger(version)) throw new TypeError(`${where}: textDocument.version must be an integer, not ${describe(version)}; the document was not opened`);
    if (typeof text !== 'string') throw new TypeError(`${where}: textDocument.text must be a string, not ${describe(text)}; the document was not opened`);
    forgetEdits(uri);
    return TextDocument.create(uri, languageId, version, text);
  },
  update(document, changes, version) {
    const where = `didChange of ${document.uri}`;
    if (!Number.isInteger(version)) throw new TypeError(`${where}: textDocument.version must be an integer, not ${describe(version)}; the change was ignored`);
    if (!Array.isArray(changes)) throw new TypeError(`${where}: contentChanges must be an array, not ${describe(changes)}; the change was ignored`);
    // All changes are checked before the first is applied: update() changes the document in place.
    changes.forEach((change, index) => {
      const problem = changeProblem(change);
      if (problem) throw new TypeError(`${where}: contentChanges[${index}] ${problem}; the change was ignored`);
    });
    // Where one change lands is known here; the re-parse would otherwise compare the texts to find it.
    const before = document.getText();
    const span = changes.length === 1 ? changedRange(document, changes[0]) : undefined;
    const updated = TextDocument.update(document, changes, version);
    if (span) noteEdit(document.uri, before, updated.getText(), span.start, before.length - span.end);
    else forgetEdits(document.uri);
    return updated;
  },
};

/** The offsets a ranged change replaces in the document before it (TextDocument.update's reading of it), or undefined for a whole-text change. */
function changedRange(document: TextDocument, change: TextDocumentContentChangeEvent): { start: number; end: number } | undefined {
  if (!('range' in change) || change.range === undefined) return undefined;
  if (change.rangeLength !== undefined && typeof change.rangeLength !== 'number') return undefined;
  const from = document.offsetAt(change.range.start);
  const to = document.offsetAt(change.range.end);
  return { start: Math.min(from, to), end: Math.max(from, to) };
}

function changeProblem(change: TextDocumentContentChangeEvent): string | undefined {
  if (typeof change !== 'object' || change === null) return `must be an object, not ${describe(change)}`;
  if (typeof change.text !== 'string') return `.text must be a string, not ${describe(change.text)}`;
  if (!('range' in change) || change.range === undefined) return undefined;
  const { range } = change;
  const valid = (position: unknown): boolean => typeof position === 'object' && position !== null
    && isIndex((position as { line?: unknown }).line) && isIndex((position as { character?: unknown }).character);
  if (typeof range !== 'object' || range === null || !valid(range.start) || !valid(range.end)) {
    return `.range must have start and end of non-negative integer line and character, not ${describe(range)}`;
  }
  return undefined;
}

function isIndex(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return `${typeof value} ${String(value)}`;
}
