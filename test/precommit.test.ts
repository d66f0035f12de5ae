import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { devNull } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import packageJson from '../package.json' with { type: 'json' };
import { commitAll, git, initRepository } from './git/repository.js';
import { bin, fixtures, lockfileRegistry, MINIMAL_PLAN, root, SHIPPED_PLAN, shippedRoot, spawnText, tempDir } from './helpers.js';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
}

const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

describe('.pre-commit-hooks.yaml', () => {
  const hook = hooks.find((candidate) => candidate.id === 'plan-validate')!;

  it('declares plan-validate as a node hook that runs once per commit', () => {
    expect(hook).toMatchObject({ name: 'plan validate', language: 'node', pass_filenames: false });
  });

  it('runs a binary the package provides, and that entry validates the shipped plan', () => {
    const [command, ...args] = hook.entry.split(' ');
    expect(Object.keys(packageJson.bin)).toContain(command);
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: shippedRoot, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('0 errors, 0 warnings\n');
  });

  it('triggers on plan files and schemas only', () => {
    const files = new RegExp(hook.files);
    const workspaceFiles = ['plan/workspace.yaml', 'plan/organisations/frontex.yaml', `plan/${SHIPPED_PLAN}/plan.yaml`, `plan/${SHIPPED_PLAN}/capacity-building.yaml`, 'plan/x.yml'];
    for (const path of [...workspaceFiles, 'schemas/area.schema.json']) expect(path).toMatch(files);
    for (const path of ['README.md', 'src/cli.ts', `test/fixtures/minimal/plan/${MINIMAL_PLAN}/plan.yaml`, 'plan/notes.md', `plan/${SHIPPED_PLAN}/notes.md`]) expect(path).not.toMatch(files);
  });
});

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const installed = preCommit.status === 0;
const scratch = installed ? tempDir() : '';
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

// The hook as a plan's repository uses it: pre-commit clones this repository at a tag and
// installs it with Node.js (`language: node`: npm install, npm pack, npm install --global).
// Run where pre-commit is installed (CI installs Debian's); offline: npm installs through a
// registry that holds what package-lock.json pins, its files from npm's cache (lockfileRegistry()).
describe.skipIf(!installed)(`the pre-commit hook (${preCommit.stdout?.trim()})`, () => {
  it('installs, passes a valid plan and blocks a commit of an invalid one with the finding', { timeout: 300_000 }, async () => {
    const hooks = join(scratch, 'hooks');
    const listed = git(root, 'ls-files', '--cached', '--others', '--exclude-standard', '-z').split('\0').filter(Boolean);
    for (const path of listed) {
      mkdirSync(dirname(join(hooks, path)), { recursive: true });
      try {
        cpSync(join(root, path), join(hooks, path));
      } catch {
        // A file deleted in the working tree but not yet in the index: the hook repository goes without it.
      }
    }
    initRepository(hooks);
    commitAll(hooks, 'the hook', 'v0.0.0-test');

    const project = join(scratch, 'project');
    mkdirSync(project);
    initRepository(project);
    cpSync(join(fixtures, 'minimal', 'plan'), join(project, 'plan'), { recursive: true });
    writeFileSync(join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks}\n    rev: v0.0.0-test\n    hooks:\n      - id: plan-validate\n`);
    commitAll(project, 'a plan');

    const registry = await lockfileRegistry();
    const inherited = Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key));
    const env = {
      ...Object.fromEntries(inherited),
      PRE_COMMIT_HOME: join(scratch, 'cache'),
      GIT_CONFIG_GLOBAL: devNull,
      GIT_CONFIG_NOSYSTEM: '1',
      ...registry.npmEnv(join(scratch, 'npm-cache')),
    };
    try {
      const run = () => spawnText('pre-commit', ['run', '--all-files', '--color', 'never'], { cwd: project, env });

      const passing = await run();
      expect(passing.stdout + passing.stderr).toMatch(/^plan validate\.+Passed$/m);
      expect(passing.status).toBe(0);

      const area = join(project, 'plan', MINIMAL_PLAN, 'analysis.yaml');
      const broken = readFileSync(area, 'utf8').replace('north: [RAU]', 'north: [RUA]');
      writeFileSync(area, broken);
      const lines = broken.split('\n');
      const line = lines.findIndex((text) => text.includes('north: [RUA]'));
      const at = `${line + 1}:${lines[line]!.indexOf('RUA') + 1}`;
      const failing = await run();
      expect(failing.stdout).toMatch(/^plan validate\.+Failed$/m);
      expect(failing.stdout).toContain(`plan/${MINIMAL_PLAN}/analysis.yaml:${at} error unknown-unit north has no unit "RUA" (did you mean RAU?)`);
      expect(failing.status).toBe(1);
    } finally {
      await registry.close();
    }
  });
});
