import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLocation } from 'jsonc-parser';
import { locationAt } from '../../../server/src/service/document/location';
import { parseTaskDocument } from '../../../server/src/service/document/taskDocument';
import { documentOf } from '../../test-utils/cursor';
import { batchApp, batchBodyText, generateBody, seededRandom } from '../generatedBodies';

/** What completion reads of a location, as plain data. */
function essentials(location: Pick<ReturnType<typeof getLocation>, 'path' | 'previousNode' | 'isAtPropertyKey'>) {
  const node = location.previousNode;
  return {
    path: location.path,
    isAtPropertyKey: location.isAtPropertyKey,
    previousNode: node && { type: node.type, offset: node.offset, length: node.length, value: node.value, colonOffset: node.colonOffset },
  };
}

test('locationAt reads what getLocation reads from the whole text, at every offset of valid and broken bodies', () => {
  const random = seededRandom(5);
  const texts = [
    batchBodyText(2),
    JSON.stringify(generateBody(batchApp(), random)),
    '{"inputs": {"reads": [[1, {"a": [true, {}]}], null], "x": {"y": "z\\"q"}}, "b": [ ]}',
    '{"project": "me/p", "inputs": {"reads": [{"class": "File", "pa',
    '[{"a": 1}, [2, {"b": ',
    // Items skipped before the cursor: what they leave of the scanner's state, in arrays and objects.
    '[{}, [1, 2], {"a": {}}, 3, [{"b": 1}, 5], 4, [[]], {"c": [{}]}, "s", {"d": {"e": 1}} , 6 ]',
    '{"a": [1, {}], "b": {"c": {}}, "d": 1, "e": [ {"f": [ ]}, 2 ] , "g": {} }',
    batchBodyText(5),
  ];
  for (const [n, text] of texts.entries()) {
    const document = parseTaskDocument(documentOf(text, `file:///location${n}`));
    for (let offset = 0; offset <= text.length; offset++) {
      assert.deepEqual(essentials(locationAt(document, offset)), essentials(getLocation(text, offset)), `offset ${offset} of ${text}`);
    }
  }
});

test('locationAt after an item nested 100,000 deep reads the state without recursion', () => {
  // getLocation itself overflows the stack on the deep text: compare with the same text 3 deep.
  const body = (depth: number) => `{"inputs": {"a": [${'['.repeat(depth)}{}${']'.repeat(depth)}, 2, ${'['.repeat(depth)}1${']'.repeat(depth)}, 3]}}`;
  const deep = body(100_000);
  const shallow = body(3);
  const document = parseTaskDocument(documentOf(deep, 'file:///deep-location'));
  const cursors = (text: string) => [text.indexOf(', 2') + 1, text.indexOf('2'), text.lastIndexOf('3'), text.lastIndexOf('3') + 1];
  const deepCursors = cursors(deep);
  cursors(shallow).forEach((offset, i) => {
    const expected = essentials(getLocation(shallow, offset));
    const shift = deepCursors[i] - offset;
    if (expected.previousNode) expected.previousNode.offset += shift;
    assert.deepEqual(essentials(locationAt(document, deepCursors[i])), expected, `cursor ${i}`);
  });
});
