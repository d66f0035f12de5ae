import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { expect } from 'vitest';
import { parse as parseYamlText } from 'yaml';
import { main } from '../src/main.js';
import type { Finding } from '../src/model.js';
import { captureIo } from './helpers.js';
import { renderHtml, tableShapes } from './markdownChecks.js';

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
  ['list', '--format', 'csv'],
  ['list', '--format', 'markdown'],
  ['list', '--latest-note', '--as-of', '2026-01-01'],
  ['list', '--format', 'yaml'],
  ['show', 'IA-2'],
  ['show', 'IA-2', '--format', 'json'],
  ['show', 'IA-2', '--format', 'yaml'],
  ['units'],
  ['units', '--format', 'json'],
  ['units', '--format', 'csv'],
  ['units', '--format', 'markdown'],
  ['units', '--format', 'yaml'],
  ['report', '--as-of', '2026-01-01'],
  ['report', '--format', 'html', '--as-of', '2026-01-01'],
  ['export'],
  // Only ever a dry run: the harness checks that no command changes a file.
  ['set-status', 'IA-2', 'completed', '--date', '2026-01-01', '--dry-run'],
  ['note', 'IA-2', '\u001b[31mred\u001b[0m note', '--date', '2026-01-01', '--dry-run'],
];

/** COMMANDS for a plan whose activity to show and edit is `id` rather than the shipped plan's IA-2. */
export function commandsFor(id: string): readonly (readonly string[])[] {
  return COMMANDS.map((argv) => argv.map((arg) => (arg === 'IA-2' ? id : arg)));
}

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
  'two\nlines',
  'crlf\r\nlines',
  '# heading',
  '- item',
  '1. item',
  '> quote',
  '[x](javascript:alert(1))',
  '![x](https://example.invalid/x.png)',
  '<https://example.invalid/>',
  'see https://example.invalid/ and www.example.invalid',
  '@everyone',
  '<img src=x onerror=alert(1)>',
  '=1+1',
  '+1',
  '-1+cmd',
  '@SUM(A1:A2)',
  '\tTAB',
  '\rCR',
  '-3',
  '2019-07-18',
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
  // CSV ends its records with CRLF (text from the data has its CRLF made LF, a bare CR escaped).
  const csv = run.argv.includes('csv');
  const raw = RAW_UNSAFE.exec((csv ? run.stdout.replace(/\r\n/g, '\n') : run.stdout) + run.stderr);
  expect(raw && `U+${raw[0].codePointAt(0)!.toString(16)} at ${raw.index}`, where).toBeNull();
  if (run.code !== 0 || run.stdout === '') return;
  if (run.argv.includes('json')) expect(() => JSON.parse(run.stdout), where).not.toThrow();
  if (run.argv.includes('yaml')) expect(() => parseYamlText(run.stdout), where).not.toThrow();
  if (csv) expectCsv(run.stdout, where);
  if (run.argv.includes('html')) expectHtmlHolds(run.stdout, where);
  else if (MARKDOWN.has(run.argv[0]!) || run.argv.includes('markdown')) expectMarkdownHolds(run.stdout, where);
}

// Data cannot open or close a tag of the page: one style sheet, no script, image, frame or link out,
// no event handler (attribute values, all quoted with ", set aside), no link but to the page itself.
function expectHtmlHolds(html: string, where: string): void {
  const tags = html.replace(/"[^"]*"/g, '""');
  expect(tags.match(/<style\b/g), where).toHaveLength(1);
  expect(tags, where).not.toMatch(/<(?:script|img|iframe|object|embed|link|base|form)\b|<[a-z][^>]*\son\w+=/i);
  expect(html, where).not.toMatch(/\shref="(?!#)|\ssrc="/);
}

// The commands whose output is always a Markdown document.
const MARKDOWN = new Set(['report', 'export']);

// RFC 4180, read back by a strict parser: every record as wide as the header, no cell a spreadsheet would run as a formula.
function expectCsv(text: string, where: string): void {
  const rows = parseCsv(text, { relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n' }) as string[][];
  for (const row of rows) {
    expect(row.length, where).toBe(rows[0]!.length);
    for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) expect(cell, where).toMatch(/^[+-]?\d+(?:\.\d+)?$/);
  }
}

// Data cannot add a table cell, end a table, or bring in a script, an image, a link or a mention.
function expectMarkdownHolds(markdown: string, where: string): void {
  for (const table of tableShapes(markdown)) {
    for (const cells of table.rows) expect(cells, `${where}\ntable at line ${table.line}`).toBe(table.header);
  }
  const html = renderHtml(markdown);
  expect(html, where).not.toMatch(/<(?:script|img|iframe)\b|<[a-z][^>]*\son\w+=|href="(?!#)/i);
  expect(markdown, where).not.toMatch(/(?<!\\)@everyone/);
}

/** The lines a file has, as an editor counts them (a final line break opens no new line). */
export function lineCount(text: string): number {
  const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
  return /(?:\r\n|\r|\n)$/.test(text) || text === '' ? Math.max(1, breaks) : breaks + 1;
}

/** A finding as `validate --format json` writes it. */
type JsonFinding = Omit<Finding, 'severity'>;

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

/**
 * The text of each file of a workspace folder, by its path inside it with / between folders
 * (`workspace.yaml`, `organisations/<id>.yaml`, `<plan-id>/plan.yaml`, `<plan-id>/<area-id>.yaml`).
 */
export function planFiles(dir: string): Map<string, string> {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(dir, name)).isFile());
  return new Map(names.sort().map((name) => [name.split(sep).join('/'), readFileSync(join(dir, name), 'utf8')]));
}
