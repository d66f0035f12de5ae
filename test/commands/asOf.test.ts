import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MINIMAL_PLAN, runPlan, scenario } from '../helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The minimal plan where AN-1 went in progress on 2020-03-02 and was completed on 2021-01-15, with a note between. */
function progressed(): string {
  const dir = scenario();
  dirs.push(dir);
  const file = join(dir, 'plan', MINIMAL_PLAN, 'analysis.yaml');
  const text = readFileSync(file, 'utf8')
    .replace('title: Joint analysis\n    status: planned', 'title: Joint analysis\n    status: completed')
    .replace(
      '      - date: 2019-07-18\n        status: planned\n',
      [
        '      - date: 2019-07-18',
        '        status: planned',
        '      - date: 2020-03-02',
        '        status: in-progress',
        '        note: Kick-off',
        '      - date: 2020-06-01',
        '        status: in-progress',
        '        note: First results',
        '      - date: 2021-01-15',
        '        status: completed',
        '',
      ].join('\n'),
    );
  writeFileSync(file, text);
  return dir;
}

const statuses = (stdout: string) => (JSON.parse(stdout) as { id: string; status: string }[]).map(({ id, status }) => `${id} ${status}`);

describe('--as-of', () => {
  it('list gives each status as the history has it at the end of that day', async () => {
    const cwd = progressed();
    const on = async (date: string) => statuses((await runPlan(['list', '--as-of', date, '--format', 'json'], { cwd })).stdout);
    expect(await on('2020-03-01')).toEqual(['AN-1 planned', 'AN-2 ongoing', 'TR-1 planned']);
    expect(await on('2020-03-02')).toEqual(['AN-1 in-progress', 'AN-2 ongoing', 'TR-1 planned']);
    expect(await on('2021-01-15')).toEqual(['AN-1 completed', 'AN-2 ongoing', 'TR-1 planned']);
    const filtered = await runPlan(['list', '--as-of', '2020-12-31', '--status', 'in-progress', '--format', 'json'], { cwd });
    expect(statuses(filtered.stdout)).toEqual(['AN-1 in-progress']);
  });

  it('show gives the history up to that day and the status it gives', async () => {
    const cwd = progressed();
    const { code, stdout } = await runPlan(['show', 'AN-1', '--as-of', '2020-12-31', '--format', 'json'], { cwd });
    expect(code).toBe(0);
    const activity = JSON.parse(stdout) as { status: string; history: { date: string }[] };
    expect([activity.status, activity.history.map((entry) => entry.date)]).toEqual(['in-progress', ['2019-07-18', '2020-03-02', '2020-06-01']]);
  });

  it('units counts the statuses of that day', async () => {
    const cwd = progressed();
    const { stdout } = await runPlan(['units', '--party', 'south', '--as-of', '2020-03-02', '--format', 'json'], { cwd });
    const iau = (JSON.parse(stdout) as { code: string; by_status: Record<string, number> }[]).find((row) => row.code === 'IAU')!;
    expect(iau.by_status).toMatchObject({ planned: 0, 'in-progress': 1, ongoing: 1, completed: 0 });
  });

  it('report counts and lists the statuses of that day under that date', async () => {
    const cwd = progressed();
    const { code, stdout } = await runPlan(['report', '--as-of', '2020-12-31'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('As of 2020-12-31.');
    expect(stdout).toContain('3 activities: 1 planned, 1 in-progress, 1 ongoing, 0 completed, 0 on-hold, 0\ncancelled.');
    const now = await runPlan(['report', '--as-of', '2026-11-28'], { cwd });
    expect(now.stdout).toContain('3 activities: 1 planned, 0 in-progress, 1 ongoing, 1 completed, 0 on-hold, 0\ncancelled.');
  });

  it('leaves out an activity whose history had not begun, and says so when it is named', async () => {
    const cwd = progressed();
    const file = join(cwd, 'plan', MINIMAL_PLAN, 'training.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('- date: 2019-07-18', '- date: 2020-01-10'));
    expect(statuses((await runPlan(['list', '--as-of', '2019-12-31', '--format', 'json'], { cwd })).stdout)).toEqual(['AN-1 planned', 'AN-2 ongoing']);
    expect(await runPlan(['show', 'TR-1', '--as-of', '2019-12-31'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: TR-1 did not exist yet on 2019-12-31: its history begins on 2020-01-10\n',
    });
  });

  it('refuses a day before the plan begins, and a day that is not one', async () => {
    const cwd = progressed();
    expect(await runPlan(['list', '--as-of', '2019-07-17'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: --as-of 2019-07-17: the plan begins on 2019-07-18; before that day it is not in scope\n',
    });
    for (const command of ['list', 'units', 'report']) {
      expect(await runPlan([command, '--as-of', '2021-02-29'], { cwd })).toEqual({
        code: 2,
        stdout: '',
        stderr: 'plan: --as-of 2021-02-29: not a calendar date (expected YYYY-MM-DD, e.g. 2026-06-30)\n',
      });
    }
  });
});
