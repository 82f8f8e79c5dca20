// Answering the extension's quick picks and input boxes the way a keyboard would, through the
// workbench's own quick-input commands, once the extension says the prompt is on screen.
import * as vscode from 'vscode';
import type { SbgTasksApi } from '../../../client/src/extension';

export const ACCEPT = 'workbench.action.acceptSelectedQuickOpenItem';
export const CLOSE = 'workbench.action.closeQuickOpen';

/** Commands that move the selection to the item at `index` (0 = first). */
export function selectItem(index: number): string[] {
  return ['quickInput.first', ...Array.from({ length: index }, () => 'quickInput.next')];
}

/**
 * Runs `commands` when the prompt titled `title` is shown. Call it before the command that shows
 * the prompt; the promise settles once the commands ran.
 */
export function answer(api: SbgTasksApi, title: string, commands: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const subscription = api.onDidShowPrompt((shown) => {
      if (shown !== title) return;
      subscription.dispose();
      // One turn later, so that the prompt's items have gone to the workbench before the commands.
      setImmediate(() => {
        (async () => {
          for (const command of commands) await vscode.commands.executeCommand(command);
        })().then(resolve, reject);
      });
    });
  });
}

/**
 * Resolves once `condition()` holds, checking it now and after each `event`; fails after
 * `maxEvents` events without it, naming `what` and the last state seen.
 */
export function when<T>(event: vscode.Event<unknown>, condition: () => T | undefined | false, what: string, maxEvents = 500): Promise<T> {
  return new Promise((resolve, reject) => {
    const first = condition();
    if (first) return resolve(first);
    let seen = 0;
    const subscription = event(() => {
      const value = condition();
      if (value) {
        subscription.dispose();
        resolve(value);
      } else if (++seen >= maxEvents) {
        subscription.dispose();
        reject(new Error(`${what}: not after ${maxEvents} events`));
      }
    });
  });
}
