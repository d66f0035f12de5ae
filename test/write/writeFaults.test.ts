import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/main.js';
import { captureIo, MINIMAL_PLAN, scenario } from '../helpers.js';
import { WRITING_COMMANDS } from './writingCommands.js';

// The file system fails where a full disk or a read-only folder makes it fail; permissions cannot
// show this, as they do not stop a test running as root.
type Step = 'create' | 'write' | 'sync' | 'rename';
const fault = vi.hoisted(() => ({ step: undefined as Step | undefined, code: 'ENOSPC' }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fail = (step: Step) => {
    if (fault.step !== step) return;
    throw Object.assign(new Error(`${fault.code}: simulated failure at ${step}`), { code: fault.code });
  };
  const mocked = {
    ...fs,
    openSync: ((path: string, flags: string, mode?: number) => {
      if (flags === 'wx') fail('create');
      return fs.openSync(path, flags, mode);
    }) as typeof fs.openSync,
    writeFileSync: ((file: Parameters<typeof fs.writeFileSync>[0], data: string | Uint8Array, options?: Parameters<typeof fs.writeFileSync>[2]) => {
      if (typeof file === 'number' && fault.step === 'write') {
        // Half the data reaches the disk before it is full.
        const bytes = Buffer.from(data);
        fs.writeSync(file, bytes.subarray(0, bytes.length >> 1));
        fail('write');
      }
      fs.writeFileSync(file, data, options);
    }) as typeof fs.writeFileSync,
    fsyncSync: ((fd: number) => {
      if (fs.fstatSync(fd).isFile()) fail('sync');
      fs.fsyncSync(fd);
    }) as typeof fs.fsyncSync,
    renameSync: ((from: string, to: string) => {
      fail('rename');
      fs.renameSync(from, to);
    }) as typeof fs.renameSync,
  };
  return { ...mocked, default: mocked };
});

afterEach(() => {
  fault.step = undefined;
  fault.code = 'ENOSPC';
});

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

// Every file under the run folder with its hash, so nothing added, removed or changed goes unseen.
function snapshot(cwd: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(cwd, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(cwd.length + 1), sha256(join(entry.parentPath, entry.name)));
  }
  return files;
}

async function run(cwd: string, argv: string[]) {
  const io = captureIo({ cwd });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

const steps: Step[] = ['create', 'write', 'sync', 'rename'];
const reasons: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
};

describe('a write that fails part way', () => {

  for (const command of WRITING_COMMANDS) {
    for (const step of steps) {
      for (const code of step === 'create' ? ['ENOSPC', 'EROFS', 'EACCES'] : ['ENOSPC']) {
        it(`${command.name}: ${code} at ${step} is exit 1, one line, and every file as it was`, async () => {
          const cwd = scenario();
          // The output file exists already: a failed write must leave it whole too.
          if (!command.file.startsWith('plan/')) writeFileSync(join(cwd, command.file), 'the previous version\n');
          const before = snapshot(cwd);
          fault.step = step;
          fault.code = code;
          const result = await run(cwd, command.argv);
          expect(result).toEqual({ code: 1, stdout: '', stderr: `plan: cannot write ${command.file}: ${reasons[code]}\n` });
          expect(snapshot(cwd)).toEqual(before);
        });
      }
    }
  }

  it('writes all three once the disk has room again', async () => {
    const cwd = scenario();
    const before = sha256(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'));
    fault.step = 'rename';
    expect((await run(cwd, ['set-status', 'AN-1', 'completed', '--date', '2026-01-01'])).code).toBe(1);
    fault.step = undefined;
    expect(sha256(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'))).toBe(before);
    expect(await run(cwd, ['set-status', 'AN-1', 'completed', '--date', '2026-01-01'])).toEqual({
      code: 0,
      stdout: 'AN-1: planned → completed on 2026-01-01 (plan/north-south/analysis.yaml)\n',
      stderr: '',
    });
    expect((await run(cwd, ['report', '--as-of', '2026-01-01', '--out', 'STATUS.md'])).code).toBe(0);
    expect((await run(cwd, ['validate', '--format', 'json', '--output', 'findings.json'])).code).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['STATUS.md', 'findings.json', 'plan']);
    expect(readdirSync(join(cwd, 'plan')).sort()).toEqual(['north-south', 'organisations', 'workspace.yaml']);
    expect(readdirSync(join(cwd, 'plan', MINIMAL_PLAN)).sort()).toEqual(['analysis.yaml', 'plan.yaml', 'training.yaml']);
  });
});
