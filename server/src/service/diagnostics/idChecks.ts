/**
 * `project` and `app`: their id formats (docs/PLATFORM.md#ids) and what the wiring learnt about them
 * from the platform. A lookup that failed is information, never an error.
 */
import type { TaskContext } from '../providers';
import { valueOf, type Node } from '../document/taskDocument';
import { idPartProblem, isProjectId, parseAppId } from '../document/ids';
import type { Reporter } from './report';

export function checkIds(root: Node, context: TaskContext, reporter: Reporter): void {
  const project = valueOf(root, 'project');
  if (project?.type === 'string') {
    const id = project.value as string;
    if (!isProjectId(id)) {
      reporter.report(project, 'sbg.malformed-id', `'project' must be a project id written owner/project (such as rfranklin/my-project), not "${id}"${partHint(id)}.`, { id: 'project' });
    } else if (context.projectExists?.(id) === false) {
      reporter.report(project, 'sbg.project-not-found', `The platform has no project "${id}" that you can use: check the owner and the project's short name.`, { id: 'project' });
    }
  }
  const app = valueOf(root, 'app');
  if (app?.type !== 'string') return;
  const id = app.value as string;
  if (!parseAppId(id)) {
    reporter.report(app, 'sbg.malformed-id', `'app' must be an app id written owner/project/app or owner/project/app/revision (revision a number), not "${id}"${partHint(id)}.`, { id: 'app' });
    return;
  }
  const state = context.app;
  if (state?.state === 'not-found') {
    reporter.report(app, 'sbg.app-not-found', `The platform has no app "${id}" that you can use (${state.reason}): check the id and the revision.`, { id: 'app' });
  } else if (state?.state === 'unavailable') {
    reporter.report(app, 'sbg.app-unavailable', `Inputs were not checked: the ports of "${id}" could not be fetched (${state.reason}).`, { id: 'app' });
  }
}

/** Names the part that breaks an id (`..`, an empty part, ...), so the message says what to fix. */
function partHint(id: string): string {
  const problem = idPartProblem(id);
  return problem === undefined ? '' : ` (${problem})`;
}
