/**
 * The Tasks view and everything around it, built once by extension.ts: the model (watcher and
 * store of the signed-in environment), the tree, the status bar item, the end notifications,
 * the read-only JSON views and Execution Details, the context keys of the welcome views, and the
 * `sbgTasks.polling.*` settings. Its commands are in the command table (commands/index.ts).
 */
import * as vscode from 'vscode';
import type { Task } from '../../../platform/src/types';
import type { Session } from '../auth/session';
import type { Config } from '../config';
import { ExecutionDetailsView } from '../details/executionDetailsView';
import type { PollSettings } from '../watch/pollSettings';
import { registerEndNotifications } from './endNotifications';
import { ReadOnlyDocuments, VIEW_SCHEME } from '../details/readOnlyDocuments';
import { sumText } from './reading/priceText';
import { registerStatusBar } from './statusBar';
import { TaskTreeModel } from './taskTreeModel';
import { TASKS_VIEW_ID } from './tasksView';
import { TaskTreeProvider } from './taskTreeProvider';
import { watchedCost } from './watchedCost';

export interface TaskTree {
  readonly model: TaskTreeModel;
  readonly provider: TaskTreeProvider;
  /** The read-only JSON documents the rows open. */
  readonly documents: ReadOnlyDocuments;
  readonly details: ExecutionDetailsView;
  /** Shows a task in the view and keeps it fresh (nothing while signed out); `notifyOnEnd` also announces when it ends. */
  addTask(task: Task | string, options?: { notifyOnEnd?: boolean }): void;
  /** Polls now, as the Refresh button does (without clearing the server's cache). */
  refresh(): Promise<void>;
}

export function createTaskTree(subscriptions: vscode.Disposable[], state: vscode.Memento, session: Session, config: Config): TaskTree {
  const model = new TaskTreeModel(state, { getClient: () => session.client(), apiBase: () => session.get()?.environment.apiBase }, () => pollSettings(config));
  const provider = new TaskTreeProvider(model);
  const view = vscode.window.createTreeView(TASKS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const documents = new ReadOnlyDocuments();
  const details = new ExecutionDetailsView(documents);

  const updateContextKeys = () => {
    void vscode.commands.executeCommand('setContext', 'sbgTasks.hasWatchedTasks', (model.watcher?.store.watched().length ?? 0) > 0);
    // The view's title carries what the watched tasks cost so far.
    const store = model.signedIn ? model.watcher?.store : undefined;
    view.description = store && sumText(watchedCost(store));
  };
  model.setVisible(view.visible);
  updateContextKeys();

  subscriptions.push(
    model,
    provider,
    view,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(VIEW_SCHEME, documents),
    registerStatusBar(model),
    registerEndNotifications(model, config),
    view.onDidChangeVisibility((event) => model.setVisible(event.visible)),
    model.onDidChange(updateContextKeys),
    session.onDidChange(() => model.sessionChanged()),
    config.onDidChange((event) => {
      if (event.affectsConfiguration('sbgTasks.polling')) model.settingsChanged();
    }),
    details,
  );

  return {
    model,
    provider,
    documents,
    details,
    addTask: (task, options) => model.watcher?.watch(task, options),
    refresh: async () => {
      await model.watcher?.refresh();
      provider.refreshNow();
    },
  };
}

function pollSettings(config: Config): Partial<PollSettings> {
  const intervals = config.pollingIntervals();
  return {
    minIntervalMs: intervals.minIntervalSeconds * 1000,
    queuedIntervalMs: intervals.queuedIntervalSeconds * 1000,
    childrenIntervalMs: intervals.childrenIntervalSeconds * 1000,
  };
}
