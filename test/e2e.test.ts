import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, fixtures, invalidScenarios, MINIMAL_PLAN, scenario, SHIPPED_PLAN, shippedRoot, tempDir } from './helpers.js';

/** Runs the built CLI as a user would, with a clean environment. */
function plan(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? shippedRoot,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('plan, end to end', () => {
  it('lists exactly the Risk Analysis Unit activities', () => {
    const { code, stdout, stderr } = plan(['list', '--unit', 'RAU', '--format', 'json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const activities = JSON.parse(stdout) as { plan: string; id: string; units: Record<string, string[]>; area: string; source: { file: string; line: number } }[];
    expect(activities.map((activity) => activity.id)).toEqual(['IA-1', 'IA-2', 'IA-4', 'CB-7', 'HC-2']);
    expect(activities.every((activity) => activity.units.frontex?.includes('RAU'))).toBe(true);
    expect(activities.map((activity) => activity.plan)).toEqual(activities.map(() => SHIPPED_PLAN));
    expect(activities[1]).toMatchObject({ plan: SHIPPED_PLAN, area: 'information-and-analysis', source: { file: `plan/${SHIPPED_PLAN}/information-and-analysis.yaml` } });
  });

  it('prints a table without colour when piped', () => {
    const { code, stdout } = plan(['list', '--unit', 'RAU']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^ID\s+Status\s+Title\s+Frontex\s+EASO$/);
    expect(stdout).toContain('IA-2');
    expect(stdout).not.toContain('IA-3');
    expect(stdout).not.toContain('\u001b');
  });

  it('finds the plan from a subfolder and with --plan-dir before or after the command', () => {
    expect(plan(['list', '--unit', 'RAU', '--format', 'json'], { cwd: join(shippedRoot, 'plan') }).code).toBe(0);
    const dir = scenario();
    expect(JSON.parse(plan(['--plan-dir', join(dir, 'plan'), 'list', '--unit', 'TU', '--format', 'json']).stdout)).toHaveLength(1);
    expect(JSON.parse(plan(['list', '--unit', 'TU', '--format', 'json', '--plan-dir', join(dir, 'plan')]).stdout)).toHaveLength(1);
    expect(JSON.parse(plan(['list', '--unit', 'TU', '--format', 'json'], { env: { PLAN_DIR: join(dir, 'plan') } }).stdout)).toHaveLength(1);
  });

  it('validates the shipped plan with exit 0', () => {
    expect(plan(['validate'])).toEqual({ code: 0, stdout: '0 errors, 0 warnings\n', stderr: '' });
    const json = plan(['validate', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it('exits 2 on usage errors, naming the closest value', () => {
    const unknownUnit = plan(['list', '--unit', 'RUA']);
    expect(unknownUnit).toEqual({ code: 2, stdout: '', stderr: 'plan: --unit RUA: no unit "RUA" (did you mean RAU?)\n' });
    expect(plan(['frobnicate']).code).toBe(2);
    expect(plan(['list', '--bogus']).code).toBe(2);
    expect(plan(['list', '--format', 'xml']).code).toBe(2);
    expect(plan(['validate', '--plan-dir', '/nonexistent/folder']).stderr).toBe('plan: --plan-dir /nonexistent/folder: no such directory\n');
  });

  it('exits 0 for --help and --version, with real examples in the help', () => {
    expect(plan(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    const help = plan(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('plan list --unit RAU');
    expect(help.stdout).toContain('plan list --area IA --status planned --with Europol --format csv');
    const listHelp = plan(['list', '--help']);
    expect(listHelp.code).toBe(0);
    for (const flag of ['--unit', '--party', '--area', '--status', '--not-status', '--with', '--search', '--format', '--sort']) expect(listHelp.stdout).toContain(flag);
    expect(listHelp.stdout).toContain('plan list --area IA --status planned --with Europol --format csv');
    for (const command of ['show', 'units']) expect(plan([command, '--help']).stdout).toContain(`plan ${command}`);
  });

  it('colours the table with FORCE_COLOR=1, not with NO_COLOR=1, --no-color or when piped', () => {
    const coloured = plan(['list', '--unit', 'RAU'], { env: { FORCE_COLOR: '1' } });
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toContain('\u001b[34mplanned\u001b[39m');
    expect(plan(['show', 'IA-2'], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(plan(['units'], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    for (const env of [{ NO_COLOR: '1' }, {}, { FORCE_COLOR: '0' }] as Record<string, string>[]) {
      for (const command of [['list', '--unit', 'RAU'], ['show', 'IA-2'], ['units']]) {
        expect(plan(command, { env }).stdout, `${JSON.stringify(env)} ${command[0]}`).not.toContain('\u001b');
      }
    }
    expect(plan(['list', '--unit', 'RAU', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b');
    for (const format of ['json', 'yaml', 'csv', 'markdown']) {
      expect(plan(['list', '--format', format], { env: { FORCE_COLOR: '1' } }).stdout, format).not.toContain('\u001b');
    }
  });

  it('answers show and units, and exits 2 for an unknown id', () => {
    expect(JSON.parse(plan(['show', 'IA-2', '--format', 'json']).stdout)).toMatchObject({ id: 'IA-2', with: ['Europol'] });
    expect(plan(['show', 'IA-22'])).toEqual({ code: 2, stdout: '', stderr: 'plan: no activity "IA-22" (did you mean IA-2?)\n' });
    const units = JSON.parse(plan(['units', '--party', 'frontex', '--format', 'json']).stdout) as { code: string; activities: number }[];
    expect(units.find((unit) => unit.code === 'RAU')?.activities).toBe(5);
  });

  it('keeps a committed STATUS.md honest: report --out, then --check passes until the plan changes', () => {
    const cwd = scenario();
    expect(plan(['report', '--unit', 'RAU', '--out', 'STATUS.md'], { cwd })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(cwd, 'STATUS.md'), 'utf8')).toMatch(/^# Test cooperation plan: status report\n\nAs of \d{4}-\d{2}-\d{2}\.\n/);
    expect(plan(['report', '--unit', 'RAU', '--check', 'STATUS.md'], { cwd })).toEqual({ code: 0, stdout: 'STATUS.md is up to date\n', stderr: '' });
    const area = join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml');
    writeFileSync(area, readFileSync(area, 'utf8').replace('title: Joint analysis', 'title: Joint analyses'));
    const stale = plan(['report', '--unit', 'RAU', '--check', 'STATUS.md'], { cwd });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/^plan: STATUS.md is out of date: line \d+ differs/);
  });

  it('exports the plan document and reports, with help for both', () => {
    const exported = plan(['export']);
    expect(exported.code).toBe(0);
    expect(exported.stdout.startsWith('# Cooperation Plan between Frontex and EASO\n')).toBe(true);
    expect(plan(['report', '--as-of', '2026-02-30'])).toEqual({ code: 2, stdout: '', stderr: 'plan: --as-of 2026-02-30: not a calendar date (expected YYYY-MM-DD, e.g. 2026-06-30)\n' });
    const help = plan(['report', '--help']).stdout;
    for (const flag of ['--unit', '--as-of', '--stale-days', '--out', '--check']) expect(help).toContain(flag);
    expect(plan(['export', '--help']).stdout).toContain('--out');
  });

  it('writes SARIF to --output while the text report goes to stdout', () => {
    const cwd = scenario('unknown-unit');
    const result = plan(['validate', '--format', 'sarif', '--output', 'plan.sarif'], { cwd });
    expect(result).toMatchObject({ code: 1, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^plan/${MINIMAL_PLAN}/training\\.yaml:\\d+:\\d+ error unknown-unit .*\\n1 error, 0 warnings\\n$`));
    expect(JSON.parse(readFileSync(join(cwd, 'plan.sarif'), 'utf8')).runs[0].results).toHaveLength(1);
    expect(plan(['validate', '--output', 'no/such/dir/x.sarif'], { cwd })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'plan: cannot write no/such/dir/x.sarif: its folder does not exist\n',
    });
  });

  it('init creates a plan validate accepts, and never overwrites one', () => {
    const cwd = tempDir();
    expect(plan(['init'], { cwd }).code).toBe(0);
    expect(plan(['validate'], { cwd })).toEqual({ code: 0, stdout: '0 errors, 0 warnings\n', stderr: '' });
    const workspace = readFileSync(join(cwd, 'plan', 'workspace.yaml'), 'utf8');
    const again = plan(['init'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^plan: plan\/workspace\.yaml already exists; plan init never overwrites/);
    expect(readFileSync(join(cwd, 'plan', 'workspace.yaml'), 'utf8')).toBe(workspace);
  });

  it('prints completion scripts for bash, zsh and fish, and refuses other shells', () => {
    expect(plan(['completion', 'bash']).stdout).toContain('complete -F _plan_completion plan');
    expect(plan(['completion', 'zsh']).stdout).toMatch(/^#compdef plan\n/);
    expect(plan(['completion', 'fish']).stdout).toContain("complete -c plan -f -a '(__plan_complete)'");
    const other = plan(['completion', 'powershell']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("'powershell' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.");
  });

  for (const name of invalidScenarios()) {
    it(`validate and list on ${name}: the right exit code, no stack trace`, () => {
      const cwd = scenario(name);
      // The files the case lays over the minimal workspace, as validate names them.
      const caseRoot = join(fixtures, 'invalid', name);
      const caseFiles = readdirSync(caseRoot, { recursive: true, encoding: 'utf8' })
        .filter((path) => statSync(join(caseRoot, path)).isFile())
        .map((path) => `plan/${path.split(sep).join('/')}`);
      const validate = plan(['validate', '--format', 'json'], { cwd });
      type Found = { file: string; line: number; column: number; rule: string; message: string };
      const report = JSON.parse(validate.stdout) as { valid: boolean; errors: Found[]; warnings: Found[] };
      expect(validate.code).toBe(report.valid ? 0 : 1);
      const found = [...report.errors, ...report.warnings];
      expect(found.length, 'a broken case gives at least one finding').toBeGreaterThan(0);
      expect(found.some((finding) => caseFiles.includes(finding.file)), `a finding in ${caseFiles.join(', ')}`).toBe(true);
      const list = plan(['list', '--unit', 'RAU', '--format', 'json'], { cwd });
      expect(list.code).toBe(report.valid ? 0 : 1);
      if (report.valid) {
        expect(list.stderr).toBe('');
      } else {
        expect(list.stdout).toBe('');
        // The refusal shows the first ten errors validate gives, in its text form.
        const shown = report.errors.slice(0, 10).map(({ file, line, column, rule, message }) => `${file}:${line}:${column} error ${rule} ${message}\n`);
        expect(list.stderr.startsWith(`plan: the workspace is invalid:\n${shown.join('')}`), list.stderr).toBe(true);
        expect(list.stderr).toMatch(/run plan validate for the full list\n$/);
      }
      for (const output of [validate.stderr, list.stderr]) expect(output).not.toMatch(/\n\s+at |internal error/);
    });
  }
});

