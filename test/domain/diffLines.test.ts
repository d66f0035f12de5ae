import { describe, expect, it } from 'vitest';
import { diffLines, type LineEdit } from '../../src/domain/diffLines.js';

// Applies an edit script to its old lines: the new lines must come out.
function replay(edits: LineEdit[]): { before: string[]; after: string[] } {
  return {
    before: edits.filter((edit) => edit.kind !== 'added').map((edit) => edit.line),
    after: edits.filter((edit) => edit.kind !== 'removed').map((edit) => edit.line),
  };
}

// By dynamic programming, independently of the algorithm under test.
function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

describe('diffLines', () => {
  it('finds the shortest edit script', () => {
    const edits = diffLines('abcabba'.split(''), 'cbabac'.split(''));
    expect(edits.filter((edit) => edit.kind !== 'same')).toHaveLength(5);
    expect(replay(edits)).toEqual({ before: 'abcabba'.split(''), after: 'cbabac'.split('') });
  });

  it('handles empty sides and equal sides', () => {
    expect(diffLines([], [])).toEqual([]);
    expect(diffLines([], ['x'])).toEqual([{ kind: 'added', line: 'x' }]);
    expect(diffLines(['x'], [])).toEqual([{ kind: 'removed', line: 'x' }]);
    expect(diffLines(['x', 'y'], ['x', 'y'])).toEqual([
      { kind: 'same', line: 'x' },
      { kind: 'same', line: 'y' },
    ]);
  });

  it('reproduces both sides of pseudo-random edits, with the fewest changes (those the longest common subsequence leaves)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const before = Array.from({ length: Math.floor(random() * 30) }, () => String.fromCharCode(97 + Math.floor(random() * 5)));
      const after = before.flatMap((line) => (random() < 0.2 ? [] : random() < 0.2 ? [line, 'z'] : [line]));
      const edits = diffLines(before, after);
      expect(replay(edits)).toEqual({ before, after });
      expect(edits.filter((edit) => edit.kind !== 'same').length).toBe(before.length + after.length - 2 * lcsLength(before, after));
    }
  });
});
