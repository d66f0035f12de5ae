import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { root, shippedPlan, tempDir } from './helpers.js';

// npm as run from this test: without the settings `npm test` passes down that would point it at this checkout.
function npm(args: string[], cwd: string): string {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_(package_|lifecycle_|config_(prefix|local_prefix|global_prefix)$)/i.test(key)),
  );
  return execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('the npm package', () => {
  // `npm pack` would run `prepare` (the build) while other test files run the built CLI; npm test
  // has just built dist/, so the pack skips scripts and takes dist/ as it is.
  it('packs bin, dist, schemas and the README, installs, and runs its plan', { timeout: 240_000 }, () => {
    expect(existsSync(join(root, 'dist', 'plan.cjs')), 'dist/ is missing: run npm run build (npm test does)').toBe(true);
    const packs = tempDir();
    const [pack] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packs], root)) as {
      filename: string;
      files: { path: string }[];
    }[];
    const paths = pack!.files.map((file) => file.path);
    for (const path of paths) expect(path).toMatch(/^(bin|dist|schemas)\/|^(README\.md|package\.json|LICEN[CS]E.*)$/);
    expect(paths).toEqual(expect.arrayContaining(['bin/plan.js', 'bin/package.json', 'dist/plan.cjs', 'dist/loadBundle.cjs', 'schemas/area.schema.json', 'schemas/plan.schema.json', 'schemas/units.schema.json', 'README.md']));

    const app = tempDir();
    writeFileSync(join(app, 'package.json'), '{ "name": "plan-user", "private": true }\n');
    npm(['install', join(packs, pack!.filename), '--no-audit', '--no-fund', '--omit=dev', '--prefer-offline'], app);
    const plan = (args: string[]) => spawnSync(join(app, 'node_modules', '.bin', 'plan'), args, { cwd: app, encoding: 'utf8' });

    expect(plan(['--version'])).toMatchObject({ status: 0, stdout: `${packageJson.version}\n`, stderr: '' });
    expect(plan(['validate', '--plan-dir', shippedPlan])).toMatchObject({ status: 0, stdout: '0 errors, 0 warnings\n', stderr: '' });

    // A new plan in the project points its editors at the installed schemas, inside node_modules.
    expect(plan(['init']).status).toBe(0);
    expect(readFileSync(join(app, 'plan', 'units.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/node_modules\/plan\/schemas\/units\.schema\.json\n/);
    expect(plan(['validate'])).toMatchObject({ status: 0, stdout: '0 errors, 0 warnings\n' });
  });
});
