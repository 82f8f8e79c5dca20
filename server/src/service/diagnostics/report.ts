/**
 * Turns findings into LSP diagnostics: the range from the node's offsets, the severity from the
 * code's family and the user's settings, the source and the code.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TaskDocument } from '../document/taskDocument';
import { ownValue } from '../json/ownProperty';
import { diagnosticCodes, diagnosticSource, type DiagnosticCode, type SeveritySetting, type ValidationSettings } from './codes';
import { suggestionBudget, type SuggestionBudget } from './nearest';

const severities: Record<Exclude<SeveritySetting, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Data a quick fix can read back from a diagnostic (LSP passes `data` through). */
export interface DiagnosticData {
  /** The port or key the diagnostic is about. */
  id?: string;
  /** The nearest valid key or port id, when there is one. */
  suggestion?: string;
}

/**
 * Claims that something is absent. In broken text the parser's recovery may have swallowed the
 * key, so they wait until the text parses (the user is usually mid-typing).
 */
const absenceCodes: ReadonlySet<DiagnosticCode> = new Set(['sbg.missing-required-input', 'sbg.missing-key']);

/**
 * The most diagnostics one document gets. 500 KB of `[,,,,` has half a million syntax errors: an
 * 83 MB message the editor cannot show usefully anyway. The first thousand say what to fix; VS
 * Code's JSON language features bound their outline and folding the same way (5000 items).
 */
export const MAX_DIAGNOSTICS = 1000;

/**
 * What a check reports into: the validation's Reporter, or the recording of one item's problems
 * that validation keeps for the next version of the document (reuse.ts).
 */
export interface FindingSink {
  readonly document: TaskDocument;
  /** What "did you mean" may still spend. */
  readonly suggestions: SuggestionBudget;
  /** True once there is no room for more: loops over long lists stop looking. */
  readonly full: boolean;
  report(span: { offset: number; length: number }, code: DiagnosticCode, message: string, data?: DiagnosticData, severity?: SeveritySetting): void;
}

export class Reporter implements FindingSink {
  readonly diagnostics: Diagnostic[] = [];
  /** Where the first problem past MAX_DIAGNOSTICS was found; -1 while none was left out. */
  private firstLeftOut = -1;
  /** Where the first unclosed string starts: past it, recovery re-parents keys and values at random. */
  private readonly trustedUntil: number;

  constructor(
    readonly document: TaskDocument,
    private readonly settings: ValidationSettings = {},
    /** What this validation may still spend on "did you mean" (one document may hold thousands of wrong values). */
    readonly suggestions: SuggestionBudget = suggestionBudget(),
  ) {
    // A loop, not Math.min(...offsets): broken text can hold more unclosed strings than a call takes arguments.
    let trustedUntil = Infinity;
    for (const problem of document.syntaxErrors) if (problem.unterminatedString && problem.offset < trustedUntil) trustedUntil = problem.offset;
    this.trustedUntil = trustedUntil;
  }

  /** Reports on the text from `offset` for `length` characters (a node, a key, a token). */
  report(span: { offset: number; length: number }, code: DiagnosticCode, message: string, data?: DiagnosticData, severity?: SeveritySetting): void {
    if (code !== 'sbg.syntax' && !this.trusts(span.offset, code)) return;
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) {
      if (this.firstLeftOut < 0) this.firstLeftOut = span.offset;
      return;
    }
    const info = diagnosticCodes[code];
    // Settings come from the user's settings.json: a severity this table lacks falls back to the code's own.
    const chosen = this.settings.severities?.[info.family] ?? severity ?? info.severity;
    if (chosen === 'off') return;
    const level = ownValue(severities, chosen) ?? severities[info.severity];
    const textDocument = this.document.textDocument;
    const diagnostic: Diagnostic = {
      range: { start: textDocument.positionAt(span.offset), end: textDocument.positionAt(span.offset + span.length) },
      severity: level,
      source: diagnosticSource,
      code,
      message,
    };
    if (data) diagnostic.data = data;
    this.diagnostics.push(diagnostic);
  }

  /** True once a problem was left out for lack of room: loops over long lists stop looking. */
  get full(): boolean {
    return this.firstLeftOut >= 0;
  }

  /**
   * The diagnostics, and when some were left out one final note saying so, where the first of
   * them was found (whatever the family's severity setting: it is about the list, not the text).
   */
  finish(): Diagnostic[] {
    if (!this.full) return this.diagnostics;
    const at = this.document.textDocument.positionAt(this.firstLeftOut);
    this.diagnostics.push({
      range: { start: at, end: at },
      severity: DiagnosticSeverity.Information,
      source: diagnosticSource,
      code: 'sbg.too-many-problems',
      message: `This file has more than ${MAX_DIAGNOSTICS} problems: only the first ${MAX_DIAGNOSTICS} are listed. Fix them and the rest will show.`,
    });
    return this.diagnostics;
  }

  private trusts(offset: number, code: DiagnosticCode): boolean {
    if (this.document.syntaxErrors.length > 0 && absenceCodes.has(code)) return false;
    return offset < this.trustedUntil;
  }

  /** True when a family is turned off, so its checks need not run at all. */
  isOff(code: DiagnosticCode): boolean {
    return this.settings.severities?.[diagnosticCodes[code].family] === 'off';
  }
}
