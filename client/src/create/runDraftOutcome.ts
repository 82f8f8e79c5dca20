/**
 * What Run Draft tells the user when the draft did not start. The platform may answer the run
 * with the draft still carrying `errors`, or refuse it: 7012 names the missing inputs in its own
 * text, but 7024 ("cannot be started due to validation errors") only points at the task's
 * `errors`, so those are read and shown in the platform's words, whichever shape each entry has
 * ({type, message, input_id} or {error: "..."}, docs/PLATFORM.md#validation-errors-and-warnings). No VS Code here: tested in
 * plain Node against the emulator.
 */
import type { SbgClient } from '../../../platform/src/client';
import { isSbgApiError } from '../../../platform/src/errors';
import { issueText, type Task, type TaskIssue } from '../../../platform/src/types';
import { explainFailure } from '../shared/failure';

/** The code of a run refused for the draft's validation errors (docs/PLATFORM.md#error-answers-and-codes). */
export const VALIDATION_ERRORS_CODE = 7024;

/** "Task X did not start: reads: Missing input (and 2 more errors)." */
export function notStartedText(task: Pick<Task, 'id' | 'name'>, errors: readonly TaskIssue[] | undefined): string {
  const first = errors?.find((issue) => issueText(issue) !== undefined);
  if (!first) return `Task ${task.name ?? task.id} did not start: it is still a draft.`;
  const more = errors!.length - 1;
  const where = first.input_id ? `${first.input_id}: ` : '';
  const text = issueText(first)!.replace(/\.$/, '');
  return `Task ${task.name ?? task.id} did not start: ${where}${text}${more > 0 ? ` (and ${more} more ${more === 1 ? 'error' : 'errors'})` : ''}.`;
}

/**
 * The message for a failed run: for a 7024 refusal, the draft's own errors (read once; if that
 * read fails too, the refusal as it came); for anything else, what explainFailure says.
 */
export async function runFailureText(client: Pick<SbgClient, 'getTask'>, task: Pick<Task, 'id' | 'name'>, error: unknown): Promise<string> {
  if (isSbgApiError(error) && error.code === VALIDATION_ERRORS_CODE) {
    try {
      const draft = await client.getTask(task.id, { fields: 'id,name,errors' });
      if ((draft.errors?.length ?? 0) > 0) return notStartedText(task, draft.errors);
    } catch {
      // Fall back to the refusal itself, which still names its code.
    }
  }
  return explainFailure(error).message;
}
