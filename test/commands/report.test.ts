import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseMermaid } from '@mermaid-js/parser';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../src/model.js';
import { commitAll, initRepository } from '../git/repository.js';
import { fakeClock, hostileScenario, MINIMAL_PLAN, runPlan, scenario, tempDir, TODAY } from '../helpers.js';
import { lintMarkdown, mermaidBlock, renderedText, renderHtml, tableShapes } from '../markdownChecks.js';

const AS_OF = ['--as-of', TODAY];
const SCRIPT_TITLE = '| <script>alert(1)</script> **x**';

/** A copy of the minimal plan whose AN-1 has `title`; returns the folder to run in. */
function withTitle(title: string): string {
  const dir = scenario();
  const file = join(dir, 'plan', MINIMAL_PLAN, 'analysis.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('title: Joint analysis', `title: ${JSON.stringify(title)}`));
  return dir;
}

/** A copy of the minimal plan where AN-2 went on hold and TR-1 was cancelled, with notes; returns the folder to run in. */
function withAttention(): string {
  const dir = scenario();
  const analysis = join(dir, 'plan', MINIMAL_PLAN, 'analysis.yaml');
  writeFileSync(
    analysis,
    readFileSync(analysis, 'utf8')
      .replace('    status: ongoing\n', '    status: on-hold\n')
      .replace(/(- date: 2019-07-18\n\s+status: ongoing\n)/, '$1      - date: 2026-03-02\n        status: on-hold\n        note: Waiting for the new Regulation\n'),
  );
  const training = join(dir, 'plan', MINIMAL_PLAN, 'training.yaml');
  writeFileSync(
    training,
    readFileSync(training, 'utf8')
      .replace('    status: planned\n', '    status: cancelled\n')
      .replace(/(- date: 2019-07-18\n\s+status: planned\n)/, '$1      - date: 2026-10-01\n        status: cancelled\n'),
  );
  return dir;
}

describe('plan report', () => {
  it('summarises the shipped plan (snapshot)', async () => {
    const { code, stdout, stderr } = await runPlan(['report', ...AS_OF]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    await expect(stdout).toMatchFileSnapshot('__snapshots__/report-shipped.md');
  });

  it('with --summary stops after the totals, the chart and the area table', async () => {
    const full = (await runPlan(['report', ...AS_OF])).stdout;
    const { code, stdout } = await runPlan(['report', '--summary', ...AS_OF]);
    expect(code).toBe(0);
    const totals = full.slice(0, full.indexOf('## Activities'));
    expect(stdout.startsWith(totals)).toBe(true);
    expect(stdout.slice(totals.length)).toMatch(/^Generated from the plan by plan report --summary; run it again rather than\nediting this file\.\n\n<!-- markdownlint-configure-file/);
    expect(await lintMarkdown({ 'summary.md': stdout })).toEqual([]);
  });

  it('gives the same bytes for the same plan and date, and dates itself today by default', async () => {
    const first = await runPlan(['report', ...AS_OF]);
    const again = await runPlan(['report']);
    expect(again.stdout).toBe(first.stdout);
    expect(first.stdout.split('\n')[2]).toBe(`As of ${TODAY}.`);
  });

  it('passes markdownlint with its default rules, for the plan, a unit, an attention list and hostile text', async () => {
    const documents = {
      'shipped.md': (await runPlan(['report', ...AS_OF])).stdout,
      'rau.md': (await runPlan(['report', '--unit', 'RAU', ...AS_OF])).stdout,
      'attention.md': (await runPlan(['report', ...AS_OF], { cwd: withAttention() })).stdout,
      'hostile.md': (await runPlan(['report', ...AS_OF], { cwd: withTitle(SCRIPT_TITLE) })).stdout,
      'empty.md': (await runPlan(['report', '--status', 'completed', ...AS_OF])).stdout,
      'controls.md': (await runPlan(['report', ...AS_OF], { cwd: hostileScenario() })).stdout,
    };
    expect(await lintMarkdown(documents)).toEqual([]);
    // The check itself is not blind: a broken table and a doubled blank line are found.
    expect(await lintMarkdown({ 'broken.md': '# Title\n\n\n| a | b |\n| --- | --- |\n| 1 |\n' })).toEqual([
      expect.stringContaining('broken.md:3 error MD012/no-multiple-blanks'),
      expect.stringContaining('broken.md:6:5 error MD056/table-column-count'),
    ]);
  });

  it('writes every table row with as many cells as its header', async () => {
    for (const cwd of [undefined, withAttention(), withTitle(SCRIPT_TITLE), hostileScenario()]) {
      const { stdout } = await runPlan(['report', ...AS_OF], cwd ? { cwd } : {});
      const tables = tableShapes(stdout);
      expect(tables.length).toBeGreaterThanOrEqual(5);
      for (const table of tables) expect(table.rows, `table at line ${table.line}`).toEqual(table.rows.map(() => table.header));
      expect(renderHtml(stdout).match(/<table>/g)).toHaveLength(tables.length);
    }
  });

  it('draws a pie of the statuses that Mermaid parses, one slice per status present', async () => {
    const { stdout } = await runPlan(['report', ...AS_OF], { cwd: withAttention() });
    const chart = await parseMermaid('pie', mermaidBlock(stdout)!);
    expect(chart.title).toBe('Activities by status');
    expect(chart.sections.map((section) => [section.label, section.value])).toEqual([
      ['planned', 1],
      ['on-hold', 1],
      ['cancelled', 1],
    ]);
    const shipped = await parseMermaid('pie', mermaidBlock((await runPlan(['report', ...AS_OF])).stdout)!);
    expect(shipped.sections.map((section) => [section.label, section.value])).toEqual([
      ['planned', 14],
      ['ongoing', 6],
    ]);
    for (const section of shipped.sections) expect(STATUSES).toContain(section.label);
  });

  it('counts by area and status, with totals', async () => {
    const { stdout } = await runPlan(['report', ...AS_OF]);
    expect(stdout).toContain('20 activities: 14 planned, 0 in-progress, 6 ongoing, 0 completed, 0 on-hold, 0\ncancelled.');
    expect(stdout).toContain('| Operational cooperation | 1 | 0 | 3 | 0 | 0 | 0 | 4 |');
    expect(stdout).toContain('| **Total** | **14** | **0** | **6** | **0** | **0** | **0** | **20** |');
  });

  it('is the Risk Analysis Unit’s own summary with --unit RAU', async () => {
    const { code, stdout } = await runPlan(['report', '--unit', 'RAU', ...AS_OF]);
    expect(code).toBe(0);
    expect(stdout).toContain('Activities matching --unit RAU: 5 of 20.');
    const activities = stdout.slice(stdout.indexOf('## Activities'), stdout.indexOf('## Workload'));
    const ids = [...activities.matchAll(/^\| ([A-Z]+-\d+) \| .* \| (?:planned|ongoing) \| 2019-07-18 \|/gm)].map((match) => match[1]);
    expect(ids).toEqual(['IA-1', 'IA-2', 'IA-4', 'CB-7', 'HC-2']);
    expect(stdout).not.toContain('### Operational cooperation');
    expect(stdout).toContain('| RAU | Risk Analysis Unit | 5 | 0 | 0 | 0 | 0 | 0 | 5 |');
    expect(stdout).toContain('Generated from the plan by plan report --unit RAU;');
  });

  it('takes its columns from the parties of plan.yaml', async () => {
    const { stdout } = await runPlan(['report', ...AS_OF], { cwd: scenario() });
    expect(stdout).toContain('| ID | Title | Status | Since | North | South |');
    expect(stdout).toContain('### North');
    expect(stdout).toContain('### South');
    expect(stdout).not.toMatch(/Frontex|EASO/);
  });

  it('lists what needs attention: on hold, cancelled, and open activities without news for too long', async () => {
    const { stdout } = await runPlan(['report', ...AS_OF], { cwd: withAttention() });
    const attention = stdout.slice(stdout.indexOf('## Attention'));
    expect(attention).toContain('### On hold\n\n| ID | Title | On hold since | Note |\n| --- | --- | --- | --- |\n| AN-2 | Data exchange | 2026-03-02 | Waiting for the new Regulation |');
    expect(attention).toContain('### Cancelled\n\n| ID | Title | Cancelled on | Note |\n| --- | --- | --- | --- |\n| TR-1 | Joint training | 2026-10-01 | – |');
    expect(attention).toContain('| AN-1 | Joint analysis | planned | 2019-07-18 | 2690 |');
    expect(attention.match(/^\| [A-Z]+-\d+ \|/gm)).toHaveLength(3);
  });

  it('counts an activity stale only after more than --stale-days days', async () => {
    const cwd = scenario();
    const atLimit = await runPlan(['report', '--as-of', '2020-01-14'], { cwd });
    expect(atLimit.stdout).toContain('None: every open activity has a history entry from the last 180 days.');
    const past = await runPlan(['report', '--as-of', '2020-01-15'], { cwd });
    expect(past.stdout).toContain('| AN-1 | Joint analysis | planned | 2019-07-18 | 181 |');
    const shorter = await runPlan(['report', '--as-of', '2019-08-18', '--stale-days', '30'], { cwd });
    expect(shorter.stdout).toContain('### No history entry for more than 30 days');
    expect(shorter.stdout).toContain('| TR-1 | Joint training | planned | 2019-07-18 | 31 |');
    expect(shorter.stdout).toContain('Generated from the plan by plan report --stale-days 30;');
  });

  it('escapes a hostile title in every table and heading', async () => {
    const { code, stdout } = await runPlan(['report', ...AS_OF], { cwd: withTitle(SCRIPT_TITLE) });
    expect(code).toBe(0);
    expect(stdout).not.toContain('<script>');
    const html = renderHtml(stdout);
    expect(html).not.toMatch(/<script|<em>|<strong>x/);
    expect(renderedText(stdout)).toContain(`AN-1 ${SCRIPT_TITLE} planned`);
  });

  it('says so when nothing matches, and still writes a report', async () => {
    const { code, stdout, stderr } = await runPlan(['report', '--status', 'completed', ...AS_OF]);
    expect(code).toBe(0);
    expect(stderr).toBe('no activity matches --status completed\n');
    expect(stdout).toContain('Activities matching --status completed: 0 of 20.');
    expect(stdout).toContain('0 activities: 0 planned');
    expect(stdout).not.toContain('```mermaid');
  });

  it('refuses a wrong date, day count, filter or pair of options as usage errors', async () => {
    for (const [argv, message] of [
      [['report', '--as-of', '2026-02-30'], 'plan: --as-of 2026-02-30: not a calendar date (expected YYYY-MM-DD, e.g. 2026-06-30)\n'],
      [['report', '--as-of', 'yesterday'], 'plan: --as-of yesterday: not a calendar date (expected YYYY-MM-DD, e.g. 2026-06-30)\n'],
      [['report', '--stale-days', '-3'], 'plan: --stale-days -3: expected a whole number of days (default 180)\n'],
      [['report', '--unit', 'RUA'], 'plan: --unit RUA: no unit "RUA" (did you mean RAU?)\n'],
      [['report', '--out', 'a.md', '--check', 'a.md'], 'plan: --out and --check do not go together: --check compares FILE with the report, --out writes it\n'],
    ] as const) {
      const { code, stdout, stderr } = await runPlan([...argv]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(message);
    }
  });

  it('refuses an invalid plan with exit 1', async () => {
    const { code, stderr } = await runPlan(['report'], { cwd: scenario('unknown-unit') });
    expect(code).toBe(1);
    expect(stderr).toContain('plan: the workspace is invalid:');
  });
});

describe('plan report --out', () => {
  it('writes the file, replacing what was there, and leaves no temporary file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'STATUS.md'), 'old\n');
    const { code, stdout, stderr } = await runPlan(['report', ...AS_OF, '--out', 'STATUS.md'], { cwd: dir, env: { PLAN_DIR: join(scenario(), 'plan') } });
    expect([code, stdout, stderr]).toEqual([0, '', '']);
    expect(readFileSync(join(dir, 'STATUS.md'), 'utf8')).toBe((await runPlan(['report', ...AS_OF], { cwd: dir, env: { PLAN_DIR: join(scenario(), 'plan') } })).stdout);
    expect(readdirSync(dir)).toEqual(['STATUS.md']);
  });

  it('fails with one line and writes nothing when the folder does not exist', async () => {
    const dir = tempDir();
    const { code, stdout, stderr } = await runPlan(['report', '--out', 'missing/STATUS.md'], { cwd: dir, env: { PLAN_DIR: join(scenario(), 'plan') } });
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toBe('plan: cannot write missing/STATUS.md: its folder does not exist\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails with one line when the target is a folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'STATUS.md'));
    const { code, stderr } = await runPlan(['report', '--out', 'STATUS.md'], { cwd: dir, env: { PLAN_DIR: join(scenario(), 'plan') } });
    expect(code).toBe(1);
    expect(stderr).toBe('plan: cannot write STATUS.md: it is a directory\n');
    expect(readdirSync(dir)).toEqual(['STATUS.md']);
  });
});

describe('plan report --check', () => {
  /** A plan copy with a committed STATUS.md made on `asOf`; returns the folder. */
  async function committed(asOf = '2026-06-30', argv: string[] = []): Promise<string> {
    const dir = scenario();
    const { code } = await runPlan(['report', ...argv, '--as-of', asOf, '--out', 'STATUS.md'], { cwd: dir });
    expect(code).toBe(0);
    return dir;
  }

  it('passes on a fresh report, whatever day it is checked', async () => {
    const dir = await committed();
    const { code, stdout, stderr } = await runPlan(['report', '--check', 'STATUS.md'], { cwd: dir });
    expect([code, stdout, stderr]).toEqual([0, 'STATUS.md is up to date\n', '']);
    const later = await runPlan(['report', '--check', 'STATUS.md'], { cwd: dir, now: fakeClock('2027-01-15') });
    expect(later.code).toBe(0);
  });

  it('ignores only the as-of date: another date is still the same report when nothing else moves', async () => {
    const dir = await committed('2026-06-30');
    const { code } = await runPlan(['report', '--check', 'STATUS.md', '--as-of', '2026-07-01'], { cwd: dir });
    // A day later every stale activity is a day older, so the check fails on the first such line, not on the date.
    expect(code).toBe(1);
    const sameDay = await runPlan(['report', '--check', 'STATUS.md', '--as-of', '2026-06-30'], { cwd: dir });
    expect(sameDay.code).toBe(0);
  });

  it('fails on a stale report, naming the first line that differs', async () => {
    const dir = await committed();
    const file = join(dir, 'plan', MINIMAL_PLAN, 'analysis.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Data exchange', 'title: Data exchange and analysis'));
    const { code, stdout, stderr } = await runPlan(['report', '--check', 'STATUS.md'], { cwd: dir });
    expect([code, stdout]).toEqual([1, '']);
    const lines = readFileSync(join(dir, 'STATUS.md'), 'utf8').split('\n');
    const line = lines.findIndex((text) => text.startsWith('| AN-2 |')) + 1;
    expect(stderr).toBe(
      `plan: STATUS.md is out of date: line ${line} differs from the report the plan gives now\n` +
        `  expected: "| AN-2 | Data exchange and analysis | ongoing | 2019-07-18 | RAU | IAU |"\n` +
        `  found:    "| AN-2 | Data exchange | ongoing | 2019-07-18 | RAU | IAU |"\n` +
        `  plan report --out STATUS.md writes it afresh\n`,
    );
  });

  it('fails on a hand-edited or truncated report', async () => {
    const dir = await committed();
    const path = join(dir, 'STATUS.md');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('Training', 'Trainings'));
    expect((await runPlan(['report', '--check', 'STATUS.md'], { cwd: dir })).code).toBe(1);
    writeFileSync(path, text.slice(0, text.indexOf('## Attention')));
    const truncated = await runPlan(['report', '--check', 'STATUS.md'], { cwd: dir });
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain('  found:    (end of file)\n');
  });

  it('needs the same filters the report was made with', async () => {
    const dir = await committed('2026-06-30', ['--unit', 'RAU']);
    expect((await runPlan(['report', '--unit', 'RAU', '--check', 'STATUS.md'], { cwd: dir })).code).toBe(0);
    expect((await runPlan(['report', '--check', 'STATUS.md'], { cwd: dir })).code).toBe(1);
  });

  it('accepts a report checked out with Windows line endings', async () => {
    const dir = await committed();
    const path = join(dir, 'STATUS.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
    expect((await runPlan(['report', '--check', 'STATUS.md'], { cwd: dir })).code).toBe(0);
  });

  it('fails with exit 1 when the file is missing, saying how to write it', async () => {
    const dir = scenario();
    const { code, stderr } = await runPlan(['report', '--unit', 'RAU', '--check', 'docs/RAU.md'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toBe('plan: docs/RAU.md does not exist; plan report --unit RAU --out docs/RAU.md writes it\n');
    expect(existsSync(join(dir, 'docs'))).toBe(false);
  });
});

describe('plan report --since', () => {
  /** A repository whose plan was committed as v1, then AN-1 started (set-status) and TR-1 renamed, uncommitted. */
  async function changedSinceV1(): Promise<string> {
    const cwd = scenario();
    initRepository(cwd);
    commitAll(cwd, 'The plan as signed', 'v1');
    expect((await runPlan(['set-status', 'AN-1', 'in-progress', '--note', 'Kick-off held', '--date', '2026-11-20'], { cwd })).code).toBe(0);
    expect((await runPlan(['set-status', 'AN-2', 'on-hold', '--date', '2026-11-21'], { cwd })).code).toBe(0);
    const training = join(cwd, 'plan', MINIMAL_PLAN, 'training.yaml');
    writeFileSync(training, readFileSync(training, 'utf8').replace('title: Joint training', 'title: Joint training | <b>courses</b>'));
    return cwd;
  }

  it('adds what changed since the revision, as plan diff lists it, under Attention', async () => {
    const cwd = await changedSinceV1();
    const { code, stdout, stderr } = await runPlan(['report', '--since', 'v1', ...AS_OF], { cwd });
    expect([code, stderr]).toEqual([0, '']);
    const changes = stdout.slice(stdout.indexOf('### Plan changes: v1 ('));
    expect(stdout.indexOf('## Attention')).toBeLessThan(stdout.indexOf('### Plan changes: v1 ('));
    expect(changes).toMatch(/^### Plan changes: v1 \([0-9a-f]{7}\) → the working tree\n/);
    expect(changes).toContain('| AN-1 | Joint analysis | planned | **in-progress** | 2026-11-20 | Kick-off held |');
    expect(changes).toContain('| AN-2 | Data exchange | ongoing | **on-hold** | 2026-11-21 | |');
    expect(changes).toContain('#### Field changes');
    expect(changes).toMatch(/\| TR-1 \| Joint training \\\| \\<b\\>courses\\<\/b\\> \| title \|/);
    expect(stdout).toContain('Generated from the plan by plan report --since v1;');
    expect(await lintMarkdown({ 'since.md': stdout })).toEqual([]);
    for (const table of tableShapes(stdout)) expect(table.rows, `table at line ${table.line}`).toEqual(table.rows.map(() => table.header));
  });

  it('keeps only the selected activities when the report is filtered', async () => {
    const cwd = await changedSinceV1();
    const { stdout } = await runPlan(['report', '--unit', 'TRU', '--since', 'v1', ...AS_OF], { cwd });
    const changes = stdout.slice(stdout.indexOf('### Plan changes'));
    expect(changes).toContain('| TR-1 |');
    expect(changes).not.toContain('AN-1');
    expect(changes).toContain('Only the activities this report covers; plan diff shows every change.');
    expect(stdout).toContain('Generated from the plan by plan report --unit TRU --since v1;');
  });

  it('says so when nothing changed, and --check keeps such a report honest', async () => {
    const cwd = scenario();
    initRepository(cwd);
    commitAll(cwd, 'The plan as signed', 'v1');
    const { stdout } = await runPlan(['report', '--since', 'v1', ...AS_OF], { cwd });
    expect(stdout).toContain('No changes to the plan.');
    expect((await runPlan(['report', '--since', 'v1', ...AS_OF, '--out', 'STATUS.md'], { cwd })).code).toBe(0);
    expect((await runPlan(['report', '--since', 'v1', '--check', 'STATUS.md'], { cwd })).code).toBe(0);
    const area = join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml');
    writeFileSync(area, readFileSync(area, 'utf8').replace('title: Joint analysis', 'title: Joint analyses'));
    expect((await runPlan(['report', '--since', 'v1', '--check', 'STATUS.md'], { cwd })).code).toBe(1);
  });

  it('is a usage error for an unknown revision or outside a git repository', async () => {
    const cwd = scenario();
    const outside = await runPlan(['report', '--since', 'v1'], { cwd });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^plan: .*git/);
    initRepository(cwd);
    commitAll(cwd, 'The plan as signed', 'v1');
    const unknown = await runPlan(['report', '--since', 'v9'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^plan: .*v9/);
    expect(unknown.stdout).toBe('');
  });
});
