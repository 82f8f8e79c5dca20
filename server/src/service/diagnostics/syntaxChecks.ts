/** Syntax errors from the parser, and a plain message for an empty file. */
import type { TaskDocument } from '../document/taskDocument';
import type { Reporter } from './report';

export function checkSyntax(document: TaskDocument, reporter: Reporter): void {
  if (document.text.trim() === '') {
    reporter.report({ offset: 0, length: document.text.length }, 'sbg.syntax', 'The file is empty: a task body is a JSON object such as {"project": "owner/project", "app": "owner/project/app"}.');
    return;
  }
  for (const problem of document.syntaxErrors) {
    reporter.report(problem, 'sbg.syntax', problem.message);
    if (reporter.full) return;
  }
}
