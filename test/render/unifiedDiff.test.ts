import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plain } from '../../src/render/style.js';
import { unifiedDiff } from '../../src/render/unifiedDiff.js';
import { tempDir } from '../helpers.js';

const lines = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}\n`).join('');

describe('unifiedDiff', () => {
  it('prints hunks with three lines of context, merging hunks that touch', () => {
    const before = lines(20);
    const after = before.replace('line 3\n', 'line three\n').replace('line 8\n', 'line 8\nline 8b\n').replace('line 18\n', '');
    expect(unifiedDiff(before, after, 'plan/x.yaml', plain)).toBe(
      [
        '--- a/plan/x.yaml',
        '+++ b/plan/x.yaml',
        '@@ -1,11 +1,12 @@',
        ' line 1',
        ' line 2',
        '-line 3',
        '+line three',
        ' line 4',
        ' line 5',
        ' line 6',
        ' line 7',
        ' line 8',
        '+line 8b',
        ' line 9',
        ' line 10',
        ' line 11',
        '@@ -15,6 +16,5 @@',
        ' line 15',
        ' line 16',
        ' line 17',
        '-line 18',
        ' line 19',
        ' line 20',
        '',
      ].join('\n'),
    );
  });

  it('is empty for equal texts and marks a missing final newline', () => {
    expect(unifiedDiff('a\n', 'a\n', 'x', plain)).toBe('');
    expect(unifiedDiff('a\nb', 'a\nb\nc', 'x', plain)).toBe(['--- a/x', '+++ b/x', '@@ -1,2 +1,3 @@', ' a', '-b', '\\ No newline at end of file', '+b', '+c', '\\ No newline at end of file', ''].join('\n'));
    expect(unifiedDiff('', 'a\n', 'x', plain)).toBe(['--- a/x', '+++ b/x', '@@ -0,0 +1 @@', '+a', ''].join('\n'));
  });

  it('neutralises control characters from the file', () => {
    const diff = unifiedDiff('a\n', 'a\u001b[31m\n', 'x', plain);
    expect(diff).toContain('+a\\u{1b}[31m\n');
    expect(diff).not.toContain('\u001b');
  });

  it('is a patch git applies', () => {
    const dir = tempDir();
    const before = lines(40);
    const cases = [
      before.replace('line 1\n', '').replace('line 20\n', 'twenty\nmore\n'),
      `${before}line 41`,
      before.replace('line 40\n', 'line 40'),
      before.replace(/line 1\d\n/g, ''),
    ];
    for (const after of cases) {
      writeFileSync(join(dir, 'x.yaml'), before);
      writeFileSync(join(dir, 'change.patch'), unifiedDiff(before, after, 'x.yaml', plain));
      const applied = spawnSync('git', ['apply', '--unsafe-paths', 'change.patch'], { cwd: dir, encoding: 'utf8' });
      expect(applied.stderr).toBe('');
      expect(readFileSync(join(dir, 'x.yaml'), 'utf8')).toBe(after);
    }
  });
});
