/** Where two texts first differ: the line number (from 1) and the line on each side (undefined past the end). */
export interface LineDifference {
  line: number;
  expected: string | undefined;
  found: string | undefined;
}

/**
 * The first line where `found` differs from `expected`, or undefined when they are the same;
 * `same` may declare two different lines equal (a date that does not count). Line endings
 * (LF or CRLF, as a checkout may give) and a missing final one do not count.
 */
export function firstDifference(expected: string, found: string, same: (expected: string, found: string) => boolean = () => false): LineDifference | undefined {
  const lines = (text: string) => text.replace(/\r?\n$/, '').split(/\r?\n/);
  const [want, have] = [lines(expected), lines(found)];
  for (let index = 0; index < Math.max(want.length, have.length); index++) {
    const [a, b] = [want[index], have[index]];
    if (a === b) continue;
    if (a !== undefined && b !== undefined && same(a, b)) continue;
    return { line: index + 1, expected: a, found: b };
  }
  return undefined;
}
