/**
 * The `sbgTasks.*` settings the extension reads, one typed getter each, with the defaults and
 * ranges of settingDefaults.ts, and one event when any of them changes. Settings the language
 * server reads (diagnostics.severity, validation.liveChecks) reach it through the language
 * client's configuration sync, not through here.
 */
import * as vscode from 'vscode';
import { SETTING_DEFAULTS, numberSetting, type SettingName } from './settingDefaults';

export type TaskEndedNotifications = 'always' | 'failures' | 'never';

/** The polling intervals, in seconds, as set (watch/pollSettings.ts adapts them to activity and rate limit). */
export interface PollingIntervals {
  minIntervalSeconds: number;
  queuedIntervalSeconds: number;
  childrenIntervalSeconds: number;
}

export class Config implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.ConfigurationChangeEvent>();
  private readonly subscription = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('sbgTasks')) this.changed.fire(event);
  });
  /** Fires when any `sbgTasks.*` setting changes; `event.affectsConfiguration` says which. */
  readonly onDidChange = this.changed.event;

  /** The Custom API URL last entered in Sign In (application scope: a workspace cannot set it). */
  customApiUrl(): string {
    return this.read('sbgTasks.customApiUrl');
  }

  async setCustomApiUrl(url: string): Promise<void> {
    await this.write('sbgTasks.customApiUrl', url);
  }

  /** How long a request may wait for a rate-limit reset or the end of maintenance, in milliseconds. */
  rateLimitWaitMs(): number {
    return numberSetting('sbgTasks.rateLimitWaitSeconds', this.raw('sbgTasks.rateLimitWaitSeconds')) * 1000;
  }

  /** Whether Create and Run asks before running a batch (a folder may say otherwise for its files). */
  confirmBatchRun(scope?: vscode.Uri): boolean {
    return this.read('sbgTasks.confirmBatchRun', scope);
  }

  /** "Don't ask again": for every window. */
  async stopConfirmingBatchRun(): Promise<void> {
    await this.write('sbgTasks.confirmBatchRun', false);
  }

  taskEndedNotifications(): TaskEndedNotifications {
    return this.read('sbgTasks.notifications.taskEnded');
  }

  pollingIntervals(): PollingIntervals {
    return {
      minIntervalSeconds: numberSetting('sbgTasks.polling.minIntervalSeconds', this.raw('sbgTasks.polling.minIntervalSeconds')),
      queuedIntervalSeconds: numberSetting('sbgTasks.polling.queuedIntervalSeconds', this.raw('sbgTasks.polling.queuedIntervalSeconds')),
      childrenIntervalSeconds: numberSetting('sbgTasks.polling.childrenIntervalSeconds', this.raw('sbgTasks.polling.childrenIntervalSeconds')),
    };
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private raw(name: SettingName, scope?: vscode.Uri): unknown {
    return vscode.workspace.getConfiguration(undefined, scope).get(name);
  }

  private read<N extends SettingName>(name: N, scope?: vscode.Uri): Widen<(typeof SETTING_DEFAULTS)[N]['default']> {
    const fallback = SETTING_DEFAULTS[name].default;
    const value = vscode.workspace.getConfiguration(undefined, scope).get(name, fallback);
    return (typeof value === typeof fallback ? value : fallback) as Widen<(typeof SETTING_DEFAULTS)[N]['default']>;
  }

  private async write(name: SettingName, value: unknown): Promise<void> {
    await vscode.workspace.getConfiguration().update(name, value, vscode.ConfigurationTarget.Global);
  }
}

/** `'always'` → the setting's union, `true` → boolean, `''` → string. */
type Widen<T> = T extends 'always' ? TaskEndedNotifications : T extends boolean ? boolean : T extends string ? string : T;
