import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { fixtures, lockfileRegistry, root, spawnText, tempDir, type LockfileRegistry } from './helpers.js';

// npm as run from this test: offline (everything comes from the tarball and npm's cache, the
// installs through lockfileRegistry()), and without the settings `npm test` passes down that
// would point it at this checkout or another registry or cache.
function npmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !/^npm_(package_|lifecycle_|config_(prefix|local_prefix|global_prefix|registry|cache|offline|prefer_offline|prefer_online)$)/i.test(key));
  return { ...Object.fromEntries(inherited), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function npm(args: string[], cwd: string, extra: Record<string, string> = {}): Run {
  return spawnSync('npm', args, { cwd, env: npmEnv(extra), encoding: 'utf8' });
}

/** npm without blocking this process, so the registry below can answer it. */
function npmAsync(args: string[], cwd: string, extra: Record<string, string> = {}): Promise<Run> {
  return spawnText('npm', args, { cwd, env: npmEnv(extra) });
}

// The shell lines of the README's ```sh blocks, comments and continuation aside.
function readmeShellLines(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
  return blocks.flatMap((block) => block.split('\n')).map((line) => line.replace(/\s+#.*$/, '').trim()).filter(Boolean);
}

const scratch: string[] = [];
function scratchDir(): string {
  const dir = tempDir();
  scratch.push(dir);
  return dir;
}
// Installs go through a registry that holds what package-lock.json pins, its files from npm's cache.
let registry: LockfileRegistry;
beforeAll(async () => {
  registry = await lockfileRegistry();
});
afterAll(async () => {
  await registry.close();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('the npm package', () => {
  let tarball = '';
  let packedFiles: string[] = [];

  // `npm pack` would run `prepack` (the build) while other test files run the built CLI; npm test
  // has just built dist/, so the pack skips scripts and takes dist/ as it is.
  beforeAll(() => {
    expect(existsSync(join(root, 'dist', 'plan.cjs')), 'dist/ is missing: run npm run build (npm test does)').toBe(true);
    const packs = scratchDir();
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packs], { cwd: root, env: npmEnv(), encoding: 'utf8' })) as {
      filename: string;
      files: { path: string }[];
    }[];
    tarball = join(packs, pack!.filename);
    packedFiles = pack!.files.map((file) => file.path);
  }, 120_000);

  it('packs the program, its schemas, the README and its pictures, the licence and nothing of the sources', () => {
    for (const path of packedFiles) expect(path).toMatch(/^(bin|dist|schemas)\/|^docs\/[\w-]+\.png$|^(README\.md|BENCHMARKS\.md|LICENSE|package\.json|\.github\/workflows\/(?:plan|status-page)\.yml)$/);
    expect(packedFiles).toEqual(expect.arrayContaining(['bin/plan.js', 'bin/package.json', 'dist/plan.cjs', 'dist/loadBundle.cjs', 'schemas/area.schema.json', 'README.md', 'LICENSE']));
  });

  it('names a licence whose full text it ships', () => {
    expect(packageJson.license).toBe('EUPL-1.2');
    const licence = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(licence).toMatch(/^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2\n/);
    expect(licence).toContain('15.Applicable Law');
    expect(licence).toContain('Appendix');
  });

  it('declares no script that runs where it is installed', () => {
    const scripts: Record<string, string> = packageJson.scripts;
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare']) expect(scripts, hook).not.toHaveProperty(hook);
  });

  it('depends on exactly the packages the bundle loads at run time', () => {
    // Every file that runs where the package is installed: bin/plan.js and the bundles in dist/.
    const runTime = ['bin/plan.js', ...readdirSync(join(root, 'dist')).filter((name) => name.endsWith('.cjs')).map((name) => `dist/${name}`)];
    expect(runTime).toEqual(expect.arrayContaining(['bin/plan.js', 'dist/plan.cjs', 'dist/docx.cjs', 'dist/loadBundle.cjs']));
    const required = new Set(runTime.flatMap((file) => [...readFileSync(join(root, file), 'utf8').matchAll(/\brequire\((["'])([^"']+)\1\)/g)].map((match) => match[2]!)));
    const packages = [...required]
      .filter((name) => !name.startsWith('.') && !name.startsWith('node:') && !builtinModules.includes(name))
      .map((name) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/'));
    // What the build leaves outside the bundle is loaded from node_modules at run time (some on demand, by name).
    const buildScript = readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8');
    const external = JSON.parse(/external: (\[[^\]]*\])/.exec(buildScript)![1]!.replace(/'/g, '"')) as string[];
    for (const name of packages) expect(external, `${name} is required at run time`).toContain(name);
    // docx and fflate are external to plan.cjs only because dist/docx.cjs carries them.
    const inWordBundle = [...buildScript.matchAll(/export \* as \w+ from '([^']+)'/g)].map((match) => match[1]!);
    expect(inWordBundle).toEqual(['docx', 'fflate']);
    const loadedFromNodeModules = [...new Set([...packages, ...external])].filter((name) => !inWordBundle.includes(name));
    expect(loadedFromNodeModules.sort()).toEqual(['diff', 'yaml']);
    expect(Object.keys(packageJson.dependencies).sort()).toEqual(loadedFromNodeModules);
  });

  it('every link of the packaged README leads to a file in the package or to a web address', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      if (/^https:\/\//.test(target)) continue;
      expect(packedFiles, `README links to ${target}`).toContain(target.replace(/#.*$/, ''));
    }
  });

  describe('installed from the tarball, offline, into an empty project', () => {
    let app = '';
    let install: Run;
    const plan = (args: string[], cwd = app) => spawnSync(join(app, 'node_modules', '.bin', 'plan'), args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

    // The README's own install line for a project, with the registry's name replaced by the tarball.
    beforeAll(async () => {
      app = scratchDir();
      npm(['init', '--yes'], app);
      const line = readmeShellLines().find((command) => command.startsWith('npm install --save-dev') && command.includes(packageJson.name));
      expect(line, 'the README says how to install the package into a project').toBeDefined();
      install = await npmAsync(line!.replace(/^npm /, '').replace(packageJson.name, tarball).split(' '), app, registry.npmEnv(scratchDir()));
      cpSync(join(fixtures, 'minimal', 'plan'), join(app, 'plan'), { recursive: true });
    }, 120_000);

    it('installs with no warning and no script', () => {
      expect(install.status, install.stderr).toBe(0);
      expect(install.stderr).not.toMatch(/script/i);
      const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
      expect(Object.keys(manifest.devDependencies)).toEqual([packageJson.name]);
    });

    it('brings only its run-time dependencies with it', () => {
      const tree = JSON.parse(npm(['ls', '--all', '--json'], app).stdout) as Tree;
      const names = new Set<string>();
      const walk = (node: Tree) => {
        for (const [name, child] of Object.entries(node.dependencies ?? {})) {
          names.add(name);
          walk(child);
        }
      };
      const installed = tree.dependencies![packageJson.name]!;
      expect(Object.keys(installed.dependencies ?? {}).sort()).toEqual(Object.keys(packageJson.dependencies).sort());
      walk(installed);
      // Nothing that only builds or tests plan comes along (docx itself depends on @types/node).
      const buildOnly = Object.keys(packageJson.devDependencies).filter((name) => name !== '@types/node');
      for (const name of buildOnly) expect([...names]).not.toContain(name);
    });

    it('runs every command', () => {
      const help = plan(['--help']);
      expect(help.status).toBe(0);
      const listed = help.stdout.slice(help.stdout.indexOf('Commands:')).split('\n\n')[0]!.split('\n').slice(1);
      const commands = listed.map((line) => /^ {2}([a-z-]+)/.exec(line)?.[1]).filter((name) => name !== undefined);
      // What each command is run with; a command the program has and this table lacks fails the test.
      const runs: Record<string, { args: string[]; stdout: RegExp }> = {
        list: { args: ['list', '--unit', 'RAU', '--format', 'csv'], stdout: /^plan,id,title,status/ },
        show: { args: ['show', 'AN-1'], stdout: /^AN-1 {2}Joint analysis/ },
        plans: { args: ['plans', '--format', 'csv'], stdout: /^plan,title,parties,.*\r\nnorth-south,Test cooperation plan,North; South,/ },
        units: { args: ['units', '--format', 'json'], stdout: /"code": "RAU"/ },
        validate: { args: ['validate'], stdout: /^0 errors, 0 warnings\n$/ },
        report: { args: ['report', '--as-of', '2026-01-01'], stdout: /^# .*status report/ },
        export: { args: ['export'], stdout: /^# Test cooperation plan/ },
        'set-status': { args: ['set-status', 'AN-1', 'in-progress', '--date', '2026-01-01', '--dry-run'], stdout: /^\+ {4}status: in-progress/m },
        note: { args: ['note', 'AN-1', 'Kick-off held', '--date', '2026-01-01', '--dry-run'], stdout: /^\+ +note: Kick-off held/m },
        diff: { args: ['diff', '--help'], stdout: /^Usage: plan diff/ },
        // A workspace of its own, so the commands after it still see the one plan.
        init: { args: ['init', '--plan-dir', 'elsewhere'], stdout: /^created / },
        completion: { args: ['completion', 'bash'], stdout: /complete/ },
        help: { args: ['help', 'list'], stdout: /^Usage: plan list/ },
      };
      expect(commands.length).toBeGreaterThan(5);
      for (const command of commands) {
        expect(runs, `no run for plan ${command}`).toHaveProperty(command);
        const run = runs[command]!;
        const result = plan(run.args);
        expect({ command, status: result.status, stderr: result.stderr }).toEqual({ command, status: 0, stderr: '' });
        expect(result.stdout, command).toMatch(run.stdout);
      }
      // The Word library travels in the package's own bundle, not as a dependency.
      const word = spawnSync(join(app, 'node_modules', '.bin', 'plan'), ['export', '--format', 'docx'], { cwd: app, env: { ...process.env, NO_COLOR: '1' } });
      expect([word.status, word.stderr.toString()]).toEqual([0, '']);
      expect(word.stdout.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    });

    it('points the modelines of a new workspace at the schemas it installed', () => {
      const fresh = join(app, 'fresh');
      expect(plan(['init', '--plan-dir', fresh]).status).toBe(0);
      const schemas = (depth: number) => `${'../'.repeat(depth)}node_modules/cooperation-plan/schemas`;
      expect(readFileSync(join(fresh, 'workspace.yaml'), 'utf8')).toMatch(new RegExp(`^# yaml-language-server: \\$schema=${schemas(1)}/workspace\\.schema\\.json\n`));
      expect(readFileSync(join(fresh, 'cooperation-plan', 'plan.yaml'), 'utf8')).toMatch(new RegExp(`^# yaml-language-server: \\$schema=${schemas(2)}/plan\\.schema\\.json\n`));
      const organisations = readdirSync(join(fresh, 'organisations'));
      expect(organisations.length).toBeGreaterThan(0);
      for (const name of organisations) {
        expect(readFileSync(join(fresh, 'organisations', name), 'utf8')).toMatch(new RegExp(`^# yaml-language-server: \\$schema=${schemas(2)}/organisation\\.schema\\.json\n`));
      }
      expect(plan(['validate', '--plan-dir', fresh])).toMatchObject({ status: 0, stdout: '0 errors, 0 warnings\n' });
    });
  });

  it('installs globally as the README says, and the plan command runs', { timeout: 120_000 }, async () => {
    const prefix = scratchDir();
    const line = readmeShellLines().find((command) => command.startsWith('npm install --global') && command.includes(packageJson.name));
    expect(line, 'the README says how to install the package globally').toBeDefined();
    const install = await npmAsync(line!.replace(/^npm /, '').replace(packageJson.name, tarball).split(' '), prefix, { ...registry.npmEnv(scratchDir()), npm_config_prefix: prefix });
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/script/i);
    const version = spawnSync(join(prefix, 'bin', 'plan'), ['--version'], { encoding: 'utf8' });
    expect(version).toMatchObject({ status: 0, stdout: `${packageJson.version}\n` });
  });

  it('every README line that names the package is one the tests run', () => {
    const naming = readmeShellLines().filter((line) => line.includes(packageJson.name));
    expect(naming.sort()).toEqual([expect.stringMatching(/^npm install --global /), expect.stringMatching(/^npm install --save-dev /)]);
  });
});

interface Tree {
  dependencies?: Record<string, Tree>;
}
