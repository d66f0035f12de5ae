import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_PLAN, runPlan, scenario, tempDir } from '../helpers.js';
import { commitAll, git, initRepository } from './repository.js';

/**
 * A plan's record over two years, one commit per day something happened, each tagged: what a
 * liaison office keeps. Each step runs as the CLI would on that day (`now`), and the report the
 * plan gave that day is kept, so the rebuilt state can be compared with what was actually said.
 */
const STEPS: { tag: string; day: string; argv?: string[] }[] = [
  { tag: 'signed', day: '2019-07-18' },
  { tag: 'an1-started', day: '2019-10-01', argv: ['set-status', 'AN-1', 'in-progress', '--note', 'Kick-off meeting held'] },
  { tag: 'an1-note', day: '2020-02-15', argv: ['note', 'AN-1', 'First joint analysis delivered'] },
  { tag: 'tr1-held', day: '2020-09-30', argv: ['set-status', 'TR-1', 'on-hold', '--note', 'Courses suspended'] },
  { tag: 'an1-done', day: '2021-03-01', argv: ['set-status', 'AN-1', 'completed'] },
  { tag: 'an2-note', day: '2021-03-01', argv: ['note', 'AN-2', 'Data sets reviewed'] },
  { tag: 'tr1-resumed', day: '2021-06-30', argv: ['set-status', 'TR-1', 'in-progress', '--force'] },
];

const noon = (day: string) => () => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 12);
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

let cwd: string;
/** The report, list and export each step's revision gave on its own day. */
const given = new Map<string, { report: string; list: string; export: string }>();
const run = (argv: string[], day = '2026-11-28') => runPlan(argv, { cwd, now: noon(day) });

beforeAll(async () => {
  cwd = scenario();
  appendFileSync(join(cwd, 'plan', MINIMAL_PLAN, 'plan.yaml'), 'signing:\n  date: 2019-07-18\n  place: Helsinki\n');
  initRepository(cwd);
  for (const { tag, day, argv } of STEPS) {
    if (argv) expect(await run([...argv, '--date', day], day)).toMatchObject({ code: 0, stderr: '' });
    commitAll(cwd, tag, tag);
    given.set(tag, {
      report: (await run(['report', '--as-of', day], day)).stdout,
      list: (await run(['list', '--format', 'json'], day)).stdout,
      export: (await run(['export'], day)).stdout,
    });
  }
}, 120_000);

afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('the state on any day, against the record', () => {
  it('report --as-of each day something happened equals the report the plan gave that day', async () => {
    for (const { tag, day } of STEPS) {
      // Two steps on one day: the later one is what the day ended with.
      const last = STEPS.filter((step) => step.day === day).at(-1)!.tag;
      if (tag !== last) continue;
      expect((await run(['report', '--as-of', day])).stdout, day).toBe(given.get(tag)!.report);
      expect((await run(['report', '--as-of', day, '--at', tag])).stdout, `${day} at ${tag}`).toBe(given.get(tag)!.report);
    }
  });

  it('report --as-of the day before each change equals the previous revision read that day', async () => {
    for (const [index, { day }] of STEPS.entries()) {
      if (index === 0 || STEPS[index - 1]!.day === day) continue;
      const before = dayBefore(day);
      const previous = STEPS[index - 1]!.tag;
      const atPrevious = await run(['report', '--as-of', before, '--at', previous]);
      expect(atPrevious.code).toBe(0);
      expect((await run(['report', '--as-of', before])).stdout, before).toBe(atPrevious.stdout);
    }
  });

  it('report --as-of 2019-12-31 shows the plan as it stood that day', async () => {
    const { stdout } = await run(['report', '--as-of', '2019-12-31']);
    expect(stdout).toContain('3 activities: 1 planned, 1 in-progress, 1 ongoing, 0 completed, 0 on-hold, 0\ncancelled.');
    expect(stdout).toContain('| AN-1 | Joint analysis | in-progress | 2019-10-01 |');
  });

  it('a day before the signing is not in scope', async () => {
    expect((await run(['list', '--as-of', '2019-07-17'])).code).toBe(2);
  });
});

describe('report --since', () => {
  // The changes section of a report: from its heading to the closing line.
  const changesOf = (report: string) => report.slice(report.indexOf('### Plan changes'), report.indexOf('Generated from the plan'));

  it('with a date lists every history entry after that day; with a revision, every change since it: here the same', async () => {
    const byDate = await run(['report', '--since', '2019-10-01']);
    const byRevision = await run(['report', '--since', 'an1-started']);
    expect([byDate.code, byDate.stderr, byRevision.code, byRevision.stderr]).toEqual([0, '', 0, '']);
    const dated = changesOf(byDate.stdout);
    expect(dated.split('\n')[0]).toBe('### Plan changes: the history up to 2019-10-01 → the working tree');
    expect(dated.slice(dated.indexOf('\n'))).toBe(changesOf(byRevision.stdout).slice(changesOf(byRevision.stdout).indexOf('\n')));
    // Every entry after the day, notes included, not only each activity's last one.
    const entries = dated.slice(dated.indexOf('#### History entries added'));
    for (const line of [
      '| AN-1 | Joint analysis | 2020-02-15 | in-progress | First joint analysis delivered |',
      '| AN-1 | Joint analysis | 2021-03-01 | completed | |',
      '| AN-2 | Data exchange | 2021-03-01 | ongoing | Data sets reviewed |',
      '| TR-1 | Joint training | 2020-09-30 | on-hold | Courses suspended |',
      '| TR-1 | Joint training | 2021-06-30 | in-progress | |',
    ]) {
      expect(entries).toContain(line);
    }
    expect(entries).not.toContain('Kick-off meeting held');
  });

  it('with a date before the signing lists every activity as added; with --as-of, only what happened up to that day', async () => {
    const before = changesOf((await run(['report', '--since', '2019-01-01'])).stdout);
    expect(before).toContain('3 activities added.');
    const window = changesOf((await run(['report', '--since', '2020-01-01', '--as-of', '2020-12-31'])).stdout);
    expect(window).toContain('2020-02-15');
    expect(window).toContain('2020-09-30');
    expect(window).not.toContain('2021-');
  });

  it('keeps report --check working: a report with --since is checked with it', async () => {
    expect((await run(['report', '--since', '2020-01-01', '--out', 'STATUS.md'])).code).toBe(0);
    expect(await run(['report', '--since', '2020-01-01', '--check', 'STATUS.md'])).toEqual({ code: 0, stdout: 'STATUS.md is up to date\n', stderr: '' });
    expect((await run(['report', '--since', '2020-03-01', '--check', 'STATUS.md'])).code).toBe(1);
    rmSync(join(cwd, 'STATUS.md'));
  });
});

describe('plan diff over the record', () => {
  it('a progress note alone is a change: the entry is listed, never "No changes"', async () => {
    const { stdout } = await run(['diff', 'an1-started', 'an1-note']);
    expect(stdout).toMatch(/^Plan changes from an1-started \(\w+\) to an1-note \(\w+\): 1 history entry added\n/);
    expect(stdout).toContain('  AN-1  2020-02-15  in-progress  First joint analysis delivered');
    const json = JSON.parse((await run(['diff', 'an1-started', 'an1-note', '--format', 'json'])).stdout) as { activities: { changed: { history: unknown[] }[] } };
    expect(json.activities.changed[0]!.history).toEqual([{ date: '2020-02-15', status: 'in-progress', note: 'First joint analysis delivered' }]);
    const markdown = (await run(['diff', 'an1-started', 'an1-note', '--format', 'markdown'])).stdout;
    expect(markdown).toContain('| AN-1 | Joint analysis | 2020-02-15 | in-progress | First joint analysis delivered |');
  });

  it('over several commits lists every entry added between, not only the last of each activity', async () => {
    const json = JSON.parse((await run(['diff', 'signed', 'tr1-resumed', '--format', 'json'])).stdout) as { activities: { changed: { id: string; history: { date: string }[] }[] } };
    expect(json.activities.changed.map(({ id, history }) => [id, history.map((entry) => entry.date)])).toEqual([
      ['AN-1', ['2019-10-01', '2020-02-15', '2021-03-01']],
      ['AN-2', ['2021-03-01']],
      ['TR-1', ['2020-09-30', '2021-06-30']],
    ]);
  });
});

describe('--at REV', () => {
  it('list, show, units and export read the plan as each revision holds it, nothing checked out', async () => {
    const status = git(cwd, 'status', '--porcelain');
    for (const { tag } of STEPS) {
      expect((await run(['list', '--format', 'json', '--at', tag])).stdout, tag).toBe(given.get(tag)!.list);
      expect((await run(['export', '--at', tag])).stdout, tag).toBe(given.get(tag)!.export);
    }
    const shown = JSON.parse((await run(['show', 'AN-1', '--format', 'json', '--at', 'an1-note'])).stdout) as { status: string; history: unknown[] };
    expect([shown.status, shown.history.length]).toEqual(['in-progress', 3]);
    const units = JSON.parse((await run(['units', '--format', 'json', '--at', 'signed~0'])).stdout) as { by_status: { planned: number } }[];
    expect(units.map((row) => row.by_status.planned)).toEqual([1, 1, 1, 1]);
    expect(git(cwd, 'status', '--porcelain')).toBe(status);
  });

  it('combines with --as-of: the revision read, then rebuilt for the day', async () => {
    const list = await run(['list', '--format', 'json', '--at', 'an1-done', '--as-of', '2019-12-31']);
    expect((JSON.parse(list.stdout) as { id: string; status: string }[]).map(({ status }) => status)).toEqual(['in-progress', 'ongoing', 'planned']);
  });

  it('an unknown revision is a usage error in one line; so is a folder outside any repository', async () => {
    expect(await run(['list', '--at', 'no-such-tag'])).toEqual({ code: 2, stdout: '', stderr: 'plan: unknown revision "no-such-tag"\n' });
    expect(await run(['report', '--at', '--help'])).toMatchObject({ code: 2, stdout: '' });
    const outside = tempDir();
    try {
      const copy = scenario();
      const result = await runPlan(['list', '--at', 'HEAD', '--plan-dir', join(copy, 'plan')], { cwd: outside });
      rmSync(copy, { recursive: true, force: true });
      expect(result).toEqual({ code: 2, stdout: '', stderr: 'plan: the plan folder is not in a git repository, so there is no revision "HEAD" to read\n' });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a revision whose plan is invalid is refused like the files on disk, naming the revision', async () => {
    appendFileSync(join(cwd, 'plan', MINIMAL_PLAN, 'training.yaml'), 'oops: [\n');
    commitAll(cwd, 'broken');
    const result = await run(['list', '--at', 'HEAD']);
    git(cwd, 'reset', '--quiet', '--hard', 'HEAD~1');
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe('plan: the workspace at revision HEAD is invalid:');
    expect(result.stderr.split('\n')[1]).toMatch(/^plan\/north-south\/training\.yaml:\d+:\d+ error /);
  });
});
