import { parse as parseCsv } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { sanitize } from '../../src/text/sanitize.js';
import { HOSTILE_TITLE, hostileScenario, MINIMAL_PLAN, runPlan, SHIPPED_PLAN, shippedRoot } from '../helpers.js';
import { cellCount } from '../markdownChecks.js';

interface ActivityJson {
  plan: string;
  id: string;
  title: string;
  status: string;
  units: Record<string, string[]>;
  with: string[];
  text: string;
  actions: string[];
  related: string[];
  history: { date: string; status: string; note?: string }[];
  area: string;
  source: { file: string; line: number };
}

const plan = runPlan;

/** The cells of every row of the one table in `markdown`, as text; any markup but a line break fails. */
function markdownCells(markdown: string): string[][] {
  const tokens = new MarkdownIt({ html: true }).parse(markdown, {});
  const rows: string[][] = [];
  for (const token of tokens) {
    if (token.type === 'tr_open') rows.push([]);
    if (token.type !== 'inline') continue;
    const text = (token.children ?? [])
      .map((child) => {
        if (child.type === 'text') return child.content;
        if (child.type === 'html_inline' && child.content === '<br>') return '\n';
        throw new Error(`markup in a cell: ${child.type} ${JSON.stringify(child.content)}`);
      })
      .join('');
    rows.at(-1)!.push(text);
  }
  return rows;
}

/** Each format of `plan list` read back with a real parser and compared with its JSON answer. */
async function expectFormatsAgree(argv: string[], cwd: string) {
  const answer = JSON.parse((await plan([...argv, '--format', 'json'], { cwd })).stdout) as ActivityJson[];
  expect(answer.length).toBeGreaterThan(0);

  const yaml = await plan([...argv, '--format', 'yaml'], { cwd });
  expect(yaml.code).toBe(0);
  expect(parseYaml(yaml.stdout)).toEqual(answer);

  const csv = await plan([...argv, '--format', 'csv'], { cwd });
  expect(csv.code).toBe(0);
  expect(csv.stdout.endsWith('\r\n')).toBe(true);
  const records = parseCsv(csv.stdout, { columns: true }) as Record<string, string>[];
  const parties = Object.keys(answer[0]!.units);
  expect(Object.keys(records[0]!)).toEqual(['plan', 'id', 'title', 'status', 'area', ...parties.map((party) => `units.${party}`), 'with', 'related', 'since', 'text', 'actions']);
  const text = (value: string) => sanitize(value, { keepNewlines: true });
  expect(records).toEqual(
    answer.map((activity) => ({
      plan: activity.plan,
      id: activity.id,
      title: text(activity.title),
      status: activity.status,
      area: activity.area,
      ...Object.fromEntries(parties.map((party) => [`units.${party}`, (activity.units[party] ?? []).join('; ')])),
      with: activity.with.join('; '),
      related: activity.related.join('; '),
      since: activity.history.at(-1)!.date,
      text: text(activity.text),
      actions: activity.actions.map(text).join('; '),
    })),
  );

  const markdown = await plan([...argv, '--format', 'markdown'], { cwd });
  expect(markdown.code).toBe(0);
  const lines = markdown.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(answer.length + 2);
  const [head, ...rows] = markdownCells(markdown.stdout);
  for (const line of lines) expect(cellCount(line)).toBe(head!.length);
  expect(head).toEqual(['ID', 'Status', 'Title', 'Area', ...parties.map(() => expect.any(String)), 'With']);
  expect(rows.map((row) => row.length)).toEqual(answer.map(() => head!.length));
  expect(rows.map((row) => [row[0], row[1], row[2], ...row.slice(4)])).toEqual(
    answer.map((activity) => [
      activity.id,
      activity.status,
      sanitize(activity.title, { keepNewlines: true }).replace(/\s*\n\s*/g, '\n'),
      ...parties.map((party) => (activity.units[party] ?? []).join(', ')),
      activity.with.join(', '),
    ]),
  );

  const table = await plan([...argv, '--format', 'table'], { cwd });
  expect(table.code).toBe(0);
  expect(table.stdout.split('\n').filter((line) => /^[A-Z]+-\d+ /.test(line)).map((line) => line.split(' ')[0])).toEqual(answer.map((activity) => activity.id));
  for (const activity of answer) expect(table.stdout).toContain(sanitize(activity.title));
  return answer;
}

describe('plan list: every format says what JSON says', () => {
  it('on the shipped plan', async () => {
    const answer = await expectFormatsAgree(['list'], shippedRoot);
    expect(new Set(answer.map((activity) => activity.plan))).toEqual(new Set([SHIPPED_PLAN]));
    await expectFormatsAgree(['list', '--area', 'IA', '--status', 'planned', '--with', 'Europol'], shippedRoot);
  });

  it('on a title holding |, a comma, quotes, a line break and an escape sequence', async () => {
    const cwd = hostileScenario();
    const answer = await expectFormatsAgree(['list'], cwd);
    expect(answer[0]!.title).toBe(HOSTILE_TITLE);
    expect(answer.map((activity) => activity.plan)).toEqual([MINIMAL_PLAN, MINIMAL_PLAN, MINIMAL_PLAN]);
    for (const format of ['table', 'csv', 'markdown', 'yaml', 'json']) {
      const { stdout } = await plan(['list', '--format', format], { cwd });
      expect(stdout.replace(/\r\n/g, '\n'), format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
  });
});

describe('plan list', () => {
  it('answers "what is still planned in information and analysis with Europol?" as CSV', async () => {
    const { code, stdout, stderr } = await plan(['list', '--area', 'IA', '--status', 'planned', '--with', 'Europol', '--format', 'csv']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect((parseCsv(stdout, { columns: true }) as { id: string }[]).map((record) => record.id)).toEqual(['IA-2']);
  });

  it('sorts as --sort asks', async () => {
    const ids = async (sort: string) => (JSON.parse((await plan(['list', '--area', 'HC', '--sort', sort, '--format', 'json'])).stdout) as ActivityJson[]).map((a) => a.id);
    expect(await ids('status')).toEqual(['HC-2', 'HC-5', 'HC-1', 'HC-3', 'HC-4']);
    expect(await ids('title')).toEqual(['HC-2', 'HC-5', 'HC-3', 'HC-1', 'HC-4']);
  });

  it('says on stderr what matched nothing, and prints [] in JSON and YAML', async () => {
    const argv = ['list', '--unit', 'RAU', '--status', 'ongoing,on-hold', '--search', 'social media'];
    expect(await plan(argv)).toEqual({ code: 0, stdout: '', stderr: 'no activity matches --unit RAU --status ongoing,on-hold --search "social media"\n' });
    expect(await plan([...argv, '--format', 'json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    expect(await plan([...argv, '--format', 'yaml'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    const csv = await plan([...argv, '--format', 'csv']);
    expect(csv.stdout).toBe('plan,id,title,status,area,units.frontex,units.easo,with,related,since,text,actions\r\n');
    expect(csv.stderr).toContain('no activity matches');
    expect(markdownCells((await plan([...argv, '--format', 'markdown'])).stdout)).toHaveLength(1);
  });

  it('exits 2 naming the closest value, with nothing on stdout', async () => {
    expect(await plan(['list', '--area', 'IB'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^plan: --area IB: no area "IB" \(did you mean IA\?\)/) });
    expect(await plan(['list', '--with', 'Europl', '--format', 'json'])).toMatchObject({ code: 2, stdout: '' });
    expect((await plan(['list', '--sort', 'date'])).code).toBe(2);
  });

  it('colours statuses only when colour is on, and never in JSON, CSV or Markdown', async () => {
    expect((await plan(['list', '--unit', 'RAU'], { color: true })).stdout).toContain('\u001b[34mplanned\u001b[39m');
    expect((await plan(['list', '--unit', 'RAU'], { color: false })).stdout).not.toContain('\u001b');
    expect((await plan(['list', '--unit', 'RAU', '--no-color'], { color: true })).stdout).not.toContain('\u001b');
    for (const format of ['json', 'yaml', 'csv', 'markdown']) {
      expect((await plan(['list', '--format', format], { color: true })).stdout, format).not.toContain('\u001b');
    }
  });

  it('fits the table to the terminal, wrapping titles', async () => {
    const { stdout } = await plan(['list', '--unit', 'RAU'], { columns: 60 });
    const lines = stdout.trimEnd().split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(60);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('Common');
    expect(lines.length).toBeGreaterThan(6);
  });

  it('finds the plan through --plan-dir', async () => {
    const cwd = hostileScenario();
    const { stdout } = await plan(['list', '--plan-dir', join(cwd, 'plan'), '--format', 'json']);
    expect((JSON.parse(stdout) as ActivityJson[]).map((activity) => activity.id)).toEqual(['AN-1', 'AN-2', 'TR-1']);
  });
});
