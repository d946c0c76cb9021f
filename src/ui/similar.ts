/**
 * "Did you mean …?": the names closest to a mistyped one, by the rules commander follows for an
 * unknown command, so that `cowork help ordrs` suggests what `cowork ordrs` does.
 */

/** Suggestions are at most this many edits away (commander's limit: fewer than 3). */
const MAX_DISTANCE = 3;
/** A suggestion shares more than this part of the longer word. */
const MIN_SIMILARITY = 0.4;

/**
 * The optimal string alignment distance of two words: insertions, deletions, substitutions and
 * swaps of two neighbouring characters, each costing 1, no part edited twice. Words whose lengths
 * differ by more than the suggestion limit get the longer length at once: they are never suggested.
 */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > MAX_DISTANCE) return Math.max(a.length, b.length);
  // Three rows of the table: row[j] is the distance between the first i characters of a and the
  // first j of b; before and older are the rows of i - 1 and i - 2.
  let older: number[] = [];
  let before: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((before[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (before[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (older[j - 2] ?? 0) + 1);
      row.push(best);
    }
    older = before;
    before = row;
  }
  return before[b.length] ?? 0;
}

/**
 * The candidates closest to `word`: those at the smallest edit distance below 3 that share more
 * than 40 % of the longer word, sorted; none when nothing is that close. One-character candidates
 * are never guessed.
 */
export function similarTo(word: string, candidates: readonly string[]): string[] {
  let best = MAX_DISTANCE;
  let found: string[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate.length <= 1) continue;
    const distance = editDistance(word, candidate);
    const length = Math.max(word.length, candidate.length);
    if ((length - distance) / length <= MIN_SIMILARITY) continue;
    if (distance < best) {
      best = distance;
      found = [candidate];
    } else if (distance === best) {
      found.push(candidate);
    }
  }
  return found.sort((x, y) => x.localeCompare(y));
}
