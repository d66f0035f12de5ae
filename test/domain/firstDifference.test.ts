import { describe, expect, it } from 'vitest';
import { firstDifference } from '../../src/domain/firstDifference.js';

describe('firstDifference', () => {
  it('finds nothing in equal texts, whatever their line endings', () => {
    expect(firstDifference('a\nb\n', 'a\nb\n')).toBeUndefined();
    expect(firstDifference('a\nb\n', 'a\r\nb\r\n')).toBeUndefined();
    expect(firstDifference('a\nb\n', 'a\nb')).toBeUndefined();
  });

  it('names the first line that differs, with both sides', () => {
    expect(firstDifference('a\nb\nc\n', 'a\nB\nC\n')).toEqual({ line: 2, expected: 'b', found: 'B' });
  });

  it('says which side ended first', () => {
    expect(firstDifference('a\nb\n', 'a\n')).toEqual({ line: 2, expected: 'b', found: undefined });
    expect(firstDifference('a\n', 'a\n\nextra\n')).toEqual({ line: 2, expected: undefined, found: '' });
  });

  it('lets the caller declare lines equal', () => {
    const dated = (line: string) => line.startsWith('As of ');
    expect(firstDifference('As of 1.\nx\n', 'As of 2.\nx\n', (a, b) => dated(a) && dated(b))).toBeUndefined();
    expect(firstDifference('As of 1.\nx\n', 'As of 2.\ny\n', (a, b) => dated(a) && dated(b))).toEqual({ line: 2, expected: 'x', found: 'y' });
  });
});
