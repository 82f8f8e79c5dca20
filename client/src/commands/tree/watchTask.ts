import * as vscode from 'vscode';
import { revealTasksView } from '../../tree/tasksView';
import { parseTaskReference } from '../../watch/taskReference';
import { requireWatcher } from '../target';
import type { Ctx } from '../../context';

/** Watch Task: by id or by the address of its page in the web UI (argument, or asked for). */
export const watchTask = (ctx: Ctx) => async (reference?: unknown) => {
  const watcher = requireWatcher(ctx);
  if (!watcher) return;
  const text =
    typeof reference === 'string'
      ? reference
      : await ctx.prompts.inputBox({
          title: 'Watch Task',
          prompt: 'The task id, or the address of its page in the platform',
          placeHolder: '2e1ebed1-c53e-4373-870d-4732acacbbbb or https://…/u/owner/project/tasks/<id>/',
          ignoreFocusOut: true,
          validateInput: (value) => {
            const parsed = parseTaskReference(value);
            return 'problem' in parsed && value.trim() !== '' ? parsed.problem : undefined;
          },
        });
  if (text === undefined) return;
  const parsed = parseTaskReference(text);
  if ('problem' in parsed) {
    void vscode.window.showWarningMessage(parsed.problem);
    return;
  }
  watcher.watch(parsed.id);
  await revealTasksView();
};
