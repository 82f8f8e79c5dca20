/**
 * Where a document changed between two versions, as the wiring that applied the change knows it:
 * the first `prefix` and the last `suffix` characters are the same in both texts. The incremental
 * re-parse (incremental.ts) otherwise finds this by comparing the old and new text from both ends,
 * which for a 1.3 MB body reads both texts through on every keystroke.
 *
 * A span is used only for the exact texts it was noted between (compared as strings: the same
 * string object in practice, and equal contents are equally right), so a span that does not fit
 * the version the service parsed last is ignored and the texts are compared as before.
 */
export interface EditSpan {
  readonly prefix: number;
  readonly suffix: number;
}

interface NotedSpan extends EditSpan {
  readonly before: string;
  readonly after: string;
}

const MAX_DOCUMENTS = 10;
const spans = new Map<string, NotedSpan>();

/**
 * Records that `uri` went from `before` to `after` with only `before[prefix, before.length - suffix)`
 * replaced. Successive edits not yet read join into one span from the text read last.
 */
export function noteEdit(uri: string, before: string, after: string, prefix: number, suffix: number): void {
  const noted = spans.get(uri);
  spans.delete(uri);
  const joined = noted !== undefined && noted.after === before;
  const span: NotedSpan = joined
    ? { before: noted.before, after, prefix: Math.min(noted.prefix, prefix), suffix: Math.min(noted.suffix, suffix) }
    : { before, after, prefix, suffix };
  spans.set(uri, span);
  if (spans.size > MAX_DOCUMENTS) spans.delete(spans.keys().next().value!);
}

/** The edits' span from `before` to `after`, taken (the next edit starts a new one), or undefined when none was noted between these texts. */
export function takeEditSpan(uri: string, before: string, after: string): EditSpan | undefined {
  const span = spans.get(uri);
  if (span === undefined || span.after !== after || span.before !== before) return undefined;
  spans.delete(uri);
  const fits = span.prefix >= 0 && span.suffix >= 0 && span.prefix + span.suffix <= Math.min(before.length, after.length);
  return fits ? { prefix: span.prefix, suffix: span.suffix } : undefined;
}

/** Drops what is known of a document's edits (closed, or opened with new text). */
export function forgetEdits(uri: string): void {
  spans.delete(uri);
}
