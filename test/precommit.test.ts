import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import packageJson from '../package.json' with { type: 'json' };
import { bin, root } from './helpers.js';

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
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('0 errors, 0 warnings\n');
  });

  it('triggers on plan files and schemas only', () => {
    const files = new RegExp(hook.files);
    for (const path of ['plan/plan.yaml', 'plan/capacity-building.yaml', 'plan/x.yml', 'schemas/area.schema.json']) expect(path).toMatch(files);
    for (const path of ['README.md', 'src/cli.ts', 'test/fixtures/minimal/plan/plan.yaml', 'plan/notes.md']) expect(path).not.toMatch(files);
  });
});
