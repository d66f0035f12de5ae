import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock } from '../../src/write/withFileLock.js';
import { tempDir } from '../helpers.js';

const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('withFileLock', () => {
  it('holds <file>.lock, naming its holder, while the work runs, and removes it after, also on failure', async () => {
    const path = join(tempDir(), 'x.yaml');
    const seen = await withFileLock(path, () => readFileSync(`${path}.lock`, 'utf8'));
    expect(seen).toMatch(new RegExp(`^${process.pid} ${hostname()} [0-9a-f]{16}\\n$`));
    expect(existsSync(`${path}.lock`)).toBe(false);
    await expect(
      withFileLock(path, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('lets one holder work at a time', async () => {
    const path = join(tempDir(), 'x.yaml');
    const events: string[] = [];
    const work = (name: string) => async () => {
      events.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push(`${name} out`);
    };
    await Promise.all([withFileLock(path, work('a')), withFileLock(path, work('b')), withFileLock(path, work('c'))]);
    for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i]!.replace('in', 'out'));
    expect(events).toHaveLength(6);
  });

  it('takes over the lock of a process that is no longer running', async () => {
    const dir = tempDir();
    const path = join(dir, 'x.yaml');
    writeFileSync(`${path}.lock`, `${deadPid()} ${hostname()} 0123456789abcdef\n`);
    expect(await withFileLock(path, () => 'done', { timeoutMs: 0 })).toBe('done');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over an empty lock once it is old, and waits for a fresh one', async () => {
    const path = join(tempDir(), 'x.yaml');
    writeFileSync(`${path}.lock`, '');
    await expect(withFileLock(path, () => 'done', { timeoutMs: 30 })).rejects.toThrow(/has held the lock since/);
    utimesSync(`${path}.lock`, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(await withFileLock(path, () => 'done', { timeoutMs: 0 })).toBe('done');
  });

  it('gives up after the timeout, naming the holder and the lock file', async () => {
    const path = join(tempDir(), 'x.yaml');
    writeFileSync(`${path}.lock`, `${process.ppid} ${hostname()} 0123456789abcdef\n`);
    await expect(withFileLock(path, () => 'done', { timeoutMs: 50 })).rejects.toThrow(
      new RegExp(`^another plan process \\(pid ${process.ppid}\\) has held the lock since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z; if none is running, remove x\\.yaml\\.lock$`),
    );
    writeFileSync(`${path}.lock`, `${deadPid()} elsewhere.example 0123456789abcdef\n`);
    await expect(withFileLock(path, () => 'done', { timeoutMs: 10 })).rejects.toThrow(/^another plan process \(pid \d+ on elsewhere\.example\) has held/);
  });
});
