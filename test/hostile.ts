import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { main } from '../src/main.js';
import { captureIo } from './helpers.js';

/**
 * Every command the robustness tests run on broken and hostile plans, as arguments after `plan`.
 * A new command joins the fuzzing, the prototype checks and the output checks with one line here.
 */
export const COMMANDS: readonly (readonly string[])[] = [
  ['validate'],
  ['validate', '--format', 'json'],
  ['validate', '--format', 'github'],
  ['validate', '--strict'],
  ['list'],
  ['list', '--format', 'json'],
  ['list', '--unit', 'RAU', '--format', 'json'],
];

/** Strings a hostile or careless editor could put anywhere in a plan. */
export const HOSTILE_STRINGS: readonly string[] = [
  '\u001b[31mred\u001b[0m',
  '\u001b[2J\u001b[H',
  '\u001b]8;;https://example.invalid/\u001b\\click\u001b]8;;\u001b\\',
  '\u001b]8;;https://example.invalid/\u0007click\u001b]8;;\u0007',
  '\u001b]0;window title\u0007',
  '\u001bP+q\u001b\\',
  '\u001b_application\u001b\\',
  '\u001b]8;;unterminated',
  '\u001b',
  '\u009b31m',
  '\u009d0;eight-bit title\u009c',
  'bell\u0007',
  'nul\u0000byte',
  'bare\rreturn',
  'over\u0008strike',
  'form\u000cfeed',
  'delete\u007f',
  'next\u0085line',
  '\u202eright-to-left override',
  '\u2066isolate\u2069',
  'R\u200bAU',
  'zero\u200c\u200dwidth\u2060joiner\ufeff',
  'line\u2028separator\u2029',
  'tag\u{e0041}\u{e0042}characters',
  'lone\ud800surrogate',
  'hangul\u3164filler',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '|pipe|',
  '=cmd|" /C calc"!A0',
  '<script>alert(1)</script>',
  '%0A::error::injected',
  '\n::error file=x::injected',
  '"quoted" \'single\' `back`',
  'x'.repeat(100_000),
  '\u001b[31m'.repeat(1_000),
  '日本語のタイトル',
  '👨‍👩‍👧 family',
];

/** What a run of the command line gave. */
export interface Run {
  argv: readonly string[];
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `plan ARGV --plan-dir DIR` in-process from `cwd`, as the binary would, with the stack shown on an internal error. */
export async function runPlan(argv: readonly string[], cwd: string, planDir = join(cwd, 'plan')): Promise<Run> {
  const io = captureIo({ cwd, env: { PLAN_DEBUG: '1' } });
  const code = await main([...argv, '--plan-dir', planDir], io);
  return { argv, code, stdout: io.out(), stderr: io.err() };
}

// Raw control and invisible characters; newline and tab are layout (and sanitize turns a tab into a space).
const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]|\p{Cs}/u;

/** The promises every command keeps on any input: no internal error, a known exit code, nothing raw a terminal would obey. */
export function expectWellBehaved(run: Run): void {
  const where = `plan ${run.argv.join(' ')}\n${run.stderr.slice(0, 2000)}`;
  expect(run.stderr, where).not.toMatch(/internal error|\n\s+at /);
  expect([0, 1, 2], where).toContain(run.code);
  const raw = RAW_UNSAFE.exec(run.stdout + run.stderr);
  expect(raw && `U+${raw[0].codePointAt(0)!.toString(16)} at ${raw.index}`, where).toBeNull();
  if (run.argv.includes('json') && run.code !== 2 && run.stdout !== '') expect(() => JSON.parse(run.stdout), where).not.toThrow();
}

/** The lines a file has, as an editor counts them (a final line break opens no new line). */
export function lineCount(text: string): number {
  const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
  return /(?:\r\n|\r|\n)$/.test(text) || text === '' ? Math.max(1, breaks) : breaks + 1;
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  path: string;
}

/** The findings of `validate --format json`, each checked to point at a line the file has. */
export function expectFindingsOnRealLines(run: Run, cwd: string): JsonFinding[] {
  const report = JSON.parse(run.stdout) as { valid: boolean; errors: JsonFinding[]; warnings: JsonFinding[] };
  expect(run.code).toBe(report.valid ? 0 : 1);
  const findings = [...report.errors, ...report.warnings];
  for (const finding of findings) {
    const where = JSON.stringify(finding);
    expect(typeof finding.file === 'string' && finding.file !== '', where).toBe(true);
    expect(finding.line, where).toBeGreaterThanOrEqual(1);
    expect(finding.column, where).toBeGreaterThanOrEqual(1);
    let text: string | undefined;
    try {
      text = readFileSync(join(cwd, finding.file), 'utf8');
    } catch {
      // Not a readable file (missing, a folder, a loop): line 1 is all it can name.
      expect(finding.line, where).toBe(1);
    }
    if (text !== undefined) expect(finding.line, where).toBeLessThanOrEqual(lineCount(text));
  }
  return findings;
}

/** `text` as a YAML double-quoted scalar that holds it exactly: everything but printable ASCII as a \u escape. */
export function yamlString(text: string): string {
  const escaped = text.replace(/[^\u0020-\u007e]|["\\]/g, (char) =>
    char === '"' || char === '\\' ? `\\${char}` : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `"${escaped}"`;
}

/** The text of each file of a plan folder, by name. */
export function planFiles(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}
