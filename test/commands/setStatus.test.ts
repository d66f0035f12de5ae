import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../helpers.js';
import { main } from '../../src/main.js';
import { captureIo, fixtures, MINIMAL_PLAN, scenario, TODAY } from '../helpers.js';

const today = TODAY;

/** A copy of the minimal plan whose analysis.yaml is the commented fixture; returns the folder to run in. */
function commentedPlan(): string {
  const cwd = scenario();
  copyFileSync(join(fixtures, 'set-status', 'analysis.yaml'), join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'));
  return cwd;
}

async function run(cwd: string, ...args: string[]) {
  const io = captureIo({ cwd });
  const code = await main(['set-status', ...args], io);
  return { code, stdout: io.out(), stderr: io.err() };
}

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('plan set-status', () => {
  it('edits the file in place, keeping every other byte, and says what it did', async () => {
    const cwd = commentedPlan();
    const result = await run(cwd, 'an-2', 'On-Hold', '--note', 'Waiting for the data protection review', '--date', '2024-03-01');
    expect(result).toEqual({ code: 0, stdout: 'AN-2: ongoing → on-hold on 2024-03-01 (plan/north-south/analysis.yaml)\n', stderr: '' });
    expect(readFileSync(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'), 'utf8')).toBe(readFileSync(join(fixtures, 'set-status', 'analysis.expected.yaml'), 'utf8'));
    expect(readdirSync(join(cwd, 'plan')).sort()).toEqual(['north-south', 'organisations', 'workspace.yaml']);
    expect(readdirSync(join(cwd, 'plan', MINIMAL_PLAN)).sort()).toEqual(['analysis.yaml', 'plan.yaml', 'training.yaml']);
    expect(loadFixture(join(cwd, 'plan'), { cwd, today }).findings).toEqual([]);
  });

  it('dates the change today by default', async () => {
    const cwd = scenario();
    // The minimal workspace names no timezone, so today is the UTC date: a clock at noon UTC, whatever the zone this test runs in.
    const io = captureIo({ cwd, now: () => new Date(`${today}T12:00:00Z`) });
    expect(await main(['set-status', 'TR-1', 'in-progress'], io)).toBe(0);
    expect(io.out()).toBe(`TR-1: planned → in-progress on ${today} (plan/north-south/training.yaml)\n`);
    expect(readFileSync(join(cwd, 'plan', MINIMAL_PLAN, 'training.yaml'), 'utf8')).toContain(`      - date: ${today}\n        status: in-progress\n`);
  });

  it("takes today in the workspace's time zone, not UTC", async () => {
    const cwd = scenario();
    const settings = join(cwd, 'plan', 'workspace.yaml');
    writeFileSync(settings, `${readFileSync(settings, 'utf8')}timezone: Europe/Warsaw\n`);
    // 23:30 UTC on the eve of today is 00:30 of today in Warsaw (UTC+1 in November).
    const io = captureIo({ cwd, now: () => new Date('2026-11-27T23:30:00Z') });
    expect(await main(['set-status', 'TR-1', 'in-progress'], io)).toBe(0);
    expect(io.out()).toBe(`TR-1: planned → in-progress on ${today} (plan/north-south/training.yaml)\n`);
    expect(readFileSync(join(cwd, 'plan', MINIMAL_PLAN, 'training.yaml'), 'utf8')).toContain(`      - date: ${today}\n        status: in-progress\n`);
  });

  it('with --dry-run prints the unified diff and writes nothing', async () => {
    const cwd = commentedPlan();
    const file = join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml');
    const before = hash(file);
    const result = await run(cwd, 'AN-2', 'on-hold', '--note', 'Waiting', '--date', '2024-03-01', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '--- a/plan/north-south/analysis.yaml',
        '+++ b/plan/north-south/analysis.yaml',
        '@@ -25,7 +25,7 @@',
        '   # --- second activity: the one the test changes ------------------------------',
        '   - id: AN-2',
        "     title: 'Data exchange'",
        '-    status: ongoing   # continues from the previous plan',
        '+    status: on-hold   # continues from the previous plan',
        '     units:',
        '       north:',
        '         - RAU',
        '@@ -45,6 +45,9 @@',
        '         note: >-',
        '           Carried over from the previous',
        '           cooperation plan.',
        '+      - date: 2024-03-01',
        '+        status: on-hold',
        '+        note: Waiting',
        '     # a comment after the history, before the next activity',
        ' ',
        '   - id: AN-3',
        '',
      ].join('\n'),
    );
    expect(hash(file)).toBe(before);
  });

  it('does nothing, successfully, when the activity already has that status', async () => {
    const cwd = commentedPlan();
    const before = hash(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'));
    expect(await run(cwd, 'AN-2', 'ongoing')).toEqual({ code: 0, stdout: 'AN-2 is already ongoing; nothing changed\n', stderr: '' });
    expect(hash(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'))).toBe(before);
  });

  const refusals: [string, string[], string][] = [
    ['an unknown id', ['AN-22', 'completed'], 'plan: no activity "AN-22" (did you mean AN-2?)\n'],
    ['an unknown status', ['AN-2', 'complete'], 'plan: unknown status "complete" (did you mean completed?); one of planned, in-progress, ongoing, completed, on-hold, cancelled\n'],
    ['a date that is no date', ['AN-2', 'completed', '--date', '2024-02-30'], 'plan: --date 2024-02-30: not a calendar date (expected YYYY-MM-DD)\n'],
    ['a date in another format', ['AN-2', 'completed', '--date', '1.3.2024'], 'plan: --date 1.3.2024: not a calendar date (expected YYYY-MM-DD)\n'],
    ['a date in the future', ['AN-2', 'completed', '--date', '2026-11-29'], `plan: --date 2026-11-29 is in the future (today is ${TODAY})\n`],
    ['a date before the last history entry', ['AN-2', 'completed', '--date', '2019-07-17'], 'plan: 2019-07-17 is before the last history entry of AN-2 (2019-07-18); history is oldest first\n'],
    ['an empty note', ['AN-2', 'completed', '--note', ' '], 'plan: --note: the note is empty\n'],
    ['a missing status', ['AN-2'], "plan: missing required argument 'status'\n(run plan set-status --help for usage)\n"],
  ];
  for (const [what, args, message] of refusals) {
    it(`refuses ${what} with exit 2 and leaves the file's bytes as they were`, async () => {
      const cwd = commentedPlan();
      const file = join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml');
      const before = hash(file);
      expect(await run(cwd, ...args)).toEqual({ code: 2, stdout: '', stderr: message });
      expect(hash(file)).toBe(before);
      expect(readdirSync(join(cwd, 'plan', MINIMAL_PLAN)).sort()).toEqual(['analysis.yaml', 'plan.yaml', 'training.yaml']);
    });
  }

  it('reopens a completed activity only with --force', async () => {
    const cwd = commentedPlan();
    const file = join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml');
    expect((await run(cwd, 'AN-1', 'completed', '--date', '2024-01-01')).code).toBe(0);
    const before = hash(file);
    expect(await run(cwd, 'AN-1', 'in-progress')).toEqual({ code: 2, stdout: '', stderr: 'plan: AN-1 is completed; reopening it as in-progress needs --force\n' });
    expect(hash(file)).toBe(before);
    expect(await run(cwd, 'AN-1', 'in-progress', '--force', '--note', 'Reopened after review')).toMatchObject({ code: 0, stderr: '' });
    expect(loadFixture(join(cwd, 'plan'), { cwd, today }).plan!.activities[0]!.history.map((entry) => entry.status)).toEqual(['planned', 'completed', 'in-progress']);
  });

  it('refuses with exit 1, writing nothing, an edit that would make the plan invalid', async () => {
    const cwd = scenario();
    const file = join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml');
    // AN-2 shares AN-1's history through an anchor: appending to one would end the other's in the wrong status.
    const shared = readFileSync(file, 'utf8')
      .replace('    history:\n      - date: 2019-07-18\n        status: planned\n', '    history: &signed\n      - date: 2019-07-18\n        status: planned\n')
      .replace('    status: ongoing\n', '    status: planned\n')
      .replace('    history:\n      - date: 2019-07-18\n        status: ongoing\n', '    history: *signed\n');
    writeFileSync(file, shared);
    expect(loadFixture(join(cwd, 'plan'), { cwd, today }).findings).toEqual([]);
    const before = hash(file);
    expect(await run(cwd, 'AN-1', 'in-progress')).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        'plan: not written: the change would make the workspace invalid:',
        `plan/north-south/analysis.yaml:22:13 error history-status status is "planned" but the last history entry (${TODAY}) says "in-progress"`,
        '1 error, 0 warnings; run plan validate for the full list',
        '',
      ].join('\n'),
    });
    expect(hash(file)).toBe(before);
  });

  it('refuses with exit 1 to work on a plan that is already invalid', async () => {
    const cwd = scenario('unknown-unit');
    const file = join(cwd, 'plan', MINIMAL_PLAN, 'training.yaml');
    const before = hash(file);
    const result = await run(cwd, 'TR-1', 'in-progress');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^plan: the workspace is invalid:\nplan\/north-south\/training.yaml:\d+:\d+ error unknown-unit/);
    expect(hash(file)).toBe(before);
  });

  it('keeps CRLF line endings and a byte-order mark', async () => {
    const cwd = commentedPlan();
    const file = join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml');
    writeFileSync(file, `\ufeff${readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`);
    expect((await run(cwd, 'AN-2', 'on-hold', '--note', 'Waiting for the data protection review', '--date', '2024-03-01')).code).toBe(0);
    const expected = readFileSync(join(fixtures, 'set-status', 'analysis.expected.yaml'), 'utf8');
    expect(readFileSync(file, 'utf8')).toBe(`\ufeff${expected.replace(/\n/g, '\r\n')}`);
  });

  it('reports a lock it cannot get with exit 1, naming the holder', async () => {
    const cwd = commentedPlan();
    const file = join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml');
    writeFileSync(`${file}.lock`, `${process.ppid} elsewhere.example 0123456789abcdef\n`);
    const before = hash(file);
    const io = captureIo({ cwd, env: { PLAN_LOCK_TIMEOUT: '0.05' } });
    expect(await main(['set-status', 'AN-2', 'on-hold'], io)).toBe(1);
    expect(io.err()).toMatch(/^plan: cannot write plan\/north-south\/analysis.yaml: another plan process \(pid \d+ on elsewhere\.example\) has held the lock since .*; if none is running, remove analysis\.yaml\.lock\n$/);
    expect(hash(file)).toBe(before);
  });
});
