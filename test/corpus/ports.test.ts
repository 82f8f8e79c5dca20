/**
 * Every corpus app's input ports, as parseApp derives them, against corpus/EXPECTED.md:
 * id, type, required and default of every port, and no port more or less.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { portsToJson, type PortJson } from '../../server/src/service/cwl/parseApp';
import { parseAppText } from '../../server/src/service/cwl/parseAppText';
import { locateCorpus } from './corpusLocation';
import { parseExpected, type ExpectedApp, type ExpectedDefault } from './expectedPorts';

const corpus = locateCorpus();

/**
 * EXPECTED.md writes types in the canonical notation of issue 3 §1 except in one documented way:
 * a record may carry its name (`record coverage_parameters{...}`), which the canonical notation
 * leaves out. Only that is normalised; every other difference is a failure.
 */
function normaliseExpectedType(type: string): string {
  return type.replace(/record [\w.-]+\{/g, 'record{');
}

/**
 * A default EXPECTED.md abbreviates with `…` (the long comma lists of kfdrc-somatic-variant-workflow)
 * is compared by its written start and end, and by its item count when the file states one
 * ("(11 names)"); every other default is compared exactly.
 */
function assertDefault(actual: unknown, expected: ExpectedDefault | undefined, where: string): void {
  if (expected === undefined) {
    assert.equal(actual, undefined, `${where}: EXPECTED.md gives no default, parseApp gives ${JSON.stringify(actual)}`);
  } else if ('exact' in expected) {
    assert.deepEqual(actual, expected.exact, `${where}: default`);
  } else {
    assert.equal(typeof actual, 'string', `${where}: default should be a string`);
    const text = actual as string;
    assert.ok(text.startsWith(expected.startsWith), `${where}: default should start with ${expected.startsWith}, is ${text}`);
    assert.ok(text.endsWith(expected.endsWith), `${where}: default should end with ${expected.endsWith}, is ${text}`);
    if (expected.commaItems !== undefined) {
      assert.equal(text.split(',').length, expected.commaItems, `${where}: number of comma-separated items in the default`);
    }
  }
}

function comparePorts(actual: PortJson[], expected: ExpectedApp): void {
  const actualById = new Map(actual.map((port) => [port.id, port]));
  const expectedIds = expected.ports.map((port) => port.id);
  assert.deepEqual(
    actual.map((port) => port.id).sort(),
    [...expectedIds].sort(),
    `${expected.file}: port ids (parseApp vs EXPECTED.md)`,
  );
  for (const port of expected.ports) {
    const got = actualById.get(port.id)!;
    const where = `${expected.file} port "${port.id}"`;
    assert.equal(got.type, normaliseExpectedType(port.type), `${where}: type`);
    assert.equal(got.required, port.required, `${where}: required`);
    assertDefault(got.default, port.default, where);
  }
}

describe('corpus apps: input ports match EXPECTED.md', { skip: corpus.skipReason }, () => {
  const appsDir = join(corpus.dir, 'apps');
  const expected = corpus.present ? parseExpected(readFileSync(join(corpus.dir, 'EXPECTED.md'), 'utf8')) : [];

  it('finds the corpus (CI=true requires it)', () => {
    assert.ok(corpus.present, `no corpus at ${corpus.dir}: set SBG_CORPUS to the folder holding EXPECTED.md and apps/`);
  });
  if (!corpus.present) {
    return; // on CI the test above has failed; nothing below could run without the corpus
  }

  it('EXPECTED.md covers every app in apps/ and names no other', () => {
    assert.deepEqual(expected.map((app) => app.file).sort(), readdirSync(appsDir).sort());
  });

  it('the counts EXPECTED.md states agree with the ports read from it', () => {
    for (const app of expected) {
      assert.ok(app.ports.length > 0, `${app.file}: no ports read from EXPECTED.md`);
      for (const stated of app.statedCounts) {
        assert.equal(stated.ports.length, stated.count, `${app.file}: EXPECTED.md states ${stated.count} ${stated.what}`);
      }
    }
  });

  for (const app of expected) {
    it(app.file, () => {
      comparePorts(portsToJson(parseAppText(readFileSync(join(appsDir, app.file), 'utf8'))), app);
    });
  }
});
