import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, runPlan } from '../helpers.js';

const workspace = join(fixtures, 'workspace');
const report = async (...argv: string[]) => (await runPlan(['report', '--as-of', '2026-11-28', ...argv], { cwd: workspace })).stdout;

// The lines of the Markdown table that follows `heading`.
function tableAfter(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  const table: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('|')) table.push(line);
    else if (table.length > 0) break;
  }
  return table;
}

describe('plan report over several plans', () => {
  it('groups the activities by plan, with a row per plan and the totals across them', async () => {
    const markdown = await report('--all-plans');
    expect(markdown.split('\n')[0]).toBe('# 3 cooperation plans: status report');
    expect(tableAfter(markdown, '## By plan')).toEqual([
      '| Plan | Title | planned | in-progress | ongoing | completed | on-hold | cancelled | Total |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| frontex-easo-2019 | Cooperation Plan between Frontex and EASO | 14 | 0 | 6 | 0 | 0 | 0 | 20 |',
      '| frontex-emsa-efca-2021 | Tripartite test plan on coast guard functions | 1 | 1 | 0 | 0 | 0 | 0 | 2 |',
      '| frontex-euaa-2026 | Test cooperation plan between Frontex and the EUAA | 1 | 1 | 0 | 0 | 0 | 0 | 2 |',
      '| **Total** | | **16** | **2** | **6** | **0** | **0** | **0** | **24** |',
    ]);
  });

  it('keeps two plans’ areas of the same id apart, each table with its own plan’s parties and qualified ids', async () => {
    const markdown = await report('--all-plans');
    const areas = tableAfter(markdown, '## By area').map((line) => line.split(' | ')[0]);
    expect(areas.filter((cell) => cell!.includes('Information and analysis'))).toEqual(['| frontex-easo-2019: Information and analysis', '| frontex-euaa-2026: Information and analysis']);
    const later = tableAfter(markdown, '### Test cooperation plan between Frontex and the EUAA: Information and analysis (IA)');
    expect(later[0]).toBe('| ID | Title | Status | Since | Frontex | EUAA |');
    expect(later.slice(2).map((line) => line.split(' | ')[0])).toEqual(['| frontex-euaa-2026/IA-1', '| frontex-euaa-2026/IA-2']);
    const tripartite = tableAfter(markdown, '### Tripartite test plan on coast guard functions: Coast guard functions (CG)');
    expect(tripartite[0]).toBe('| ID | Title | Status | Since | Frontex | EMSA | EFCA |');
  });

  it('for one plan in scope, is the plan’s own report: no By plan section, bare ids', async () => {
    const markdown = await report('--plan', 'frontex-euaa-2026');
    expect(markdown.split('\n')[0]).toBe('# Test cooperation plan between Frontex and the EUAA: status report');
    expect(markdown).not.toContain('## By plan');
    expect(tableAfter(markdown, '### Information and analysis (IA)').slice(2).map((line) => line.split(' | ')[0])).toEqual(['| IA-1', '| IA-2']);
  });

  it('gives the page one anchor per activity, qualified by its plan, so two plans’ IA-1 do not collide', async () => {
    const html = await report('--all-plans', '--format', 'html');
    expect(html.match(/id="frontex-easo-2019-IA-1"/g)).toHaveLength(1);
    expect(html.match(/id="frontex-euaa-2026-IA-1"/g)).toHaveLength(1);
    expect(html).not.toMatch(/id="IA-1"/);
  });
});
