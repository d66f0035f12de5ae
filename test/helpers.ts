import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** A title that tries to break every format: a cell separator, a comma, quotes, a backslash, a line break, markup and an escape sequence. */
export const HOSTILE_TITLE = 'Pipes | commas, "quotes" \\ back\nsecond line \u001b[31mred\u001b[0m *not bold* <b>x</b> &amp; `code`';

/**
 * A copy of test/fixtures/minimal whose AN-1 carries hostile text in its title, text and actions
 * (control characters, escape sequences, Markdown and CSV syntax); returns the folder to run in.
 */
export function hostileScenario(): string {
  const dir = scenario();
  const analysis = join(dir, 'plan', 'analysis.yaml');
  const text = readFileSync(analysis, 'utf8')
    .replace('title: Joint analysis', `title: ${JSON.stringify(HOSTILE_TITLE)}`)
    .replace(
      'text: The parties will analyse together.',
      [
        String.raw`text: "# Not a heading\n1. not a list\n> not a quote\n\e]8;;http://example.com\e\\link\e]8;;\e\\ and a bare\rreturn, \u202ereversed\u202c, a bell\a"`,
        String.raw`    actions: ["a | b", "=1+2", "two\nlines"]`,
      ].join('\n'),
    );
  writeFileSync(analysis, text);
  return dir;
}

/** Runs `plan <argv>` in-process through main(), as a user would from `io.cwd` (the repository unless given). */
export async function runPlan(argv: string[], overrides: Partial<Io> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import('../src/main.js');
  const io = captureIo(overrides);
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}
