// "Did you mean ...": the closest known names to a misspelt one.

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * Known names close to `word`, best first (at most `max`). Close means a few edits away
 * (about one per three characters), or one name containing the other.
 */
export function suggest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = word.toLowerCase();
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(candidates)) {
    if (name === word) continue;
    const limit = Math.max(1, Math.floor(Math.max(word.length, name.length) / 3));
    const contains = lower.length >= 3 && (name.includes(lower) || lower.includes(name));
    // Lengths further apart than the limit cannot be within it: skip the distance.
    if (!contains && Math.abs(word.length - name.length) > limit) continue;
    const distance = editDistance(lower, name.toLowerCase());
    if (distance <= limit || contains) scored.push({ name, score: contains ? Math.min(distance, limit) : distance });
  }
  scored.sort((x, y) => x.score - y.score || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return scored.slice(0, max).map((s) => s.name);
}
