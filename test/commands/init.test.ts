import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { init } from '../../src/commands/init.js';
import { validate } from '../../src/commands/validate.js';
import { UsageError } from '../../src/errors.js';
import { captureIo, root, tempDir } from '../helpers.js';

const files = ['operational-cooperation.yaml', 'plan.yaml', 'units.yaml'];

describe('plan init', () => {
  it('creates plan/ with three files that plan validate accepts without a finding', async () => {
    const cwd = tempDir();
    const io = captureIo({ cwd });
    expect(await init({ color: false }, io)).toBe(0);
    expect(readdirSync(join(cwd, 'plan')).sort()).toEqual(files);
    expect(io.out()).toBe(
      'created plan/plan.yaml, plan/units.yaml, plan/operational-cooperation.yaml\n' +
        'next: name the parties in plan.yaml and their units in units.yaml, add activities, then run plan validate\n',
    );
    expect(io.err()).toBe('');
    const check = captureIo({ cwd });
    expect(await validate({ format: 'text', color: false }, check)).toBe(0);
    expect(check.out()).toBe('0 errors, 0 warnings\n');
  });

  it('points each modeline at this installation\'s schema for that kind of file', async () => {
    const cwd = tempDir();
    await init({ dir: 'deep/er/plans', color: false }, captureIo({ cwd }));
    const kinds: Record<string, string> = { 'plan.yaml': 'plan', 'units.yaml': 'units', 'operational-cooperation.yaml': 'area' };
    for (const [file, kind] of Object.entries(kinds)) {
      const first = readFileSync(join(cwd, 'deep/er/plans', file), 'utf8').split('\n')[0]!;
      const path = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
      expect(path).toMatch(new RegExp(`/${kind}\\.schema\\.json$`));
      expect(resolve(cwd, 'deep/er/plans', path!)).toBe(join(root, 'schemas', `${kind}.schema.json`));
    }
  });

  it('takes the folder from DIR, else --plan-dir, else PLAN_DIR, and says how to validate it', async () => {
    const cwd = tempDir();
    const io = captureIo({ cwd, env: { PLAN_DIR: 'from-env' } });
    await init({ planDir: 'from-flag', color: false }, io);
    expect(existsSync(join(cwd, 'from-flag', 'plan.yaml'))).toBe(true);
    expect(io.out()).toContain('then run plan validate --plan-dir from-flag\n');
    const fromEnv = captureIo({ cwd, env: { PLAN_DIR: 'from-env' } });
    await init({ color: false }, fromEnv);
    expect(fromEnv.out()).toContain('then run plan validate\n');
    expect(readdirSync(join(cwd, 'from-env')).sort()).toEqual(files);
  });

  it('refuses a folder that holds YAML files, leaving it untouched', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'plan'));
    writeFileSync(join(cwd, 'plan', 'plan.yaml'), 'title: mine\n');
    await expect(init({ color: false }, captureIo({ cwd }))).rejects.toThrow(
      new UsageError('plan/plan.yaml already exists; plan init never overwrites (give it a new or empty folder)'),
    );
    expect(readdirSync(join(cwd, 'plan'))).toEqual(['plan.yaml']);
    expect(readFileSync(join(cwd, 'plan', 'plan.yaml'), 'utf8')).toBe('title: mine\n');
    writeFileSync(join(cwd, 'plan', 'notes.yml'), '');
    await expect(init({ color: false }, captureIo({ cwd }))).rejects.toThrow(/^plan\/notes\.yml and 1 more YAML file already exist;/);
  });

  it('refuses a DIR that is a file', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'plan'), '');
    await expect(init({ color: false }, captureIo({ cwd }))).rejects.toThrow(new UsageError('plan: not a directory'));
  });

  it('notes when the modelines leave the project, as with a global install', async () => {
    const project = tempDir();
    mkdirSync(join(project, '.git'));
    const io = captureIo({ cwd: project });
    await init({ color: false }, io);
    expect(io.err()).toMatch(/^note: the editor modelines point at \S+\/schemas, outside this project, where other checkouts will not find the schemas;/);
  });
});
