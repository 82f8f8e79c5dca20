/**
 * The candidate closest to a misspelt key or input id, for "did you mean" messages and quick
 * fixes: edit distance, ignoring case, accepted only when it is small for the word's length.
 *
 * The work is bounded whatever the app holds (issue 9 §5: 50 enum symbols of 8,000 characters
 * against one 8,000-character value took 11.6 s): words and candidates longer than
 * MAX_WORD_LENGTH are not compared (a suggestion for them would not help anyone read it), at most
 * MAX_CANDIDATES candidates are looked at, a candidate whose letters alone put it out of reach is
 * skipped, only the band of the table within reach is filled, each comparison stops as soon as it
 * cannot be accepted, and one call fills at most MAX_CELLS cells. One validation may ask once per
 * wrong value, so the checks also share a SuggestionBudget per document: once it is spent the
 * messages list the valid choices instead of guessing.
 */

export const MAX_WORD_LENGTH = 64;
export const MAX_CANDIDATES = 2000;
export const MAX_CELLS = 100_000;
/** Cells one document validation may spend on suggestions: 20 lookups at their cap, a few ms. */
export const MAX_CELLS_PER_DOCUMENT = 2_000_000;

/** Cells left to fill; one object per validation, passed to every lookup it makes. */
export interface SuggestionBudget {
  cells: number;
}

export function suggestionBudget(cells = MAX_CELLS_PER_DOCUMENT): SuggestionBudget {
  return { cells };
}

export function nearest(word: string, candidates: Iterable<string>, budget?: SuggestionBudget): string | undefined {
  return nearestCounted(word, candidates, budget).suggestion;
}

/**
 * `nearest`, with the work it did counted in distance-table cells (what tests of its bound
 * count): the cells filled, plus one per character of each candidate whose letters were counted.
 */
export function nearestCounted(word: string, candidates: Iterable<string>, shared?: SuggestionBudget): { suggestion: string | undefined; cells: number } {
  const allowance = Math.min(MAX_CELLS, shared?.cells ?? MAX_CELLS);
  const budget = { cells: allowance };
  let best: string | undefined;
  let bestDistance = Infinity;
  if (word.length <= MAX_WORD_LENGTH && allowance > 0) {
    const lower = word.toLowerCase();
    const letters = new Int32Array(LETTER_BUCKETS);
    for (let i = 0; i < lower.length; i++) letters[lower.charCodeAt(i) & (LETTER_BUCKETS - 1)]++;
    // Lowercasing can double a word's length ('İ' becomes 'i' and a combining dot).
    const rows: Rows = [new Uint16Array(2 * MAX_WORD_LENGTH + 1), new Uint16Array(2 * MAX_WORD_LENGTH + 1)];
    const lowered = Array.isArray(candidates) ? lowerCaseOf(candidates) : undefined;
    let looked = 0;
    for (const candidate of candidates) {
      if (looked >= MAX_CANDIDATES || budget.cells <= 0) break;
      const index = looked++;
      if (candidate.length > MAX_WORD_LENGTH) continue;
      // Only a distance within what would be accepted, and better than the best so far, matters.
      const limit = Math.min(bestDistance - 1, allowedDistance(word, candidate));
      const other = lowered ? lowered[index]! : candidate.toLowerCase();
      if (Math.abs(lower.length - other.length) > limit) continue;
      // The table's rows stop once all their cells exceed the limit, after about `limit` rows when
      // the words differ early; counting letters first pays only when the limit is a good part of
      // the word (measured: 3x faster for 8-letter words, 2x slower for 64-letter ones).
      if (limit * 4 >= other.length) {
        budget.cells -= other.length;
        if (letterBound(lower, other, letters) > limit) continue;
      }
      const distance = boundedDistance(lower, other, limit, budget, rows);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
        if (distance === 0) break;
      }
    }
  }
  const spent = allowance - Math.max(0, budget.cells);
  if (shared) shared.cells -= spent;
  return { suggestion: best, cells: spent };
}

/** The largest distance at which `candidate` still reads as a misspelling of `word`. */
function allowedDistance(word: string, candidate: string): number {
  return Math.max(2, Math.floor(Math.max(word.length, candidate.length) * 0.4));
}

/**
 * Candidate lists are the model's own arrays (enum symbols, port and field ids) or constants,
 * never changed once built: each is lowercased once, not once per wrong value. Only the first
 * MAX_CANDIDATES short ones are, as only they are compared.
 */
const lowerCaseLists = new WeakMap<readonly string[], (string | undefined)[]>();

function lowerCaseOf(candidates: readonly string[]): (string | undefined)[] {
  let lowered = lowerCaseLists.get(candidates);
  if (!lowered || lowered.length !== Math.min(candidates.length, MAX_CANDIDATES)) {
    lowered = candidates.slice(0, MAX_CANDIDATES).map((c) => (c.length > MAX_WORD_LENGTH ? undefined : c.toLowerCase()));
    lowerCaseLists.set(candidates, lowered);
  }
  return lowered;
}

const LETTER_BUCKETS = 128;

/**
 * A lower bound of the edit distance from the letters alone: every letter of `b` that `a` lacks
 * needs an edit, and so does every letter of `a` that `b` lacks. Letters are counted in
 * LETTER_BUCKETS buckets (merging letters only lowers the bound). `letters` holds `a`'s counts
 * and is left as it was found.
 */
function letterBound(a: string, b: string, letters: Int32Array): number {
  let extraInB = 0;
  for (let j = 0; j < b.length; j++) if (--letters[b.charCodeAt(j) & (LETTER_BUCKETS - 1)] < 0) extraInB++;
  for (let j = 0; j < b.length; j++) letters[b.charCodeAt(j) & (LETTER_BUCKETS - 1)]++;
  const extraInA = a.length - (b.length - extraInB);
  return Math.max(extraInA, extraInB);
}

type Rows = [Uint16Array, Uint16Array];

/**
 * Levenshtein distance filling only the band of cells within `limit` of the diagonal (a path
 * through any other cell costs more than `limit`), in two reused rows of at least b.length + 1.
 */
function boundedDistance(a: string, b: string, limit: number, budget: { cells: number }, rows: Rows): number {
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  const reach = Math.min(limit, Math.max(a.length, b.length));
  const outOfReach = reach + 1;
  let [previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j <= reach ? j : outOfReach;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - reach);
    const to = Math.min(b.length, i + reach);
    if (budget.cells < to - from + 1) {
      budget.cells = 0;
      return Infinity;
    }
    budget.cells -= to - from + 1;
    current[from - 1] = from === 1 ? i : outOfReach;
    let rowMin = current[from - 1];
    const letter = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const replace = previous[j - 1] + (letter === b.charCodeAt(j - 1) ? 0 : 1);
      const remove = previous[j] + 1;
      const insert = current[j - 1] + 1;
      let cell = replace < remove ? replace : remove;
      if (insert < cell) cell = insert;
      current[j] = cell;
      if (cell < rowMin) rowMin = cell;
    }
    if (to < b.length) current[to + 1] = outOfReach;
    if (rowMin > limit) return Infinity;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[b.length] > limit ? Infinity : previous[b.length];
}

/** "a, b or c" — for messages that list a few valid choices. */
export function listChoices(choices: readonly string[], max = 8): string {
  const quoted = choices.slice(0, max).map((c) => `'${c}'`);
  if (choices.length > max) return `${quoted.join(', ')}, ... (${choices.length} in all)`;
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
