import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/write/writeFileAtomic.js';
import { tempDir } from '../helpers.js';

describe('writeFileAtomic', () => {
  it('creates a file and replaces one, leaving no temporary file behind', () => {
    const dir = tempDir();
    const path = join(dir, 'out.sarif');
    writeFileAtomic(path, 'first\n');
    expect(readFileSync(path, 'utf8')).toBe('first\n');
    writeFileAtomic(path, 'second, longer ✓\n');
    expect(readFileSync(path, 'utf8')).toBe('second, longer ✓\n');
    expect(readdirSync(dir)).toEqual(['out.sarif']);
  });

  it('keeps the mode of the file it replaces', () => {
    const path = join(tempDir(), 'report.xml');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    writeFileAtomic(path, 'new');
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('writes through a symbolic link instead of replacing it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'link.json'));
    writeFileAtomic(join(dir, 'link.json'), 'new');
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('new');
    expect(statSync(join(dir, 'link.json')).isFile()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real.json']);
  });

  it('throws what the system reports and cleans up: a missing folder, a directory in the way', () => {
    const dir = tempDir();
    expect(() => writeFileAtomic(join(dir, 'missing', 'out.txt'), 'x')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    mkdirSync(join(dir, 'taken'));
    expect(() => writeFileAtomic(join(dir, 'taken'), 'x')).toThrow(expect.objectContaining({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) }));
    expect(readdirSync(dir).sort()).toEqual(['taken']);
  });
});
