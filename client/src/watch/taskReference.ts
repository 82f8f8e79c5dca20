/**
 * What a user may paste to watch a task: its id, or its page in the web UI
 * (`https://<web>/u/<owner>/<project>/tasks/<id>/`, docs/PLATFORM.md#web-ui-links), or its API href.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The task id in the text, or a message that says what to paste instead. */
export function parseTaskReference(text: string): { id: string } | { problem: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: 'Paste a task id or the address of its page.' };
  const inPath = /\/tasks\/([^/?#\s]+)/i.exec(trimmed)?.[1];
  const candidate = inPath ?? trimmed;
  const match = UUID.exec(candidate);
  if (match && (inPath !== undefined || match[0].length === trimmed.length)) return { id: match[0].toLowerCase() };
  return { problem: `"${trimmed}" is neither a task id (a UUID such as 2e1ebed1-c53e-4373-870d-4732acacbbbb) nor a task page address (…/u/owner/project/tasks/<id>/).` };
}
