/**
 * A task file's text → the body of `POST /tasks`. The file is the body (docs/PLATFORM.md#creating-a-task), so
 * this only parses it; what the app thinks of the inputs is the platform's (and the language
 * server's) business. Unsaved text is read exactly as it is in the editor.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { TaskRequestBody } from '../../../platform/src/types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkedBody, parseAppId } from '../../../server/src/service';

export type TaskFileReading =
  | { ok: true; body: TaskRequestBody }
  | { ok: false; message: string };

export function readTaskFile(text: string): TaskFileReading {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) {
    const first = errors[0];
    const { line, column } = lineAndColumn(text, first.offset);
    return {
      ok: false,
      message: `The file is not valid JSON (${describeParseError(first)} at line ${line}, column ${column}). Fix the syntax first.`,
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'A task file must hold one JSON object: the body of a task, with "project", "app" and "inputs".' };
  }
  return { ok: true, body: bodyAsChecked(text) ?? (value as TaskRequestBody) };
}

/**
 * The body as the language server checked it: of a key written twice, the first (which the
 * server flags as `sbg.duplicate-key`), every key an own property. `parse` keeps the last one.
 */
function bodyAsChecked(text: string): TaskRequestBody | undefined {
  const checked = checkedBody(TextDocument.create('untitled:create.sbtask.json', 'sbg-task', 0, text));
  return checked.ok ? (checked.body as TaskRequestBody) : undefined;
}

/** The body with `project` set (from a quick pick or `--project`), keeping the key order readable. */
export function withProject(body: TaskRequestBody, project: string): TaskRequestBody {
  return { ...body, project };
}

export function hasProject(body: TaskRequestBody): boolean {
  return typeof body.project === 'string' && body.project.trim() !== '';
}

/** `owner/project/app/3` → `owner/project/app`; an id the service cannot read is returned as it is. */
export function appIdWithoutRevision(appId: string): string {
  return parseAppId(appId)?.id ?? appId;
}

function describeParseError(error: ParseError): string {
  return printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
