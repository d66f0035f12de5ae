import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/write/writeFileAtomic.js';
import { WriteError } from '../../src/write/writeError.js';
import { tempDir } from '../helpers.js';

// The id of a process that has exited.
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving nothing else in the folder', () => {
    const dir = tempDir();
    const path = join(dir, 'x.yaml');
    writeFileAtomic(path, 'one\n');
    writeFileAtomic(path, Buffer.from('two\n'));
    expect(readFileSync(path, 'utf8')).toBe('two\n');
    expect(readdirSync(dir)).toEqual(['x.yaml']);
  });

  it("keeps the file's permissions, and writes through a symbolic link", () => {
    const dir = tempDir();
    const path = join(dir, 'x.yaml');
    writeFileSync(path, 'old\n');
    chmodSync(path, 0o640);
    symlinkSync(path, join(dir, 'link.yaml'));
    writeFileAtomic(join(dir, 'link.yaml'), 'new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['link.yaml', 'x.yaml']);
  });

  it('writes nothing when the file changed since it was read', () => {
    const dir = tempDir();
    const path = join(dir, 'x.yaml');
    writeFileSync(path, 'changed meanwhile\n');
    expect(() => writeFileAtomic(path, 'new\n', { ifUnchanged: Buffer.from('as read\n') })).toThrow(
      new WriteError('it was changed by another program while plan was editing it; nothing was written, run the command again'),
    );
    expect(readFileSync(path, 'utf8')).toBe('changed meanwhile\n');
    expect(readdirSync(dir)).toEqual(['x.yaml']);
    writeFileAtomic(path, 'new\n', { ifUnchanged: Buffer.from('changed meanwhile\n') });
    expect(readFileSync(path, 'utf8')).toBe('new\n');
  });

  it("removes temporary files a killed writer left, and not a running writer's", () => {
    const dir = tempDir();
    const path = join(dir, 'x.yaml');
    const orphan = `.x.yaml.${deadPid()}.0123abcd.tmp`;
    const running = `.x.yaml.${process.ppid}.0123abcd.tmp`;
    for (const name of [orphan, running, '.other.yaml.1.0123abcd.tmp']) writeFileSync(join(dir, name), 'partial');
    writeFileAtomic(path, 'new\n');
    expect(readdirSync(dir).sort()).toEqual(['.other.yaml.1.0123abcd.tmp', running, 'x.yaml'].sort());
  });

  it('fails with a WriteError, in words, when the folder is missing', () => {
    expect(() => writeFileAtomic(join(tempDir(), 'missing', 'x.yaml'), 'x')).toThrow(new WriteError('its folder does not exist'));
  });

  it('writes a device directly instead of renaming over it', () => {
    writeFileAtomic('/dev/null', 'discarded\n');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('fails with a WriteError, in words, when a directory is in the way', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'taken'));
    expect(() => writeFileAtomic(join(dir, 'taken'), 'x')).toThrow(WriteError);
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});
