import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { escapeMarkdown } from '../../../../client/src/tree/nodes/markdownText';

test('platform text in a tooltip is escaped: every Markdown sign gets a backslash, letters and digits stay', () => {
  assert.equal(escapeMarkdown('S01_[x] #3 *bold* `code` <b>|'), 'S01\\_\\[x\\] \\#3 \\*bold\\* \\`code\\` \\<b\\>\\|');
  assert.equal(escapeMarkdown('align by sample - S01'), 'align by sample \\- S01');
  assert.equal(escapeMarkdown('a\\b'), 'a\\\\b');
});
