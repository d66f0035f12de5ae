/** One line of a line-by-line comparison. */
export interface LineEdit {
  kind: 'same' | 'removed' | 'added';
  line: string;
}

/**
 * The shortest edit script from `a` to `b` (Myers' O(ND) algorithm), for `--dry-run`'s unified
 * diff. The common start and end are set aside first: an edit to a plan touches a few lines.
 */
export function diffLines(a: readonly string[], b: readonly string[]): LineEdit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const same = (line: string): LineEdit => ({ kind: 'same', line });
  return [...a.slice(0, start).map(same), ...middle(a.slice(start, endA), b.slice(start, endB)), ...a.slice(endA).map(same)];
}

function middle(a: readonly string[], b: readonly string[]): LineEdit[] {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  search: for (let d = 0; d <= n + m; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break search;
    }
  }
  const edits: LineEdit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const previous = trace[d]!;
    const k = x - y;
    const fromK = k === -d || (k !== d && previous[offset + k - 1]! < previous[offset + k + 1]!) ? k + 1 : k - 1;
    const fromX = previous[offset + fromK]!;
    const fromY = fromX - fromK;
    while (x > fromX && y > fromY) {
      x--;
      y--;
      edits.push({ kind: 'same', line: a[x]! });
    }
    if (d > 0) edits.push(x === fromX ? { kind: 'added', line: b[--y]! } : { kind: 'removed', line: a[--x]! });
    x = fromX;
    y = fromY;
  }
  return edits.reverse();
}
