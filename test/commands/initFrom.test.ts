import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, runPlan, tempDir, TODAY } from '../helpers.js';

interface Listed {
  plan: string;
  id: string;
  status: string;
  units: Record<string, string[]>;
  continues?: string;
  history: { date: string; status: string }[];
  title: string;
  text: string;
}

describe('plan init NEW --from OLD', () => {
  it('drafts a successor: the parties by current id, the areas, every open activity carried over with continues set, and it validates', async () => {
    const cwd = tempDir();
    cpSync(join(fixtures, 'workspace', 'plan'), join(cwd, 'plan'), { recursive: true });
    // A finished activity is not carried over.
    expect((await runPlan(['set-status', 'frontex-easo-2019/IA-3', 'completed', '--date', '2020-01-10', '--all-plans'], { cwd })).code).toBe(0);
    const { code, stdout } = await runPlan(['init', 'frontex-euaa-2029', '--from', 'frontex-easo-2019'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('carried over 19 open activities of frontex-easo-2019, each planned from today with continues set: edit or remove them\n');
    expect(await runPlan(['validate'], { cwd })).toMatchObject({ code: 0, stdout: '0 errors, 0 warnings\n' });

    const before = JSON.parse((await runPlan(['list', '--plan', 'frontex-easo-2019', '--format', 'json'], { cwd })).stdout) as Listed[];
    const after = JSON.parse((await runPlan(['list', '--plan', 'frontex-euaa-2029', '--format', 'json'], { cwd })).stdout) as Listed[];
    const open = before.filter((activity) => activity.status !== 'completed');
    expect(after.map((activity) => activity.continues)).toEqual(open.map((activity) => `frontex-easo-2019/${activity.id}`));
    for (const [index, activity] of after.entries()) {
      const old = open[index]!;
      expect(activity).toMatchObject({ status: 'planned', title: old.title, text: old.text, history: [{ date: TODAY, status: 'planned' }] });
      // EASO signed the old plan; the new one names the organisation by its current id.
      expect(activity.units).toEqual(Object.fromEntries(Object.entries(old.units).map(([party, codes]) => [party === 'easo' ? 'euaa' : party, codes])));
    }
    expect(after.map((activity) => activity.id).slice(0, 5)).toEqual(['OC-1', 'OC-2', 'OC-3', 'OC-4', 'IA-1']);
    const show = (await runPlan(['show', 'frontex-easo-2019/IA-1', '--all-plans'], { cwd })).stdout;
    // The fixture's 2026 plan continues IA-1 too: both are named.
    expect(show).toMatch(/^Continued by  frontex-euaa-2026\/IA-1 .*\n {14}frontex-euaa-2029\/IA-1  Common Situational Picture/m);
  });
});
