/**
 * The candidate closest to a misspelt key or input id, for "did you mean" messages and quick
 * fixes: edit distance, ignoring case, accepted only when it is small for the word's length.
 *
 * The work is bounded whatever the app holds (issue 9 §5: 50 enum symbols of 8,000 characters
 * against one 8,000-character value took 11.6 s): words and candidates longer than
 * MAX_WORD_LENGTH are not compared (a suggestion for them would not help anyone read it), at most
 * MAX_CANDIDATES candidates are looked at, each comparison stops as soon as it cannot be accepted,
 * and one call fills at most MAX_CELLS cells of the distance table.
 */

export const MAX_WORD_LENGTH = 64;
export const MAX_CANDIDATES = 2000;
export const MAX_CELLS = 100_000;

export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  return nearestCounted(word, candidates).suggestion;
}

/** `nearest`, with the number of distance-table cells it filled (what tests of its bound count). */
export function nearestCounted(word: string, candidates: Iterable<string>): { suggestion: string | undefined; cells: number } {
  const budget = { cells: MAX_CELLS };
  let best: string | undefined;
  let bestDistance = Infinity;
  if (word.length <= MAX_WORD_LENGTH) {
    const lower = word.toLowerCase();
    let looked = 0;
    for (const candidate of candidates) {
      if (++looked > MAX_CANDIDATES || budget.cells <= 0) break;
      if (candidate.length > MAX_WORD_LENGTH) continue;
      // Only a distance within what would be accepted, and better than the best so far, matters.
      const limit = Math.min(bestDistance - 1, allowedDistance(word, candidate));
      const distance = editDistance(lower, candidate.toLowerCase(), limit, budget);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
        if (distance === 0) break;
      }
    }
  }
  return { suggestion: best, cells: MAX_CELLS - budget.cells };
}

/** The largest distance at which `candidate` still reads as a misspelling of `word`. */
function allowedDistance(word: string, candidate: string): number {
  return Math.max(2, Math.floor(Math.max(word.length, candidate.length) * 0.4));
}

/**
 * Levenshtein distance with two rows; Infinity once every cell of a row exceeds `limit`, or when
 * `budget` (cells left to fill, shared across calls) runs out.
 */
export function editDistance(a: string, b: string, limit = Infinity, budget = { cells: Infinity }): number {
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    if (budget.cells < b.length) return Infinity;
    budget.cells -= b.length;
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > limit) return Infinity;
    [previous, current] = [current, previous];
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
