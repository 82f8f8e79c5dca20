/** A status bar item with the running and failed counts of the watched tasks and, in its tooltip, what they cost; hidden when nothing is watched. */
import * as vscode from 'vscode';
import { isTerminal } from '../../../platform/src/types';
import { plural } from '../shared/plural';
import { endedWithFailures } from '../watch/counts';
import { sumText } from './reading/priceText';
import { watchedCost } from './watchedCost';
import { FOCUS_TASKS_VIEW } from './tasksView';
import type { TaskTreeModel } from './taskTreeModel';

export function registerStatusBar(model: TaskTreeModel): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('sbgTasks.watched', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Seven Bridges Tasks';
  item.command = FOCUS_TASKS_VIEW;
  const update = () => {
    const entries = model.signedIn ? (model.watcher?.store.watched() ?? []) : [];
    const tasks = entries.flatMap((entry) => (entry.task ? [entry.task] : []));
    if (tasks.length === 0) return item.hide();
    const running = tasks.filter((task) => task.status !== 'DRAFT' && !isTerminal(task.status)).length;
    const failed = tasks.filter(endedWithFailures).length;
    item.text = `$(sync${running > 0 ? '~spin' : ''}) ${running}  $(error) ${failed}`;
    const store = model.watcher?.store;
    const cost = store && sumText(watchedCost(store));
    item.tooltip = `Seven Bridges: ${plural(running, 'watched task')} running or queued, ${failed} failed${cost ? `\nCost of the watched tasks: ${cost}` : ''}`;
    item.backgroundColor = failed > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  update();
  const subscription = model.onDidChange(update);
  return new vscode.Disposable(() => {
    subscription.dispose();
    item.dispose();
  });
}
