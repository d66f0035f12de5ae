import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, runPlan } from '../helpers.js';

const workspace = join(fixtures, 'workspace');
const show = async (...argv: string[]) => (await runPlan(['show', ...argv], { cwd: workspace })).stdout.split('\n');

describe('plan show across the plans of a workspace', () => {
  it('names the activity this one continues and a related one of another plan, each with its title', async () => {
    const lines = await show('frontex-euaa-2026/IA-1');
    expect(lines).toContain('Related    frontex-easo-2019/IA-2  Joint intelligence picture on secondary movements');
    expect(lines).toContain('Continues  frontex-easo-2019/IA-1  Common Situational Picture on irregular migration and international protection');
  });

  it('names, on the earlier activity, the activity of the successor plan that continues it', async () => {
    const lines = await show('frontex-easo-2019/IA-1', '--all-plans');
    expect(lines).toContain('Continued by  frontex-euaa-2026/IA-1  Common Situational Picture, continued');
    expect((await show('frontex-easo-2019/IA-3', '--all-plans')).some((line) => line.startsWith('Continued by'))).toBe(false);
  });
});
