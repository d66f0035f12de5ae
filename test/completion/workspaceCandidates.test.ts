import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, runPlan } from '../helpers.js';

const workspace = join(fixtures, 'workspace');
const candidates = async (...words: string[]) =>
  (await runPlan(['__complete', ...words], { cwd: workspace })).stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t')[0]);

describe('completion in a workspace of several plans', () => {
  it('offers every plan id for --plan', async () => {
    expect(await candidates('list', '--plan', '')).toEqual(['frontex-easo-2019', 'frontex-emsa-efca-2021', 'frontex-euaa-2026']);
  });

  it('offers bare ids unique in scope, and PLAN/ID once the start of a plan is typed', async () => {
    expect(await candidates('show', 'C')).toEqual(['CG-1', 'CG-2']);
    expect(await candidates('show', 'frontex-em')).toEqual(['frontex-emsa-efca-2021/CG-1', 'frontex-emsa-efca-2021/CG-2']);
    expect(await candidates('show', 'frontex-euaa-2026/')).toEqual(['frontex-euaa-2026/IA-1', 'frontex-euaa-2026/IA-2']);
  });

  it('offers the units of every organisation in scope for --unit', async () => {
    const units = await candidates('list', '--unit', '');
    for (const code of ['RAU', 'MSU', 'OCU', 'IAU']) expect(units).toContain(code);
  });
});
