/**
 * The Tasks view and everything around it, wired in one call from extension.ts: the model
 * (watcher and store of the signed-in environment), the tree, the status bar item, the end
 * notifications, the read-only JSON views, the tree's commands, the context keys of the welcome
 * views, the `sbgTasks.polling.*` settings, and the hook through which Create Draft Task hands
 * new tasks over. Returns what the extension's tests drive.
 */
import * as vscode from 'vscode';
import type { Task } from '../../../platform/src/types';
import { abortTask } from '../commands/tree/abortTask';
import { copyFileId } from '../commands/tree/copyFileId';
import { copyId } from '../commands/tree/copyId';
import { downloadOutput } from '../commands/tree/downloadOutput';
import { newTaskFromOutputs } from '../commands/tree/newTaskFromOutputs';
import { openInBrowser } from '../commands/tree/openInBrowser';
import { refresh } from '../commands/tree/refresh';
import { rerunFailedChildren } from '../commands/tree/rerunFailedChildren';
import { runDraft } from '../commands/tree/runDraft';
import { saveAsTaskFile } from '../commands/tree/saveAsTaskFile';
import { showExecutionDetails } from '../commands/tree/showExecutionDetails';
import { showInputsOutputs } from '../commands/tree/showInputsOutputs';
import { stopWatching } from '../commands/tree/stopWatching';
import type { TreeCommand, TreeCommandContext } from '../commands/tree/treeCommand';
import { watchProjectTasks } from '../commands/tree/watchProjectTasks';
import { watchTask } from '../commands/tree/watchTask';
import { requireSession, type CommandContext } from '../commands/context';
import { ExecutionDetailsView, OPEN_JOB_LOG_COMMAND, type JobLogTarget } from '../details/executionDetailsView';
import { openJobLog } from '../details/openJobLog';
import { getClient, getSession, onDidChangeSession, registerTaskTree } from '../session';
import type { PollSettings } from '../watch/pollSettings';
import { registerEndNotifications } from './endNotifications';
import { LOAD_MORE_COMMAND } from './nodes/loadMoreNode';
import { ReadOnlyDocuments, VIEW_SCHEME } from './readOnlyDocuments';
import { sumText } from './priceText';
import { registerStatusBar } from './statusBar';
import { TaskTreeModel } from './taskTreeModel';
import { TASKS_VIEW_ID } from './tasksView';
import { TaskTreeProvider } from './taskTreeProvider';
import { watchedCost } from './watchedCost';

const TREE_COMMANDS: TreeCommand[] = [
  refresh, watchTask, watchProjectTasks, openInBrowser, copyId, runDraft, abortTask,
  rerunFailedChildren, showInputsOutputs, saveAsTaskFile, showExecutionDetails, stopWatching,
  downloadOutput, copyFileId, newTaskFromOutputs,
];

/** What the extension's API exposes of the tree, for its tests. */
export interface TaskTreeApi {
  readonly model: TaskTreeModel;
  readonly provider: TaskTreeProvider;
  watch(task: Task | string): void;
  /** Polls now, as the Refresh button does (without clearing the server's cache). */
  refresh(): Promise<void>;
}

export function registerTaskTreeView(context: vscode.ExtensionContext, commands: CommandContext): TaskTreeApi {
  const model = new TaskTreeModel(context.workspaceState, { getClient, apiBase: () => getSession()?.environment.apiBase }, pollSettings);
  const provider = new TaskTreeProvider(model);
  const view = vscode.window.createTreeView(TASKS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const documents = new ReadOnlyDocuments();
  const details = new ExecutionDetailsView(documents);
  const ctx: TreeCommandContext = { model, provider, documents, details, commands };

  const updateContextKeys = () => {
    void vscode.commands.executeCommand('setContext', 'sbgTasks.hasWatchedTasks', (model.watcher?.store.watched().length ?? 0) > 0);
    // The view's title carries what the watched tasks cost so far.
    const store = model.signedIn ? model.watcher?.store : undefined;
    view.description = store && sumText(watchedCost(store));
  };
  model.setVisible(view.visible);
  updateContextKeys();

  context.subscriptions.push(
    model,
    provider,
    view,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(VIEW_SCHEME, documents),
    registerStatusBar(model),
    registerEndNotifications(model),
    view.onDidChangeVisibility((event) => model.setVisible(event.visible)),
    model.onDidChange(updateContextKeys),
    onDidChangeSession(() => model.sessionChanged()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sbgTasks.polling')) model.settingsChanged();
    }),
    details,
    vscode.commands.registerCommand(LOAD_MORE_COMMAND, (groupKey: string) => provider.loadMore(groupKey)),
    vscode.commands.registerCommand(OPEN_JOB_LOG_COMMAND, async (target: JobLogTarget) => {
      const session = await requireSession(commands.accounts);
      return session && openJobLog(session.client, documents, target);
    }),
    ...TREE_COMMANDS.map((command) => vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.run(ctx, ...args))),
    registerTaskTree({ watch: (task, options) => model.watcher?.watch(task, options) }),
  );

  return {
    model,
    provider,
    watch: (task) => model.watcher?.watch(task),
    refresh: async () => {
      await model.watcher?.refresh();
      provider.refreshNow();
    },
  };
}

function pollSettings(): Partial<PollSettings> {
  const settings = vscode.workspace.getConfiguration('sbgTasks.polling');
  return {
    minIntervalMs: settings.get<number>('minIntervalSeconds', 10) * 1000,
    queuedIntervalMs: settings.get<number>('queuedIntervalSeconds', 60) * 1000,
    childrenIntervalMs: settings.get<number>('childrenIntervalSeconds', 30) * 1000,
  };
}
