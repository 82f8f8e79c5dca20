/**
 * The draft's own `errors` and `warnings` (docs/PLATFORM.md#validation-errors-and-warnings: `{type, message, input_id}`)
 * placed on the file that was sent: on the key of `inputs.<input_id>`, on `inputs` when the
 * named input is not in the file (a missing required input), on `app` when none is named.
 * Each located issue remembers the text of its input's value, so an edit to that input
 * (and only to it) clears it.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { issueText, type Task, type TaskIssue } from '../../../platform/src/types';
import { plural } from '../shared/plural';

export interface LocatedIssue {
  severity: 'error' | 'warning';
  message: string;
  type?: string;
  inputId?: string;
  /** Offsets into the text the issue was located in. */
  start: number;
  end: number;
  /** Text of the input's value when the file was sent; undefined when the input was absent. */
  valueSnapshot?: string;
}

export function locateTaskIssues(text: string, task: Pick<Task, 'errors' | 'warnings'>): LocatedIssue[] {
  const root = parseTree(text);
  const entries: [TaskIssue, LocatedIssue['severity']][] = [
    ...(task.errors ?? []).map((issue): [TaskIssue, 'error'] => [issue, 'error']),
    ...(task.warnings ?? []).map((issue): [TaskIssue, 'warning'] => [issue, 'warning']),
  ];
  return entries.map(([issue, severity]) => {
    const inputId = typeof issue.input_id === 'string' && issue.input_id !== '' ? issue.input_id : undefined;
    const located: LocatedIssue = {
      severity,
      // {type, message, input_id} or {error: "..."} (docs/PLATFORM.md#validation-errors-and-warnings): the platform's own words either way.
      message: issueText(issue) ?? 'The platform reported a problem without saying what.',
      type: issue.type,
      inputId,
      ...anchor(root, inputId),
    };
    if (inputId !== undefined) located.valueSnapshot = valueText(text, root, inputId);
    return located;
  });
}

/**
 * The issues that still hold after the file changed to `text`, moved to where their keys are now.
 * An input's issue goes once that input's value differs from what was sent.
 */
export function relocateIssues(text: string, issues: readonly LocatedIssue[]): LocatedIssue[] {
  const root = parseTree(text);
  return issues
    .filter((issue) => issue.inputId === undefined || valueText(text, root, issue.inputId) === issue.valueSnapshot)
    .map((issue) => ({ ...issue, ...anchor(root, issue.inputId) }));
}

/** A one-line summary for the notification: "2 errors, 1 warning: reads: Value does not match…". */
export function summarizeIssues(task: Pick<Task, 'errors' | 'warnings'>): string | undefined {
  const errors = task.errors ?? [];
  const warnings = task.warnings ?? [];
  if (errors.length === 0 && warnings.length === 0) return undefined;
  const counts = [errors.length > 0 && plural(errors.length, 'error'), warnings.length > 0 && plural(warnings.length, 'warning')].filter(Boolean).join(', ');
  const first = errors[0] ?? warnings[0];
  const where = first.input_id ? `${first.input_id}: ` : '';
  return `${counts}. ${where}${issueText(first) ?? ''}`.trim();
}

function anchor(root: Node | undefined, inputId: string | undefined): { start: number; end: number } {
  const key =
    (inputId !== undefined ? propertyKey(root, ['inputs', inputId]) : undefined) ??
    (inputId !== undefined ? propertyKey(root, ['inputs']) : undefined) ??
    propertyKey(root, ['app']);
  if (key) return { start: key.offset, end: key.offset + key.length };
  return { start: 0, end: 0 };
}

/** The key node of the property at `path` (its value node's parent is the property). */
function propertyKey(root: Node | undefined, path: string[]): Node | undefined {
  if (!root) return undefined;
  const value = findNodeAtLocation(root, path);
  const property = value?.parent;
  return property?.type === 'property' ? property.children?.[0] : undefined;
}

function valueText(text: string, root: Node | undefined, inputId: string): string | undefined {
  const value = root ? findNodeAtLocation(root, ['inputs', inputId]) : undefined;
  return value ? text.slice(value.offset, value.offset + value.length) : undefined;
}
