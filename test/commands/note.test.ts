import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlan, fixtures, MINIMAL_PLAN, scenario, TODAY } from '../helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the minimal plan whose analysis.yaml is the commented fixture; returns the folder to run in. */
function commentedPlan(): string {
  const cwd = scenario();
  dirs.push(cwd);
  copyFileSync(join(fixtures, 'set-status', 'analysis.yaml'), join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'));
  return cwd;
}

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('plan note', () => {
  it('appends the note with the current status, keeping every other byte, and says what it did', async () => {
    const cwd = commentedPlan();
    const result = await runPlan(['note', 'an-2', 'Second data set received: 2 of 3', '--date', '2024-03-01'], { cwd });
    expect(result).toEqual({ code: 0, stdout: 'AN-2: note added on 2024-03-01, still ongoing (plan/north-south/analysis.yaml)\n', stderr: '' });
    expect(readFileSync(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'), 'utf8')).toBe(readFileSync(join(fixtures, 'set-status', 'analysis.note.expected.yaml'), 'utf8'));
    expect(readdirSync(join(cwd, 'plan')).sort()).toEqual(['north-south', 'organisations', 'workspace.yaml']);
    expect(readdirSync(join(cwd, 'plan', MINIMAL_PLAN)).sort()).toEqual(['analysis.yaml', 'plan.yaml', 'training.yaml']);
  });

  it('shows in show, every note, and in list with --latest-note', async () => {
    const cwd = commentedPlan();
    expect((await runPlan(['note', 'AN-2', 'First', '--date', '2024-03-01'], { cwd })).code).toBe(0);
    expect((await runPlan(['note', 'AN-2', 'Second', '--date', '2024-04-01'], { cwd })).code).toBe(0);
    const shown = (await runPlan(['show', 'AN-2'], { cwd })).stdout;
    expect(shown.slice(shown.indexOf('History'))).toBe(
      'History\n  2019-07-18  ongoing Carried over from the previous cooperation plan.\n  2024-03-01  ongoing First\n  2024-04-01  ongoing Second\n',
    );
    const csv = (await runPlan(['list', '--area', 'AN', '--latest-note', '--format', 'csv'], { cwd })).stdout.split('\r\n');
    expect(csv[0]).toMatch(/,note_date,note$/);
    expect(csv[2]).toMatch(/,2024-04-01,Second$/);
    const table = (await runPlan(['list', '--area', 'AN', '--latest-note'], { cwd })).stdout.split('\n');
    expect(table[0]).toMatch(/South  Latest note$/);
    expect(table[2]).toMatch(/IAU    2024-04-01  Second$/);
    const markdown = (await runPlan(['list', '--area', 'AN', '--latest-note', '--format', 'markdown'], { cwd })).stdout.split('\n');
    expect(markdown[0]).toMatch(/\| With \| Latest note \|$/);
    expect(markdown[3]).toMatch(/\| 2024-04-01: Second \|$/);
    expect((await runPlan(['list', '--area', 'AN'], { cwd })).stdout).not.toContain('Second');
  });

  it('dates the note today by default, and with --dry-run prints the diff and writes nothing', async () => {
    const cwd = commentedPlan();
    const file = join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml');
    const before = hash(file);
    // The minimal workspace names no timezone, so today is the UTC date: a clock at noon UTC, whatever the zone this test runs in.
    const dry = await runPlan(['note', 'AN-1', 'Draft ready', '--dry-run'], { cwd, now: () => new Date(`${TODAY}T12:00:00Z`) });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`+      - date: ${TODAY}\n+        status: planned\n+        note: Draft ready\n`);
    expect(hash(file)).toBe(before);
  });

  const refusals: [string, string[], string][] = [
    ['an unknown id', ['AN-22', 'x'], 'plan: no activity "AN-22" (did you mean AN-2?)\n'],
    ['an empty note', ['AN-2', '  '], 'plan: the note is empty\n'],
    ['a date in the future', ['AN-2', 'x', '--date', '2026-11-29'], 'plan: --date 2026-11-29 is in the future (today is 2026-11-28)\n'],
    ['a date before the last history entry', ['AN-2', 'x', '--date', '2019-07-17'], 'plan: 2019-07-17 is before the last history entry of AN-2 (2019-07-18); history is oldest first\n'],
  ];
  for (const [what, args, stderr] of refusals) {
    it(`refuses ${what} with exit 2 and leaves the file's bytes as they were`, async () => {
      const cwd = commentedPlan();
      const before = hash(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'));
      expect(await runPlan(['note', ...args], { cwd })).toEqual({ code: 2, stdout: '', stderr });
      expect(hash(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'))).toBe(before);
    });
  }
});

describe('plan set-status with the current status and a note', () => {
  it('is a usage error that points to plan note, and writes nothing', async () => {
    const cwd = commentedPlan();
    const before = hash(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'));
    expect(await runPlan(['set-status', 'AN-2', 'ongoing', '--note', "Partner's data in"], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: `plan: AN-2 is already ongoing; a note without a status change is recorded with plan note AN-2 'Partner'\\''s data in'\n`,
    });
    expect(hash(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'))).toBe(before);
  });
});
