/**
 * The known value nearest to `input` (case-insensitive, by edit distance with transpositions), for
 * "did you mean"; nothing when even the nearest is not close, since a far guess misleads more than none.
 */
export function closest(input: string, known: Iterable<string>): string | undefined {
  const wanted = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance && isClose(distance, wanted, candidate)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

// Close: at most a third of the longer word's letters differ, and one for a short code (RUA for RAU).
function isClose(distance: number, a: string, b: string): boolean {
  return distance <= Math.max(1, Math.floor(Math.max(a.length, b.length) / 3));
}

/** " (did you mean X?)", or nothing when no known value is close. */
export function didYouMean(input: string, known: Iterable<string>): string {
  const suggestion = closest(input, known);
  return suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
}

// Optimal string alignment distance: a swapped pair of letters (RUA for RAU) costs one edit.
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array<number>(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1]!;
}
