/**
 * Formatting, outline, folding and selection ranges come from vscode-json-languageservice:
 * a task file is plain JSON, and the library already does these well (DESIGN.md §3). This
 * adapter only hides the library's types behind the service facade and keeps one parsed
 * JSONDocument per document version, so symbols and selection ranges do not parse twice.
 */
import {
  getLanguageService,
  type DocumentSymbol,
  type FoldingRange,
  type FormattingOptions,
  type JSONDocument,
  type Position,
  type Range,
  type SelectionRange,
  type TextEdit,
} from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export type { DocumentSymbol, FoldingRange, FormattingOptions, SelectionRange };

/** As VS Code's JSON server does, bound the outline and folding of very large task bodies. */
export interface JsonFeatureLimits {
  /** Most document symbols returned (VS Code's JSON server uses 5000). */
  resultLimit?: number;
  /** Most folding ranges returned. */
  rangeLimit?: number;
}

const DEFAULT_LIMIT = 5000;

const service = getLanguageService({});

let lastParsed: { document: TextDocument; version: number; text: string; json: JSONDocument } | undefined;

/** One parse per document version; the text comparison guards documents that reuse a version. */
function parsed(document: TextDocument): JSONDocument {
  const text = document.getText();
  if (lastParsed && lastParsed.document === document && lastParsed.version === document.version && lastParsed.text === text) {
    return lastParsed.json;
  }
  const json = service.parseJSONDocument(document);
  lastParsed = { document, version: document.version, text, json };
  return json;
}

/** Edits that format the whole document, or only `range` when given. */
export function format(document: TextDocument, range: Range | undefined, options: FormattingOptions): TextEdit[] {
  return service.format(document, range, options);
}

/** The outline: one symbol per property, nested as in the document. */
export function documentSymbols(document: TextDocument, limits: JsonFeatureLimits = {}): DocumentSymbol[] {
  return service.findDocumentSymbols2(document, parsed(document), { resultLimit: limits.resultLimit ?? DEFAULT_LIMIT });
}

/** Folding for objects, arrays and multi-line comments. */
export function foldingRanges(document: TextDocument, limits: JsonFeatureLimits = {}): FoldingRange[] {
  return service.getFoldingRanges(document, { rangeLimit: limits.rangeLimit ?? DEFAULT_LIMIT });
}

/** For each position, the chain of ever larger syntax ranges around it (expand selection). */
export function selectionRanges(document: TextDocument, positions: Position[]): SelectionRange[] {
  return service.getSelectionRanges(document, positions, parsed(document));
}
