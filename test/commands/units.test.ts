import { parse as parseCsv } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { STATUSES } from '../../src/model.js';
import { runPlan } from '../helpers.js';

interface UnitRow {
  party: string;
  code: string;
  name: string;
  kind: string;
  activities: number;
  by_status: Record<string, number>;
}

const answer = async (...argv: string[]) => JSON.parse((await runPlan(['units', ...argv, '--format', 'json'])).stdout) as UnitRow[];

describe('plan units', () => {
  it('gives every unit of every party, in order, with its activities by status', async () => {
    const rows = await answer();
    expect(rows).toHaveLength(29);
    expect(Object.keys(rows[0]!)).toEqual(['party', 'code', 'name', 'kind', 'activities', 'by_status']);
    expect(rows.find((row) => row.party === 'frontex' && row.code === 'RAU')).toEqual({
      party: 'frontex',
      code: 'RAU',
      name: 'Risk Analysis Unit',
      kind: 'unit',
      activities: 5,
      by_status: { planned: 5, 'in-progress': 0, ongoing: 0, completed: 0, 'on-hold': 0, cancelled: 0 },
    });
    expect(rows.find((row) => row.party === 'easo' && row.code === 'OU')).toMatchObject({ activities: 4, by_status: { planned: 1, ongoing: 3 } });
    expect(rows.filter((row) => row.code === 'SEC').map((row) => `${row.party} ${row.name}`)).toEqual(['frontex Security', 'easo Security Sector']);
    for (const row of rows) expect(Object.values(row.by_status).reduce((a, b) => a + b, 0)).toBe(row.activities);
  });

  it('agrees with plan list on every count', async () => {
    for (const row of await answer()) {
      const listed = JSON.parse((await runPlan(['list', '--unit', `${row.party}:${row.code}`, '--format', 'json'])).stdout) as unknown[];
      expect(listed, `${row.party}:${row.code}`).toHaveLength(row.activities);
    }
  });

  it('narrows to one party by id or name, and names the closest for an unknown one', async () => {
    expect(new Set((await answer('--party', 'EASO')).map((row) => row.party))).toEqual(new Set(['easo']));
    expect((await answer('--party', 'easo,frontex')).map((row) => row.party)[0]).toBe('easo');
    expect(await runPlan(['units', '--party', 'frontx'])).toEqual({ code: 2, stdout: '', stderr: 'plan: --party frontx: no party "frontx" (did you mean frontex?)\n' });
  });

  it('says the same in YAML, CSV, Markdown and the table', async () => {
    const rows = await answer();
    expect(parseYaml((await runPlan(['units', '--format', 'yaml'])).stdout)).toEqual(rows);

    const records = parseCsv((await runPlan(['units', '--format', 'csv'])).stdout, { columns: true }) as Record<string, string>[];
    expect(records).toEqual(rows.map(({ by_status, ...row }) => Object.fromEntries(Object.entries({ ...row, ...by_status }).map(([key, value]) => [key, String(value)]))));

    const markdown = (await runPlan(['units', '--format', 'markdown'])).stdout;
    const cells = new MarkdownIt().parse(markdown, {}).filter((token) => token.type === 'inline').map((token) => token.content);
    const width = 5 + STATUSES.length;
    expect(cells.slice(0, width)).toEqual(['Party', 'Code', 'Name', 'Kind', 'Activities', ...STATUSES]);
    const shortNames: Record<string, string> = { frontex: 'Frontex', easo: 'EASO' };
    expect(cells.slice(width)).toEqual(
      rows.flatMap((row) => [shortNames[row.party], row.code, row.name, row.kind, String(row.activities), ...STATUSES.map((status) => String(row.by_status[status]))]),
    );

    const table = (await runPlan(['units'])).stdout.trimEnd().split('\n');
    expect(table[0]).toMatch(/^Party\s+Code\s+Name\s+Kind\s+Activities\s+planned\s+ongoing$/);
    expect(table).toHaveLength(rows.length + 1);
    expect(table).toContain('Frontex  RAU    Risk Analysis Unit                               unit                 5        5        0');
  });
});
