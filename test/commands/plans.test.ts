import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { STATUSES } from '../../src/model.js';
import { fixtures, runPlan } from '../helpers.js';

const workspace = join(fixtures, 'workspace');
const plans = (...argv: string[]) => runPlan(['plans', ...argv], { cwd: workspace });

describe('plan plans', () => {
  it('lists every plan of the workspace, superseded ones too, in workspace order, each with what plan.yaml and its activities say', async () => {
    const { code, stdout, stderr } = await plans('--format', 'json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows.map((row) => row.id)).toEqual(['frontex-easo-2019', 'frontex-emsa-efca-2021', 'frontex-euaa-2026']);
    expect(rows[0]).toEqual({
      id: 'frontex-easo-2019',
      title: 'Cooperation Plan between Frontex and EASO',
      parties: ['Frontex', 'EASO'],
      signed: { date: '2019-07-18', place: 'Helsinki' },
      superseded_by: ['frontex-euaa-2026'],
      activities: 20,
      by_status: { planned: 14, 'in-progress': 0, ongoing: 6, completed: 0, 'on-hold': 0, cancelled: 0 },
    });
    expect(rows[1]).toMatchObject({ parties: ['Frontex', 'EMSA', 'EFCA'], period: { from: '2021-03-01', until: '2025-12-31' }, superseded_by: [] });
    expect(rows[2]).toMatchObject({ supersedes: 'frontex-easo-2019', superseded_by: [] });
    for (const row of rows) expect(Object.values(row.by_status as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(row.activities);
  });

  it('agrees with plan list --plan ID on every plan’s count', async () => {
    for (const row of JSON.parse((await plans('--format', 'json')).stdout) as { id: string; activities: number }[]) {
      const listed = JSON.parse((await runPlan(['list', '--plan', row.id, '--format', 'json'], { cwd: workspace })).stdout) as unknown[];
      expect(listed, row.id).toHaveLength(row.activities);
    }
  });

  it('with --plan, only the plans named, by unambiguous start; an unknown one is a usage error naming the closest', async () => {
    const rows = JSON.parse((await plans('--plan', 'frontex-emsa,frontex-euaa', '--format', 'json')).stdout) as { id: string }[];
    expect(rows.map((row) => row.id)).toEqual(['frontex-emsa-efca-2021', 'frontex-euaa-2026']);
    const unknown = await plans('--plan', 'frontex-euaa-2062');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean frontex-euaa-2026?');
  });

  it('gives the same rows as a table, CSV, Markdown and YAML', async () => {
    const table = (await plans()).stdout.trimEnd().split('\n');
    expect(table[0]).toMatch(/^Plan +Title +Parties +Signed +Period +Supersedes +Superseded by +Activities +planned +in-progress +ongoing$/);
    expect(table[2]).toMatch(/^frontex-emsa-efca-2021 +Tripartite test plan on coast guard functions +Frontex, EMSA, EFCA +2021-03-01, Lisbon +2021-03-01 – 2025-12-31 +2 +1 +1 +0$/);
    const csv = parseCsv((await plans('--format', 'csv')).stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(csv[0]!)).toEqual(['plan', 'title', 'parties', 'signed', 'signed_in', 'period_from', 'period_until', 'supersedes', 'superseded_by', 'activities', ...STATUSES]);
    expect(csv.map((row) => `${row.plan} ${row.parties} ${row.supersedes}|${row.superseded_by} ${row.activities}`)).toEqual([
      'frontex-easo-2019 Frontex; EASO |frontex-euaa-2026 20',
      'frontex-emsa-efca-2021 Frontex; EMSA; EFCA | 2',
      'frontex-euaa-2026 Frontex; EUAA frontex-easo-2019| 2',
    ]);
    const markdown = (await plans('--format', 'markdown')).stdout;
    const tokens = new MarkdownIt().parse(markdown, {});
    expect(tokens.filter((token) => token.type === 'tr_open')).toHaveLength(4);
    expect(markdown.split('\n')[2]).toBe('| frontex-easo-2019 | Cooperation Plan between Frontex and EASO | Frontex, EASO | 2019-07-18, Helsinki | | | frontex-euaa-2026 | 20 | 14 | 0 | 6 | 0 | 0 | 0 |');
    expect(parseYaml((await plans('--format', 'yaml')).stdout)).toEqual(JSON.parse((await plans('--format', 'json')).stdout));
  });
});
