import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hostileScenario, runPlan } from '../helpers.js';

describe('plan show', () => {
  it('tells everything about one activity, in the order a reader wants it', async () => {
    const { code, stdout, stderr } = await runPlan(['show', 'oc-1']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines.slice(0, 15)).toEqual([
      'OC-1  Consistent approach to the Migration Management Support Teams (MMST)',
      '',
      'Area     Operational cooperation (OC)',
      'Status   ongoing since 2019-07-18',
      'Frontex  FDU  Field Deployment Unit',
      '         PRU  Pooled Resource Unit',
      '         TRU  Training Unit',
      '         SEC  Security',
      'EASO     OU   Operations Unit',
      '         TU   Training Unit',
      '         SEC  Security Sector',
      'With     Europol',
      '         European Commission',
      'Related  CB-1  Joint training for MMST members',
      'Source   plan/frontex-easo-2019/operational-cooperation.yaml:7',
    ]);
    expect(stdout).toContain('\nBoth Agencies will aim to ensure a consistent approach');
    expect(stdout).toMatch(/\nActions\n {2}- .+\n/);
    expect(stdout).toMatch(/\nHistory\n {2}2019-07-18 {2}ongoing\n$/);
  });

  it('wraps the title and the text to the terminal', async () => {
    const { stdout } = await runPlan(['show', 'IA-1'], { columns: 50 });
    const lines = stdout.trimEnd().split('\n');
    // Every line fits, but for the source path: one word, kept whole so it can be copied, on its own line.
    expect(lines.filter((line) => line.length > 50)).toEqual(['Source   plan/frontex-easo-2019/information-and-analysis.yaml:7']);
    expect(lines[1]).toMatch(/^ {6}\S/);
    expect(stdout).toMatch(/\n {2}- Regular exchange of agreed raw data, and\n {4}provision/);
  });

  it('gives the object plan list gives, in JSON and YAML', async () => {
    const listed = JSON.parse((await runPlan(['list', '--search', 'IA-2', '--format', 'json'])).stdout) as unknown[];
    const json = await runPlan(['show', 'IA-2', '--format', 'json']);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toEqual(listed[0]);
    expect(parse((await runPlan(['show', 'ia-2', '--format', 'yaml'])).stdout)).toEqual(listed[0]);
  });

  it('colours the status only when colour is on', async () => {
    expect((await runPlan(['show', 'IA-2'], { color: true })).stdout).toContain('\u001b[34mplanned\u001b[39m');
    expect((await runPlan(['show', 'IA-2'], { color: true, env: {} })).stdout).toContain('\u001b[');
    expect((await runPlan(['show', 'IA-2', '--no-color'], { color: true })).stdout).not.toContain('\u001b');
  });

  it('exits 2 for an unknown id, naming the closest', async () => {
    expect(await runPlan(['show', 'IA-9'])).toEqual({ code: 2, stdout: '', stderr: 'plan: no activity "IA-9" (did you mean IA-1?)\n' });
    expect(await runPlan(['show', 'HC2'])).toEqual({ code: 2, stdout: '', stderr: 'plan: no activity "HC2" (did you mean HC-2?)\n' });
    expect((await runPlan(['show'])).code).toBe(2);
    expect((await runPlan(['show', 'IA-2', '--format', 'csv'])).code).toBe(2);
  });

  it('shows hostile text harmlessly', async () => {
    const { code, stdout } = await runPlan(['show', 'AN-1'], { cwd: hostileScenario() });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(stdout).toContain('# Not a heading\n1. not a list');
    expect(stdout).toContain('  - two lines\n');
  });
});
