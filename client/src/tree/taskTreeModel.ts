/**
 * The watcher and store of the signed-in environment: each environment has its own watched
 * tasks, saved in workspaceState under its API URL, so switching environments switches lists
 * without a reload. Forwards the current store's changes and ends to the views.
 */
import * as vscode from 'vscode';
import type { Memento } from 'vscode';
import type { SbgClient } from '../../../platform/src/client';
import { systemClock } from '../../../platform/src/clock';
import { Emitter } from '../watch/emitter';
import type { PollSettings } from '../watch/pollSettings';
import { TaskStore } from '../watch/taskStore';
import { TaskWatcher, type RerunsEnded } from '../watch/taskWatcher';
import { parseWatchState } from '../watch/watchState';
import type { Task } from '../../../platform/src/types';

export interface SessionSource {
  getClient(): SbgClient | undefined;
  /** The API base of the signed-in environment; undefined when signed out. */
  apiBase(): string | undefined;
}

export class TaskTreeModel implements vscode.Disposable {
  private current: { key: string; watcher: TaskWatcher; subscriptions: { dispose(): void }[] } | undefined;
  private visible = false;
  private readonly changed = new Emitter<void>();
  private readonly ended = new Emitter<Task>();
  private readonly rerunsEnded = new Emitter<RerunsEnded>();
  readonly onDidChange = this.changed.event;
  readonly onDidEnd = this.ended.event;
  readonly onDidEndReruns = this.rerunsEnded.event;

  constructor(
    private readonly state: Memento,
    private readonly session: SessionSource,
    private settings: () => Partial<PollSettings>,
  ) {
    this.sessionChanged();
  }

  get watcher(): TaskWatcher | undefined {
    return this.current?.watcher;
  }

  /** The signed-in environment's client, for reads the rows make on demand. */
  get client(): SbgClient | undefined {
    return this.session.getClient();
  }

  get signedIn(): boolean {
    return this.session.getClient() !== undefined;
  }

  /** Signed in, out, or to another environment: load that environment's watched tasks and poll them. */
  sessionChanged(): void {
    const apiBase = this.session.apiBase();
    const key = apiBase ? `sbgTasks.watched:${apiBase}` : undefined;
    if (this.current?.key !== key) {
      this.disposeCurrent();
      if (key) this.load(key);
    }
    this.current?.watcher.restart();
    this.changed.fire();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.current?.watcher.setVisible(visible);
  }

  settingsChanged(): void {
    this.current?.watcher.updateSettings(this.settings());
  }

  private load(key: string): void {
    const store = new TaskStore(parseWatchState(this.state.get(key)));
    const watcher = new TaskWatcher(store, () => this.session.getClient(), { clock: systemClock, settings: this.settings() });
    const subscriptions = [
      store.onDidChange(() => this.changed.fire()),
      store.onDidChangeWatched(() => void this.state.update(key, store.state())),
      watcher.onDidEnd((task) => this.ended.fire(task)),
      watcher.onDidEndReruns((ended) => this.rerunsEnded.fire(ended)),
    ];
    this.current = { key, watcher, subscriptions };
    watcher.setVisible(this.visible);
  }

  private disposeCurrent(): void {
    if (!this.current) return;
    for (const subscription of this.current.subscriptions) subscription.dispose();
    this.current.watcher.dispose();
    this.current.watcher.store.dispose();
    this.current = undefined;
  }

  dispose(): void {
    this.disposeCurrent();
    this.changed.dispose();
    this.ended.dispose();
    this.rerunsEnded.dispose();
  }
}
