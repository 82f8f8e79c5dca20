import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codesAt, diagnose } from '../../test-utils/diagnose';
import { fakeContext } from '../../test-utils/fakeContext';

test('unknown keys at every level name the nearest valid key, as warnings', () => {
  const text = JSON.stringify({
    project: 'me/proj',
    app: 'me/proj/wf',
    nmae: 'x',
    execution_settings: { use_elastic_disc: true },
    batch_by: { type: 'item', criterias: [] },
    output_location: { nodes_location: { out: { output_locaton: '/x' } } },
  });
  const findings = diagnose(text);
  assert.deepEqual(
    findings.map((f) => [f.code, f.at, f.severity]),
    [
      ['sbg.unknown-key', '"nmae"', 'warning'],
      ['sbg.unknown-key', '"output_locaton"', 'warning'],
      ['sbg.unknown-key', '"criterias"', 'warning'],
      ['sbg.unknown-key', '"use_elastic_disc"', 'warning'],
      ['sbg.batch-pair', '"batch_by"', 'error'],
    ].sort(byOrder(findings.map((f) => f.at))),
  );
  assert.match(findings.find((f) => f.at === '"use_elastic_disc"')!.message, /did you mean 'use_elastic_disk'\?/);
});

function byOrder(order: string[]) {
  return (a: (string | undefined)[], b: (string | undefined)[]) => order.indexOf(a[1]!) - order.indexOf(b[1]!);
}

test('project and app are required', () => {
  const findings = diagnose('{"name": "x"}');
  assert.deepEqual(findings.map((f) => [f.code, f.at]), [['sbg.missing-key', '{'], ['sbg.missing-key', '{']]);
  assert.match(findings[0].message, /needs 'project': add "project": "owner\/project"/);
});

test('wrong JSON types, with a hint for quoted booleans and numbers', () => {
  const findings = diagnose(
    JSON.stringify({ project: 'me/proj', app: 'me/proj/wf', name: 5, use_interruptible_instances: 'true', execution_settings: { max_parallel_instances: '4', use_memoization: 1 } }),
  );
  assert.deepEqual(findings.map((f) => [f.code, f.at]), [
    ['sbg.value-type', '5'],
    ['sbg.value-type', '"true"'],
    ['sbg.value-type', '"4"'],
    ['sbg.value-type', '1'],
  ].sort(byOrder(findings.map((f) => f.at))));
  assert.match(findings.find((f) => f.at === '"true"')!.message, /'use_interruptible_instances' must be a boolean, not a string: write true without quotes/);
  assert.match(findings.find((f) => f.at === '"4"')!.message, /must be an integer, not a string: write 4 without quotes/);
});

test('malformed project and app ids', () => {
  assert.deepEqual(codesAt('{"project": "my-project", "app": "me/proj/wf/latest"}'), [
    ['sbg.malformed-id', '"my-project"'],
    ['sbg.malformed-id', '"me/proj/wf/latest"'],
  ]);
  assert.deepEqual(codesAt('{"project": "me/proj", "app": "me/proj/wf/12"}'), []);
});

test('execution settings: instance type format, unknown names as warnings, max_parallel_instances >= 1', () => {
  const check = (instance: unknown, context = fakeContext()) =>
    diagnose(JSON.stringify({ project: 'me/proj', app: 'me/proj/wf', execution_settings: { instance_type: instance } }), context).map((f) => [f.code, f.severity]);
  assert.deepEqual(check('c5.2xlarge;ebs-gp2;1024'), []);
  assert.deepEqual(check('n1-standard-16;pd-ssd;2000'), []);
  assert.deepEqual(check('AUTO'), []);
  assert.deepEqual(check(['c4.2xlarge;ebs-gp2;2000']), []);
  assert.deepEqual(check('c5.2xlarge;pd-ssd;1024'), [['sbg.instance-type', 'error']]);
  assert.deepEqual(check('c5.2xlarge;ebs-gp2'), [['sbg.instance-type', 'error']]);
  assert.deepEqual(check('c5.2xlarge;ebs-gp2;0'), [['sbg.instance-type', 'error']]);
  assert.deepEqual(check('big machine'), [['sbg.instance-type', 'error']]);
  assert.deepEqual(check('c9.mega;ebs-gp2;10'), [['sbg.unknown-instance-type', 'warning']]);
  assert.deepEqual(codesAt('{"project": "me/proj", "app": "me/proj/wf", "execution_settings": {"max_parallel_instances": 0}}'), [['sbg.value-range', '0']]);
});

test('severities change per family, and a family can be turned off', () => {
  const text = '{"project": "me/proj", "app": "me/proj/wf", "nmae": 1, "execution_settings": {"max_parallel_instances": 0}}';
  const settings = { severities: { body: 'hint', execution: 'off' } } as const;
  assert.deepEqual(diagnose(text, {}, settings).map((f) => [f.code, f.severity]), [['sbg.unknown-key', 'hint']]);
  for (const finding of diagnose(text)) assert.equal(finding.diagnostic.source, 'sbg-task');
});
