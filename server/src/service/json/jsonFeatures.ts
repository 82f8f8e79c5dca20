/**
 * Formatting, outline, folding and selection ranges come from vscode-json-languageservice:
 * a task file is plain JSON, and the library already does these well (docs/ARCHITECTURE.md). This
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
export interface JsonFeatureLimits extends JsonFeatureGuard {
  /** Most document symbols returned (VS Code's JSON server uses 5000). */
  resultLimit?: number;
  /** Most folding ranges returned. */
  rangeLimit?: number;
}

export interface JsonFeatureGuard {
  /** Told why a feature answered with nothing (the document is too deep or too large), for a log line. */
  onSkipped?: (reason: string) => void;
}

const DEFAULT_LIMIT = 5000;

/**
 * The library parses and formats recursively, one level per nesting: formatting text nested
 * 5,000 deep took over a minute (the indentation it writes grows with the depth, so the work is
 * quadratic) and 20,000 deep ran out of memory; its outline overflows the stack at 4,000. A task
 * body is a few levels deep, a record input a few more: past these bounds the features answer
 * with nothing rather than take the server down (issue 9 §6).
 */
export const MAX_FEATURE_NESTING = 200;
/** 5 MiB: four times a 10,000-file batch body; formatting 10 MB took 2.5 s and 1.8 million edits. */
export const MAX_FEATURE_SIZE = 5 * 1024 * 1024;

let lastChecked: { document: TextDocument; version: number; text: string; reason: string | undefined } | undefined;

/**
 * Why formatting, the outline, folding and selection ranges are off for this document, or
 * undefined when they run. Checked once per document version, in one pass without recursion.
 */
export function jsonFeaturesSkipped(document: TextDocument): string | undefined {
  const text = document.getText();
  if (lastChecked && lastChecked.document === document && lastChecked.version === document.version && lastChecked.text === text) {
    return lastChecked.reason;
  }
  const reason = skipReason(document.uri, text);
  lastChecked = { document, version: document.version, text, reason };
  return reason;
}

function skipReason(uri: string, text: string): string | undefined {
  const features = 'formatting, outline, folding and selection ranges are off';
  if (text.length > MAX_FEATURE_SIZE) {
    return `${uri}: ${features}: the document has ${text.length} characters, more than ${MAX_FEATURE_SIZE}.`;
  }
  const depth = nestingDepth(text, MAX_FEATURE_NESTING);
  if (depth > MAX_FEATURE_NESTING) {
    return `${uri}: ${features}: the document is nested more than ${MAX_FEATURE_NESTING} levels deep.`;
  }
  return undefined;
}

/** The deepest nesting of `{` and `[` outside strings, counted up to just past `stopAbove`. */
export function nestingDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      // Skip the string (an unclosed one runs to the end of its line, as the scanner reads it).
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c) i++;
        else if (c === 0x22 || c === 0x0a || c === 0x0d) break;
      }
    } else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if ((code === 0x7d || code === 0x5d) && depth > 0) {
      depth--;
    }
  }
  return deepest;
}

/** True when the features may run; otherwise tells `guard` why not. */
function allowed(document: TextDocument, guard: JsonFeatureGuard): boolean {
  const reason = jsonFeaturesSkipped(document);
  if (reason !== undefined) guard.onSkipped?.(reason);
  return reason === undefined;
}

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
export function format(document: TextDocument, range: Range | undefined, options: FormattingOptions, guard: JsonFeatureGuard = {}): TextEdit[] {
  if (!allowed(document, guard)) return [];
  return service.format(document, range, options);
}

/** The outline: one symbol per property, nested as in the document. */
export function documentSymbols(document: TextDocument, limits: JsonFeatureLimits = {}): DocumentSymbol[] {
  if (!allowed(document, limits)) return [];
  return service.findDocumentSymbols2(document, parsed(document), { resultLimit: limits.resultLimit ?? DEFAULT_LIMIT });
}

/** Folding for objects, arrays and multi-line comments. */
export function foldingRanges(document: TextDocument, limits: JsonFeatureLimits = {}): FoldingRange[] {
  if (!allowed(document, limits)) return [];
  return service.getFoldingRanges(document, { rangeLimit: limits.rangeLimit ?? DEFAULT_LIMIT });
}

/** For each position, the chain of ever larger syntax ranges around it (expand selection). */
export function selectionRanges(document: TextDocument, positions: Position[], guard: JsonFeatureGuard = {}): SelectionRange[] {
  if (!allowed(document, guard)) return [];
  return service.getSelectionRanges(document, positions, parsed(document));
}
