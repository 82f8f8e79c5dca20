import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agoText, RecentSends, RESEND_WINDOW_MS } from '../../../client/src/create/recentSends';

test('the same text from the same file within the window is recent; changed text, another file or a late send is not', () => {
  let now = 1_000_000;
  const sends = new RecentSends(() => now);
  sends.remember('file:///a.sbtask.json', '{"app": "x"}', { id: 'task-1', name: 'align' });
  now += 3 * 60_000;
  assert.deepEqual(sends.sameAsRecent('file:///a.sbtask.json', '{"app": "x"}'), { taskId: 'task-1', taskName: 'align', at: 1_000_000 });
  assert.equal(sends.sameAsRecent('file:///a.sbtask.json', '{"app": "y"}'), undefined);
  assert.equal(sends.sameAsRecent('file:///b.sbtask.json', '{"app": "x"}'), undefined);
  now = 1_000_000 + RESEND_WINDOW_MS + 1;
  assert.equal(sends.sameAsRecent('file:///a.sbtask.json', '{"app": "x"}'), undefined);
  sends.remember('file:///a.sbtask.json', '{"app": "x"}', { id: 'task-2' });
  assert.equal(sends.sameAsRecent('file:///a.sbtask.json', '{"app": "x"}')?.taskId, 'task-2', 'the latest task is the one named');
});

test('ago text', () => {
  assert.equal(agoText(20_000), 'less than a minute ago');
  assert.equal(agoText(60_000), '1 minute ago');
  assert.equal(agoText(3 * 60_000 + 59_000), '3 minutes ago');
});
