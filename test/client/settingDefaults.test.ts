/** The defaults and ranges the code uses are package.json's, setting for setting. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { SETTING_DEFAULTS, numberSetting, type SettingDefault } from '../../client/src/settingDefaults';

interface ManifestSetting {
  default?: unknown;
  minimum?: number;
  maximum?: number;
}

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
const contributed: Record<string, ManifestSetting> = manifest.contributes.configuration.properties;

describe('setting defaults', () => {
  test('the code knows every setting package.json contributes, and no other', () => {
    assert.deepEqual(Object.keys(SETTING_DEFAULTS).sort(), Object.keys(contributed).sort());
  });

  for (const [name, setting] of Object.entries(SETTING_DEFAULTS) as [string, SettingDefault<unknown>][]) {
    test(`${name}: default, minimum and maximum as in package.json`, () => {
      const declared = contributed[name];
      assert.ok(declared, `package.json contributes ${name}`);
      assert.deepEqual(
        { default: setting.default, minimum: setting.minimum, maximum: setting.maximum },
        { default: declared.default, minimum: declared.minimum, maximum: declared.maximum },
      );
    });
  }

  test('a number setting outside its range is clamped to it; one that is not a number is the default', () => {
    assert.equal(numberSetting('sbgTasks.polling.minIntervalSeconds', 1), 5);
    assert.equal(numberSetting('sbgTasks.polling.minIntervalSeconds', 12), 12);
    assert.equal(numberSetting('sbgTasks.rateLimitWaitSeconds', 5000), 900);
    assert.equal(numberSetting('sbgTasks.rateLimitWaitSeconds', -3), 0);
    assert.equal(numberSetting('sbgTasks.rateLimitWaitSeconds', 'soon'), 60);
    assert.equal(numberSetting('sbgTasks.polling.queuedIntervalSeconds', Number.NaN), 60);
  });
});
