import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from '../src/io.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const fixtures = join(root, 'test', 'fixtures');
export const shippedPlan = join(root, 'plan');
export const bin = join(root, 'bin', 'plan.js');

/** An Io that records what a command writes; today is fixed at 2026-11-28 unless given. */
export function captureIo(overrides: Partial<Io> = {}): Io & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    cwd: root,
    env: {},
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    isTTY: false,
    columns: undefined,
    color: false,
    now: () => new Date(2026, 10, 28, 12),
    ...overrides,
    out: () => stdout,
    err: () => stderr,
  };
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'plan-test-'));
}

/**
 * A temporary copy of test/fixtures/minimal with a scenario's files laid over it,
 * as `<tmp>/plan/`; returns `<tmp>`, the folder to run in.
 */
export function scenario(name?: string): string {
  const dir = tempDir();
  cpSync(join(fixtures, 'minimal', 'plan'), join(dir, 'plan'), { recursive: true });
  if (name) {
    const overlay = join(fixtures, 'invalid', name);
    for (const file of readdirSync(overlay)) cpSync(join(overlay, file), join(dir, 'plan', file));
  }
  return dir;
}

/** The names of the broken scenarios in test/fixtures/invalid. */
export function invalidScenarios(): string[] {
  return readdirSync(join(fixtures, 'invalid')).sort();
}
