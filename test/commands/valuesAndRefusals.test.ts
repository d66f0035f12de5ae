import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, runPlan, TODAY } from '../helpers.js';

describe('values are case-insensitive, and the refusals are usage errors', () => {
  it('accepts --format and --sort in any case, as every other value', async () => {
    const lower = await runPlan(['list', '--format', 'json', '--sort', 'id']);
    const upper = await runPlan(['list', '--format', 'JSON', '--sort', 'ID']);
    expect(upper).toEqual(lower);
    expect(lower.code).toBe(0);
    expect(JSON.parse(lower.stdout)[0].id).toBe('CB-1');
    expect((await runPlan(['validate', '--format', 'Sarif'])).stdout).toContain('"version": "2.1.0"');
  });

  it('refuses a format it does not have with exit 2, naming the ones it has', async () => {
    const { code, stderr } = await runPlan(['list', '--format', 'xml']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe("plan: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, json, yaml, csv, markdown.");
  });

  it('refuses an empty --out or --output file name with exit 2, writing nothing', async () => {
    for (const argv of [['report', '--out', ''], ['export', '--out', ' '], ['validate', '--format', 'json', '--output', '']]) {
      const { code, stdout, stderr } = await runPlan(argv);
      expect({ code, stdout }, argv.join(' ')).toEqual({ code: 2, stdout: '' });
      expect(stderr).toMatch(/^plan: --out(put)? '': give a file name\n$/);
    }
  });

  it('refuses --as-of after today, as set-status refuses --date after today', async () => {
    for (const command of ['list', 'units', 'report']) {
      const { code, stderr } = await runPlan([command, '--as-of', '2099-01-01']);
      expect({ code, stderr }, command).toEqual({ code: 2, stderr: `plan: --as-of 2099-01-01: after today (${TODAY}); the history goes no further\n` });
    }
    expect((await runPlan(['list', '--as-of', TODAY])).code).toBe(0);
  });

  it('sorts by plan, keeping plan order within each', async () => {
    const { stdout } = await runPlan(['list', '--all-plans', '--sort', 'plan', '--format', 'json'], { cwd: join(fixtures, 'workspace') });
    const plans = (JSON.parse(stdout) as { plan: string }[]).map((activity) => activity.plan);
    expect([...new Set(plans)]).toEqual(['frontex-easo-2019', 'frontex-emsa-efca-2021', 'frontex-euaa-2026']);
    expect(plans).toEqual([...plans].sort());
  });
});
