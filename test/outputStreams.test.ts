import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, fixtures, tempDir } from './helpers.js';

const plan = join(fixtures, 'minimal', 'plan');
// A command of each kind of output: tables, text, documents, help, a script.
const commands = [
  ['list', '--plan-dir', plan],
  ['show', 'AN-1', '--plan-dir', plan],
  ['units', '--plan-dir', plan, '--format', 'csv'],
  ['validate', '--plan-dir', plan, '--format', 'json'],
  ['report', '--plan-dir', plan],
  ['export', '--plan-dir', plan],
  ['--help'],
  ['completion', 'bash'],
];
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

// Runs plan with stdout on an open file descriptor.
function runTo(fd: number, args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
}

describe('a stdout that cannot take the output', () => {
  it.runIf(existsSync('/dev/full'))('a full disk (/dev/full): exit 1 and one line on stderr, for every kind of output', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of commands) {
        const result = runTo(full, args);
        expect({ args, status: result.status, stderr: result.stderr }).toEqual({ args, status: 1, stderr: 'plan: cannot write the output: no space left on the device\n' });
      }
    } finally {
      closeSync(full);
    }
  });

  it('a reader that closed the pipe before plan wrote: exit 1 and one line on stderr', async () => {
    for (const args of [commands[0]!, commands[4]!, ['--help']]) {
      const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect({ args, status, stderr }).toEqual({ args, status: 1, stderr: 'plan: cannot write the output: the reader closed the pipe before it had all of it\n' });
    }
  });

  it('a reader that stops early (head): at most one line on stderr, exit 0 when nothing was lost, 1 when some was', () => {
    for (const args of commands.slice(0, 4)) {
      const result = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" ${args.map((arg) => `'${arg}'`).join(' ')} | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
      const status = Number(result.stdout.trim());
      expect(result.stderr).toBe(status === 0 ? '' : 'plan: cannot write the output: the reader closed the pipe before it had all of it\n');
      expect([0, 1]).toContain(status);
    }
  });

  // Node.js opens /dev/null in place of a closed standard stream at start-up, so a closed stdout
  // discards the output, as `> /dev/null` would: nothing to report, and no trace.
  it('a closed stdout (>&-): the output is discarded, exit 0, nothing on stderr', () => {
    const result = spawnSync('bash', ['-c', `exec >&-; exec "${process.execPath}" "${bin}" list --plan-dir '${plan}'`], { encoding: 'utf8' });
    expect(result).toMatchObject({ status: 0, stderr: '' });
  });
});

describe('a current folder deleted under the process', () => {
  it('is one line on stderr and exit 1, for a command that reads the plan and for one that writes a plan', () => {
    for (const args of [['list', '--plan-dir', plan], ['init']]) {
      const parent = tempDir();
      scratch.push(parent);
      const gone = join(parent, 'gone');
      mkdirSync(gone);
      const quoted = args.map((arg) => `'${arg}'`).join(' ');
      const result = spawnSync('bash', ['-c', `cd '${gone}' && rmdir '${gone}' && exec "${process.execPath}" "${bin}" ${quoted}`], { encoding: 'utf8' });
      expect({ args, status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
        args,
        status: 1,
        stdout: '',
        stderr: 'plan: the current folder no longer exists (it was deleted or moved); cd into a folder that exists\n',
      });
    }
  });
});
