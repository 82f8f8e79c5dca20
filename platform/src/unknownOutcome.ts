/**
 * The one rule for a request that acts on the platform (create a task, run it) and failed without
 * a usable answer, shared by the VS Code commands (client/src/create/failure.ts) and
 * `sbg-task create`: when the request may have reached the platform, say so, say how to check,
 * and claim neither outcome. Such a request is never sent again by the client (http.ts).
 */
import { MAY_HAVE_REACHED, SbgApiError } from './errors';

/** Failures where the connection was never made, for errors built without a send state. */
const NEVER_CONNECTED = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b|\((connection refused|host not found|host name lookup failed)\)/;

/**
 * Whether the platform may have acted on a request that failed with `error`: true when the
 * request went out and no answer said what happened (connection dropped after sending, timeout,
 * a 5xx, an answer that is not JSON or too large); false when it was never sent or the platform
 * answered that it did not act (4xx, rate limit, maintenance, a proxy's 407).
 */
export function mayHaveActed(error: unknown): boolean {
  if (!(error instanceof SbgApiError)) return false; // refused before sending (an unsafe URL, a bug)
  switch (error.kind) {
    case 'network':
      return error.sendState !== 'unsent' && !NEVER_CONNECTED.test(error.message);
    case 'cancelled':
      return error.sendState !== 'unsent' && error.sendState !== 'refused';
    case 'timeout':
    case 'server':
    case 'nonJson':
    case 'tooLarge':
      return true;
    default:
      return false;
  }
}

/** What a person looks for to find out whether the task exists. */
export interface TaskToCheck {
  /** The project the task was sent to. */
  project?: string;
  /** The task's name from the body, if it had one. */
  name?: string;
  /** The app the task was made from, for a task without a name. */
  app?: string;
  /** The project's task list in the web UI. */
  tasksWebUrl?: string;
}

/** "No answer said whether the task was created ... look in the task list of project P for a task named N ..." */
export function howToCheckForTask(task: TaskToCheck): string {
  const where = task.project ? `the task list of project ${task.project}` : "the project's task list";
  const url = task.tasksWebUrl ? ` (${task.tasksWebUrl})` : '';
  const which = task.name ? `a task named "${task.name}"` : task.app ? `a task of app ${task.app} created just now` : 'a task created just now';
  return 'No answer said whether the task was created, and the request was not sent again: ' +
    `look in ${where}${url} for ${which} before sending it again, so that it is not created twice.`;
}

/** The failure's own words (without their generic "may have reached" advice), then where to look for the task. */
export function describeUnknownOutcome(error: Error, task: TaskToCheck): string {
  const said = error.message.replace(` ${MAY_HAVE_REACHED}`, '');
  return `${said} ${howToCheckForTask(task)}`;
}
