/** Runs `validate` on inline text and returns what a test wants to read: code, covered text, severity. */
import type { Diagnostic } from 'vscode-languageserver-types';
import { validate } from '../../server/src/service/diagnostics/validate';
import type { ValidationSettings } from '../../server/src/service/diagnostics/codes';
import type { TaskContext } from '../../server/src/service/providers';
import { documentOf } from './cursor';

export interface Finding {
  code: string;
  /** The text the diagnostic's range covers. */
  at: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  diagnostic: Diagnostic;
}

const severityNames = ['', 'error', 'warning', 'information', 'hint'] as const;

let version = 0;

export function diagnose(text: string, context: TaskContext = {}, settings?: ValidationSettings): Finding[] {
  const document = documentOf(text, 'file:///work/diagnose.sbtask.json', ++version);
  return validate(document, context, settings).map((diagnostic) => ({
    code: String(diagnostic.code),
    at: document.getText(diagnostic.range),
    severity: severityNames[diagnostic.severity ?? 1] as Finding['severity'],
    message: String(diagnostic.message),
    diagnostic,
  }));
}

/** `[code, covered text]` pairs, the shape most assertions compare. */
export function codesAt(text: string, context: TaskContext = {}, settings?: ValidationSettings): [string, string][] {
  return diagnose(text, context, settings).map((f) => [f.code, f.at]);
}

/** A body with the given inputs and well-formed project and app ids. */
export function bodyWith(inputs: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ project: 'me/proj', app: 'me/proj/wf/3', inputs, ...extra }, null, 2);
}

export const fileId = (n: number) => n.toString(16).padStart(24, '0');
export const fileOf = (n: number) => ({ class: 'File', path: fileId(n) });
