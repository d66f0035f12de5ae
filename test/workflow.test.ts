import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bin, root, SHIPPED_PLAN, shippedPlan, tempDir } from './helpers.js';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
}

const workflow = parse(readFileSync(join(root, '.github', 'workflows', 'plan.yml'), 'utf8')) as {
  on: { pull_request: { paths: string[] } };
  jobs: { plan: { steps: Step[] } };
};
const steps = workflow.jobs.plan.steps;

/**
 * A pull request as the workflow sees it: a repository whose main branch holds the shipped plan
 * (as origin/main), and a head commit that changes IA-2's status. `npx plan` resolves to this
 * checkout's binary, as `npm ci` would make it.
 */
function pullRequest(change: (planDir: string) => void): string {
  const dir = tempDir();
  cpSync(shippedPlan, join(dir, 'plan'), { recursive: true });
  cpSync(join(root, 'schemas'), join(dir, 'schemas'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(bin, join(dir, 'node_modules', '.bin', 'plan'));
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
  writeFileSync(join(dir, 'package.json'), '{"name": "a-plan", "private": true}\n');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'The plan as signed');
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  git('checkout', '-q', '-b', 'change');
  change(join(dir, 'plan'));
  git('commit', '-q', '-am', 'A change');
  return dir;
}

/** Runs the workflow's `run:` steps after the install, with the GitHub variables a runner sets. */
function runSteps(dir: string) {
  const summary = join(dir, '..', `summary-${Date.now()}.md`);
  writeFileSync(summary, '');
  const results = steps
    .filter((step) => step.run !== undefined && step.name !== 'Install')
    .map((step) => {
      const result = spawnSync('bash', ['-e', '-c', step.run!], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: dir, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary, NO_COLOR: '1' },
      });
      return { name: step.name, code: result.status, stdout: result.stdout, stderr: result.stderr };
    });
  return { results, summary: readFileSync(summary, 'utf8') };
}

describe('the GitHub workflow', () => {
  it('runs on pull requests that touch the plan or the schemas, and keeps going after a failed check', () => {
    expect(workflow.on.pull_request.paths).toEqual(['plan/**', 'schemas/**']);
    expect(steps.find((step) => step.uses?.startsWith('actions/checkout'))).toMatchObject({ with: { 'fetch-depth': 0 } });
    expect(steps.filter((step) => step.run?.includes('GITHUB_STEP_SUMMARY')).every((step) => step.if === 'always()')).toBe(true);
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))).toMatchObject({ if: 'always()', with: { name: 'status-page', path: 'status.html' } });
  });

  it('publishes the status page to GitHub Pages from the default branch only when asked, with the permissions Pages requires', () => {
    const pages = parse(readFileSync(join(root, '.github', 'workflows', 'status-page.yml'), 'utf8')) as {
      permissions: Record<string, string>;
      jobs: { build: { if: string; steps: Step[] }; deploy: { needs: string; environment: { name: string }; steps: Step[] } };
    };
    expect(pages.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(pages.jobs.build.if).toBe("vars.PUBLISH_STATUS_PAGE == 'true' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch)");
    const uses = pages.jobs.build.steps.map((step) => step.uses?.replace(/@.*/, '')).filter(Boolean);
    expect(uses).toEqual(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/upload-pages-artifact']);
    expect(pages.jobs.build.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))).toMatchObject({ with: { path: '_site' } });
    expect([pages.jobs.deploy.needs, pages.jobs.deploy.environment.name, pages.jobs.deploy.steps[0]!.uses]).toEqual(['build', 'github-pages', 'actions/deploy-pages@v4']);
    // The page it publishes is the one plan writes.
    const dir = tempDir();
    cpSync(shippedPlan, join(dir, 'plan'), { recursive: true });
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(bin, join(dir, 'node_modules', '.bin', 'plan'));
    writeFileSync(join(dir, 'package.json'), '{"name": "a-plan", "private": true}\n');
    const step = pages.jobs.build.steps.find((candidate) => candidate.name === 'Status page')!;
    const result = spawnSync('bash', ['-e', '-c', step.run!], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1', npm_config_update_notifier: 'false' } });
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(readFileSync(join(dir, '_site', 'index.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes a valid change and writes the change and the totals to the job summary', () => {
    const dir = pullRequest((planDir) => {
      const file = join(planDir, SHIPPED_PLAN, 'information-and-analysis.yaml');
      const text = readFileSync(file, 'utf8');
      const edited = text.replace(
        /(- id: IA-2\n(?:.*\n)*?    status: )planned\n((?:.*\n)*?    history:\n      - date: 2019-07-18\n        status: planned\n)/,
        '$1in-progress\n$2      - date: 2026-11-20\n        status: in-progress\n        note: Kick-off meeting held\n',
      );
      expect(edited).not.toBe(text);
      writeFileSync(file, edited);
    });
    const { results, summary } = runSteps(dir);
    expect(results.map((result) => [result.name, result.code])).toEqual([
      ['Validate', 0],
      ['Changes in this pull request', 0],
      ['Status totals', 0],
      ['Status page', 0],
    ]);
    expect(results[0]!.stdout).toBe('');
    expect(readFileSync(join(dir, 'status.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*id="IA-2"[\s\S]*<span class="badge badge-in-progress">in-progress<\/span>/);
    expect(summary).toContain('the artifact **status-page** of this run');
    expect(summary).toContain('| IA-2 | Joint intelligence picture on secondary movements | planned | **in-progress** | 2026-11-20 | Kick-off meeting held |');
    expect(summary).toContain('20 activities: 13 planned, 1 in-progress, 6 ongoing, 0 completed, 0 on-hold, 0\ncancelled.');
    expect(summary).toContain('## By area');
    expect(summary).not.toContain('## Activities');
  });

  it('annotates a broken plan on the changed line and still writes the change to the summary', () => {
    const dir = pullRequest((planDir) => {
      const file = join(planDir, SHIPPED_PLAN, 'capacity-building.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('frontex: [RIU, RAU]', 'frontex: [RIU, RUA]'));
    });
    const line = readFileSync(join(dir, 'plan', SHIPPED_PLAN, 'capacity-building.yaml'), 'utf8').split('\n').findIndex((text) => text.includes('RUA')) + 1;
    const { results, summary } = runSteps(dir);
    expect(results.map((result) => [result.name, result.code])).toEqual([
      ['Validate', 1],
      ['Changes in this pull request', 0],
      ['Status totals', 1],
      ['Status page', 1],
    ]);
    expect(results[0]!.stdout).toMatch(
      new RegExp(`^::error file=plan/${SHIPPED_PLAN}/capacity-building\\.yaml,line=${line},col=\\d+,title=unknown-unit::frontex has no unit "RUA" \\(did you mean RAU\\?\\)\\n$`),
    );
    expect(summary).toContain('CB-7');
  });
});
