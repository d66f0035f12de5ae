import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import { findingsGithub, findingsJson, findingsText } from '../../src/render/findings.js';
import { json } from '../../src/render/json.js';
import { sanitize, UNSAFE_CHARACTER } from '../../src/text/sanitize.js';
import { plain } from '../../src/render/style.js';
import { HOSTILE_STRINGS } from '../hostile.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const unsafe = new RegExp(UNSAFE_CHARACTER.source, 'gu');
const rawUnsafe = (text: string, keep = '') => [...text.matchAll(unsafe)].map((match) => match[0]).filter((char) => !keep.includes(char));

describe('sanitize', () => {
  it.each([
    ['CSI colour', 'a\u001b[31mred\u001b[0m', 'a\\u{1b}[31mred\\u{1b}[0m'],
    ['screen clear and cursor home', '\u001b[2J\u001b[Hx', '\\u{1b}[2J\\u{1b}[Hx'],
    ['8-bit CSI', '\u009b31mred', '\\u{9b}31mred'],
    [
      'OSC 8 hyperlink: its target is shown',
      '\u001b]8;;https://example.invalid/\u001b\\click\u001b]8;;\u001b\\',
      '\\u{1b}]8;;https://example.invalid/\\u{1b}\\click\\u{1b}]8;;\\u{1b}\\',
    ],
    ['OSC 8 hyperlink ended by BEL', '\u001b]8;;https://x.invalid/\u0007click', '\\u{1b}]8;;https://x.invalid/\\u{7}click'],
    ['OSC window title', 'a\u001b]0;owned\u0007b', 'a\\u{1b}]0;owned\\u{7}b'],
    ['8-bit OSC and ST', 'a\u009d0;owned\u009cb', 'a\\u{9d}0;owned\\u{9c}b'],
    ['DCS and APC strings', '\u001bP+q\u001b\\\u001b_a\u001b\\', '\\u{1b}P+q\\u{1b}\\\\u{1b}_a\\u{1b}\\'],
    ['a lone ESC', 'a\u001bcb', 'a\\u{1b}cb'],
    ['BEL and NUL', 'bell\u0007nul\u0000', 'bell\\u{7}nul\\u{0}'],
    ['backspace, form feed, vertical tab, DEL', 'a\u0008b\u000cc\u000bd\u007f', 'a\\u{8}b\\u{c}c\\u{b}d\\u{7f}'],
    ['bare CR', 'safe\rEVIL', 'safe\\u{d}EVIL'],
    ['CRLF and LF are one space each', 'a\r\nb\nc', 'a b c'],
    ['tab', 'a\tb', 'a b'],
    ['C1 controls and NEL', 'a\u0080b\u0085c\u009fd', 'a\\u{80}b\\u{85}c\\u{9f}d'],
    ['right-to-left override', 'abc\u202edcba', 'abc\\u{202e}dcba'],
    [
      'every bidirectional embedding, override, isolate and mark',
      '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c',
      '\\u{202a}\\u{202b}\\u{202c}\\u{202d}\\u{202e}\\u{2066}\\u{2067}\\u{2068}\\u{2069}\\u{200e}\\u{200f}\\u{61c}',
    ],
    ['zero-width characters', 'R\u200bA\u200cU\u200d\u2060\ufeff', 'R\\u{200b}A\\u{200c}U\\u{200d}\\u{2060}\\u{feff}'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\\u{2028}b\\u{2029}c'],
    ['tag characters', 'x\u{e0041}\u{e007f}', 'x\\u{e0041}\\u{e007f}'],
    ['a lone surrogate', 'a\ud800b', 'a\\u{d800}b'],
    ['Hangul fillers', 'a\u3164b\u115fc', 'a\\u{3164}b\\u{115f}c'],
    ['plain text, accents, CJK and emoji stay', 'Café 日本 ✓ 🎉', 'Café 日本 ✓ 🎉'],
  ])('%s', (_name, input, expected) => {
    expect(sanitize(input)).toBe(expected);
  });

  it('keeps newlines and tabs when asked, and turns CRLF into LF', () => {
    expect(sanitize('a\r\nb\n\tc\rd\u001b[31m', { keepNewlines: true })).toBe('a\nb\n\tc\\u{d}d\\u{1b}[31m');
  });

  it('leaves no unsafe character in any hostile string', () => {
    for (const text of HOSTILE_STRINGS) {
      expect(rawUnsafe(sanitize(text))).toEqual([]);
      expect(rawUnsafe(sanitize(text, { keepNewlines: true }), '\n\t')).toEqual([]);
    }
  });

  it('leaves no unsafe character in any string, and changes nothing the second time', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.array(fc.constantFrom('\u001b', '[', ']', '\u0007', '\\', '8;;', '31m', '\u009b', '\u009c', '\u009d', 'x', '\n', '\r', '\u202e'), { maxLength: 30 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, fc.boolean(), (input, keepNewlines) => {
        const once = sanitize(input, { keepNewlines });
        expect(rawUnsafe(once, keepNewlines ? '\n\t' : '')).toEqual([]);
        expect(sanitize(once, { keepNewlines })).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  it('changes no text that is already safe', () => {
    const safe = fc.string({ unit: 'grapheme', maxLength: 60 }).filter((text) => rawUnsafe(text).length === 0);
    fc.assert(
      fc.property(safe, (input) => {
        expect(sanitize(input)).toBe(input);
      }),
      { numRuns: RUNS },
    );
  });

  it('shows each character of a long run of escape sequences', () => {
    expect(sanitize('\u001b[31m'.repeat(100_000))).toBe('\\u{1b}[31m'.repeat(100_000));
  });
});

describe('json', () => {
  it('writes C1 controls, bidirectional and zero-width characters as escapes, and means the same', () => {
    const value = { title: 'x\u009b31m\u202e\u200b\u{e0041}\u2028\u001b\ud800 é 🎉\n' };
    const text = json(value);
    expect(text).toBe('{\n  "title": "x\\u009b31m\\u202e\\u200b\\udb40\\udc41\\u2028\\u001b\\ud800 é 🎉\\n"\n}\n');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('round-trips any string with nothing unsafe raw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (title) => {
        const text = json({ title });
        expect(rawUnsafe(text, '\n')).toEqual([]);
        expect(JSON.parse(text)).toEqual({ title });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('findings output', () => {
  const hostile = (text: string): Finding => ({
    file: `plan/${text}.yaml`,
    line: 3,
    column: 7,
    rule: 'unknown-unit',
    message: `north has no unit "${text}"`,
    path: '/activities/0/units/north/0',
    severity: 'error',
  });

  it('shows nothing a terminal or a CI runner would obey, in text, JSON and GitHub formats', () => {
    for (const text of HOSTILE_STRINGS) {
      const findings = [hostile(text)];
      expect(rawUnsafe(findingsText(findings, plain), '\n')).toEqual([]);
      expect(rawUnsafe(findingsJson(findings), '\n')).toEqual([]);
      const github = findingsGithub(findings);
      expect(rawUnsafe(github, '\n')).toEqual([]);
      // One workflow command per finding: data cannot start a line of its own.
      expect(github.split('\n').filter((line) => line.startsWith('::'))).toHaveLength(1);
      expect(github.endsWith('\n')).toBe(true);
      expect(github.slice(0, -1)).not.toContain('\n');
      expect(JSON.parse(findingsJson(findings)).errors[0].message).toBe(`north has no unit "${text}"`);
    }
  });

  it('escapes what GitHub reads as its own syntax in properties and data', () => {
    const [line] = findingsGithub([hostile('a,b:c%0A::error::x')]).split('\n');
    expect(line).toBe('::error file=plan/a%2Cb%3Ac%250A%3A%3Aerror%3A%3Ax.yaml,line=3,col=7,title=unknown-unit::north has no unit "a,b:c%250A::error::x"');
  });
});
