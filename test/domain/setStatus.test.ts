import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addNote, setStatus, type StatusChange } from '../../src/domain/setStatus.js';
import { UNSAFE_CHARACTER } from '../../src/text/sanitize.js';
import { fixtures, tempDir } from '../helpers.js';

const commented = readFileSync(join(fixtures, 'set-status', 'analysis.yaml'), 'utf8');
const expected = readFileSync(join(fixtures, 'set-status', 'analysis.expected.yaml'), 'utf8');

function edited(text: string, change: Partial<StatusChange> & { id: string }): string {
  const result = setStatus(text, { status: 'in-progress', date: '2024-03-01', ...change });
  if (result.kind !== 'edited') throw new Error(`expected an edit, got ${JSON.stringify(result)}`);
  return result.text;
}

// The activity list of a small area file, laid out by each test.
const area = (activities: string) => `id: analysis\ntitle: Analysis\nprefix: AN\nactivities:\n${activities}`;

describe('setStatus', () => {
  it('changes only the status line and adds the history lines, byte for byte, in a file full of comments', () => {
    const text = edited(commented, { id: 'AN-2', status: 'on-hold', note: 'Waiting for the data protection review' });
    expect(text).toBe(expected);
  });

  it('gives a git diff of one changed line and three added ones', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'before.yaml'), commented);
    writeFileSync(join(dir, 'after.yaml'), edited(commented, { id: 'AN-2', status: 'on-hold', note: 'Waiting for the data protection review' }));
    const numstat = spawnSync('git', ['diff', '--no-index', '--numstat', 'before.yaml', 'after.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(numstat.stdout).toBe('4\t1\tbefore.yaml => after.yaml\n');
    const lines = spawnSync('git', ['diff', '--no-index', '-U0', 'before.yaml', 'after.yaml'], { cwd: dir, encoding: 'utf8' }).stdout;
    expect(lines.split('\n').filter((line) => /^[-+][^-+]/.test(line))).toEqual([
      '-    status: ongoing   # continues from the previous plan',
      '+    status: on-hold   # continues from the previous plan',
      '+      - date: 2024-03-01',
      '+        status: on-hold',
      '+        note: Waiting for the data protection review',
    ]);
  });

  it('edits the first and the last activity, a flow-style history among them', () => {
    expect(edited(commented, { id: 'AN-1' })).toBe(
      commented
        .replace('    status: planned\n    units:\n      north: [RAU]   #', '    status: in-progress\n    units:\n      north: [RAU]   #')
        .replace(
          '      - date: 2019-07-18\n        status: planned\n\n',
          '      - date: 2019-07-18\n        status: planned\n      - date: 2024-03-01\n        status: in-progress\n\n',
        ),
    );
    expect(edited(commented, { id: 'AN-3', note: 'Started, finally' })).toBe(
      commented
        .replace('    title: Analytical products\n    status: planned', '    title: Analytical products\n    status: in-progress')
        .replace(
          'history: [{date: 2019-07-18, status: planned}]',
          'history: [{date: 2019-07-18, status: planned}, {date: 2024-03-01, status: in-progress, note: "Started, finally"}]',
        ),
    );
  });

  it('follows a flow history written over several lines, and flow entries in a block list', () => {
    const multiline = area('  - id: AN-1\n    status: planned\n    history: [\n      { date: 2019-07-18, status: planned },\n    ]\n');
    expect(edited(multiline, { id: 'AN-1' })).toBe(
      area(
        '  - id: AN-1\n    status: in-progress\n    history: [\n      { date: 2019-07-18, status: planned },\n      { date: 2024-03-01, status: in-progress },\n    ]\n',
      ),
    );
    const flowItems = area('- id: AN-1\n  status: planned\n  history:\n  - {date: 2019-07-18, status: planned}\n');
    expect(edited(flowItems, { id: 'AN-1' })).toBe(
      area('- id: AN-1\n  status: in-progress\n  history:\n  - {date: 2019-07-18, status: planned}\n  - {date: 2024-03-01, status: in-progress}\n'),
    );
  });

  it('keeps CRLF line endings and a missing final newline', () => {
    const crlf = commented.replace(/\n/g, '\r\n');
    expect(edited(crlf, { id: 'AN-2', status: 'on-hold', note: 'Waiting for the data protection review' })).toBe(expected.replace(/\n/g, '\r\n'));
    const unterminated = area('  - id: AN-1\n    status: planned\n    history:\n      - date: 2019-07-18\n        status: planned');
    const after = area(
      '  - id: AN-1\n    status: in-progress\n    history:\n      - date: 2019-07-18\n        status: planned\n      - date: 2024-03-01\n        status: in-progress',
    );
    expect(edited(unterminated, { id: 'AN-1' })).toBe(after);
    expect(edited(unterminated.replace(/\n/g, '\r\n'), { id: 'AN-1' })).toBe(after.replace(/\n/g, '\r\n'));
  });

  it('writes the status and date with the quotes the file uses', () => {
    const quoted = area(`  - id: AN-1\n    status: "planned"\n    history:\n      - date: '2019-07-18'\n        status: planned\n`);
    expect(edited(quoted, { id: 'AN-1' })).toBe(
      area(`  - id: AN-1\n    status: "in-progress"\n    history:\n      - date: '2019-07-18'\n        status: planned\n      - date: '2024-03-01'\n        status: in-progress\n`),
    );
  });

  it('writes any note so that it reads back as given', () => {
    const notes = ['Kick-off held', 'yes', '2024', 'null', 'a: b', 'a # b', '#hash', ' padded ', '- dash', '"quoted"', "it's", 'two\nlines', 'tab\there', 'back\\slash', '{x}', '[y]', 'x, y', '*star', '&amp', '!tag', '%25', '@at', '`tick`', 'é ü 中文', '\u0007bell', '', 'bare\rreturn', 'crlf\r\nline', '\u202eoverride', 'zero\u200bwidth', 'line\u2028separator', 'tag\u{e0041}', 'lone\ud800surrogate', 'non\uffffcharacter', 'hangul\u3164filler'];
    for (const note of notes) {
      for (const history of ['block', 'flow'] as const) {
        const layout =
          history === 'block' ? '    history:\n      - date: 2019-07-18\n        status: planned\n' : '    history: [{date: 2019-07-18, status: planned}]\n';
        const text = edited(area(`  - id: AN-1\n    status: planned\n${layout}`), { id: 'AN-1', note });
        const data = parse(text, { schema: 'core' }) as { activities: { history: { note?: string }[] }[] };
        expect(data.activities[0]!.history[1]!.note, `${history}: ${JSON.stringify(note)}`).toBe(note);
      }
    }
    expect(edited(commented, { id: 'AN-1', note: 'Plain words stay plain' })).toContain('        note: Plain words stay plain\n');
  });

  it('writes the invisible and control characters of a note as escapes, so the file shows them to its reviewers', () => {
    const note = 'Budget \u202e1 EUR\u202c, zero\u200bwidth, tag\u{e0041}, \u001b[31mred';
    const text = edited(commented, { id: 'AN-1', note });
    expect(text).toContain('        note: "Budget \\u202e1 EUR\\u202c, zero\\u200bwidth, tag\\U000e0041, \\u001b[31mred"\n');
    expect(text.replace(/\n/g, '')).not.toMatch(UNSAFE_CHARACTER);
  });

  it('keeps a byte-order mark', () => {
    const text = edited(`\ufeff${commented}`, { id: 'AN-2', status: 'on-hold', note: 'Waiting for the data protection review' });
    expect(text).toBe(`\ufeff${expected}`);
  });

  it('does nothing when the status is already the one asked for', () => {
    expect(setStatus(commented, { id: 'AN-2', status: 'ongoing', date: '2024-03-01' })).toEqual({ kind: 'unchanged', status: 'ongoing' });
  });

  it('refuses to reopen a completed or cancelled activity without force', () => {
    const done = commented.replace('status: ongoing   #', 'status: completed   #').replace('        status: ongoing   # as signed', '        status: completed');
    expect(setStatus(done, { id: 'AN-2', status: 'in-progress', date: '2024-03-01' })).toEqual({
      kind: 'refused',
      reason: 'AN-2 is completed; reopening it as in-progress needs --force',
    });
    expect(setStatus(done, { id: 'AN-2', status: 'in-progress', date: '2024-03-01', force: true }).kind).toBe('edited');
    expect(setStatus(done, { id: 'AN-2', status: 'completed', date: '2024-03-01' }).kind).toBe('unchanged');
  });

  it('refuses a date before the last history entry, and takes the same day', () => {
    expect(setStatus(commented, { id: 'AN-2', status: 'on-hold', date: '2019-07-17' })).toEqual({
      kind: 'refused',
      reason: '2019-07-17 is before the last history entry of AN-2 (2019-07-18); history is oldest first',
    });
    expect(setStatus(commented, { id: 'AN-2', status: 'on-hold', date: '2019-07-18' }).kind).toBe('edited');
  });

  it('refuses an id the file does not hold, and a file it cannot read', () => {
    expect(setStatus(commented, { id: 'AN-9', status: 'on-hold', date: '2024-03-01' })).toEqual({ kind: 'refused', reason: 'no activity AN-9 in this file' });
    expect(setStatus('id: [', { id: 'AN-1', status: 'on-hold', date: '2024-03-01' }).kind).toBe('unsupported');
    const noHistory = area('  - id: AN-1\n    status: planned\n');
    expect(setStatus(noHistory, { id: 'AN-1', status: 'on-hold', date: '2024-03-01' })).toEqual({ kind: 'unsupported', reason: 'AN-1 has no history list' });
  });
});

describe('addNote', () => {
  const noted = readFileSync(join(fixtures, 'set-status', 'analysis.note.expected.yaml'), 'utf8');

  it('adds the history lines with the current status, byte for byte, and leaves the status line alone', () => {
    const result = addNote(commented, { id: 'AN-2', date: '2024-03-01', note: 'Second data set received: 2 of 3' });
    expect(result).toEqual({ kind: 'edited', text: noted, from: 'ongoing' });
  });

  it('adds a note to a flow history, and to a completed activity without reopening it', () => {
    const done = area('  - id: AN-1\n    status: completed\n    history: [{date: 2019-07-18, status: planned}, {date: 2020-01-02, status: completed}]\n');
    const result = addNote(done, { id: 'AN-1', date: '2020-02-03', note: 'Final report published' });
    expect(result.kind === 'edited' && parse(result.text).activities[0]).toEqual({
      id: 'AN-1',
      status: 'completed',
      history: [
        { date: '2019-07-18', status: 'planned' },
        { date: '2020-01-02', status: 'completed' },
        { date: '2020-02-03', status: 'completed', note: 'Final report published' },
      ],
    });
  });

  it('refuses a date before the last history entry and an id the file does not hold', () => {
    expect(addNote(commented, { id: 'AN-2', date: '2019-07-17', note: 'x' })).toEqual({
      kind: 'refused',
      reason: '2019-07-17 is before the last history entry of AN-2 (2019-07-18); history is oldest first',
    });
    expect(addNote(commented, { id: 'AN-9', date: '2024-03-01', note: 'x' }).kind).toBe('refused');
  });
});
