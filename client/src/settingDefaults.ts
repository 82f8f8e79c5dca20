/**
 * Every `sbgTasks.*` setting's default and range, in one place: config.ts reads the settings
 * with them, watch/pollSettings.ts clamps intervals with them, and a test holds them against
 * package.json's `contributes.configuration`, so the manifest and the code cannot drift apart.
 * No VS Code API here: the polling core and the test read it in plain Node.
 */

export interface SettingDefault<T> {
  readonly default: T;
  /** The lowest value the code uses; a lower one in settings.json is raised to it. */
  readonly minimum?: number;
  /** The highest value the code uses; a higher one is lowered to it. */
  readonly maximum?: number;
  /** The language server reads this setting (server/src/settings.ts), not the client. */
  readonly readByServer?: true;
}

export const SETTING_DEFAULTS = {
  'sbgTasks.customApiUrl': { default: '' },
  'sbgTasks.rateLimitWaitSeconds': { default: 60, minimum: 0, maximum: 900 },
  'sbgTasks.diagnostics.severity': { default: {}, readByServer: true },
  'sbgTasks.validation.liveChecks': { default: true, readByServer: true },
  'sbgTasks.confirmBatchRun': { default: true },
  'sbgTasks.notifications.taskEnded': { default: 'always' },
  'sbgTasks.polling.minIntervalSeconds': { default: 10, minimum: 5, maximum: 3600 },
  'sbgTasks.polling.queuedIntervalSeconds': { default: 60, minimum: 5, maximum: 3600 },
  'sbgTasks.polling.childrenIntervalSeconds': { default: 30, minimum: 5, maximum: 3600 },
} as const satisfies Record<string, SettingDefault<unknown>>;

export type SettingName = keyof typeof SETTING_DEFAULTS;

/** A number setting's value as the code uses it: the default when it is not a finite number, else clamped to the range. */
export function numberSetting(name: SettingName, value: unknown): number {
  const setting: SettingDefault<unknown> = SETTING_DEFAULTS[name];
  const fallback = setting.default as number;
  const given = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  return Math.min(setting.maximum ?? Number.POSITIVE_INFINITY, Math.max(setting.minimum ?? Number.NEGATIVE_INFINITY, given));
}
