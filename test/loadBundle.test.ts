import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, shippedRoot, tempDir } from './helpers.js';

/** A copy of the built package (bin, dist, package.json) to tamper with; node_modules is the project's. */
function install(): string {
  const dir = tempDir();
  for (const name of ['bin', 'dist', 'package.json']) cpSync(join(root, name), join(dir, name), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function listJson(dir: string) {
  const result = spawnSync(process.execPath, [join(dir, 'bin', 'plan.js'), 'list', '--unit', 'RAU', '--format', 'json'], {
    cwd: shippedRoot,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const expected = () => listJson(root).stdout;

describe('the bundle and its code cache', () => {
  it('runs without a cache and writes one, stamped with the bundle it was made from', () => {
    const dir = install();
    const cache = join(dir, 'dist', 'plan.cjs.cache');
    rmSync(cache, { force: true });
    expect(listJson(dir)).toEqual({ code: 0, stdout: expected(), stderr: '' });
    const stamp = readFileSync(join(dir, 'dist', 'plan.cjs'), 'utf8').split('\n')[0]!;
    expect(stamp).toMatch(/ \/\/ [0-9a-f]{64}$/);
    expect(readFileSync(cache).subarray(0, stamp.length + 1).toString('latin1')).toBe(`${stamp}\n`);
    expect(listJson(dir)).toEqual({ code: 0, stdout: expected(), stderr: '' });
  });

  it('ignores a cache made for other content, and a damaged one, and replaces it', () => {
    const dir = install();
    const cache = join(dir, 'dist', 'plan.cjs.cache');
    const good = readFileSync(cache);
    const stamp = readFileSync(join(dir, 'dist', 'plan.cjs'), 'utf8').split('\n')[0]!;
    for (const bad of [
      Buffer.concat([Buffer.from(`${stamp.replace(/[0-9a-f]{64}$/, '0'.repeat(64))}\n`), good.subarray(stamp.length + 1)]),
      Buffer.concat([Buffer.from(`${stamp}\n`), Buffer.from('not a code cache at all')]),
      good.subarray(0, good.length >> 1),
      Buffer.alloc(0),
    ]) {
      writeFileSync(cache, bad);
      expect(listJson(dir)).toEqual({ code: 0, stdout: expected(), stderr: '' });
      expect(readFileSync(cache).subarray(0, stamp.length).toString('latin1')).toBe(stamp);
    }
  });

  it('runs where the cache cannot be written, leaving nothing behind', () => {
    const dir = install();
    const cache = join(dir, 'dist', 'plan.cjs.cache');
    rmSync(cache, { force: true });
    mkdirSync(join(cache, 'in-the-way'), { recursive: true });
    expect(listJson(dir)).toEqual({ code: 0, stdout: expected(), stderr: '' });
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['docx.cjs', 'docx.cjs.cache', 'loadBundle.cjs', 'plan.cjs', 'plan.cjs.cache']);
    expect(existsSync(join(cache, 'in-the-way'))).toBe(true);
  });
});
