import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addPlanId } from '../../src/domain/scaffoldPlan.js';
import { init } from '../../src/commands/init.js';
import { UsageError } from '../../src/errors.js';
import { captureIo, fixtures, root, runPlan, tempDir } from '../helpers.js';

/** Every file under `dir`, relative to it, with `/`, sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Every file under `dir` with its text. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
}

const NEW_WORKSPACE = [
  'cooperation-plan/operational-cooperation.yaml',
  'cooperation-plan/plan.yaml',
  'organisations/party-a.yaml',
  'organisations/party-b.yaml',
  'workspace.yaml',
];

/** Runs `plan validate` in `cwd` and expects a workspace without a finding. */
async function expectValid(cwd: string, ...args: string[]) {
  expect(await runPlan(['validate', ...args], { cwd })).toEqual({ code: 0, stdout: '0 errors, 0 warnings\n', stderr: '' });
}

/** A copy of the minimal workspace (plan north-south; organisations europol, north, south) in a folder of its own; returns the folder to run in. */
function workspaceCopy(): string {
  const cwd = tempDir();
  cpSync(join(fixtures, 'minimal', 'plan'), join(cwd, 'plan'), { recursive: true });
  return cwd;
}

describe('plan init, where there is no workspace', () => {
  it('creates a workspace in plan/ that plan validate accepts without a finding, and plan list works in', async () => {
    const cwd = tempDir();
    const result = await runPlan(['init'], { cwd });
    expect(result).toEqual({
      code: 0,
      stdout:
        'created plan/workspace.yaml, plan/organisations/party-a.yaml, plan/organisations/party-b.yaml, ' +
        'plan/cooperation-plan/plan.yaml, plan/cooperation-plan/operational-cooperation.yaml\n' +
        'next: name the organisations in organisations/, give the plan its title, add its activities, then run plan validate\n',
      stderr: '',
    });
    expect(readdirSync(cwd)).toEqual(['plan']);
    expect(filesUnder(join(cwd, 'plan'))).toEqual(NEW_WORKSPACE);
    await expectValid(cwd);
    expect(await runPlan(['list', '--format', 'json'], { cwd })).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    const plans = await runPlan(['plans', '--format', 'json'], { cwd });
    expect(plans.code).toBe(0);
    expect((JSON.parse(plans.stdout) as { id: string }[]).map((plan) => plan.id)).toEqual(['cooperation-plan']);
    const table = await runPlan(['units'], { cwd });
    expect(table.code).toBe(0);
  });

  it('names the plan and its parties as asked', async () => {
    const cwd = tempDir();
    expect((await runPlan(['init', 'frontex-euaa-2026', '--parties', 'frontex,euaa', '--parties', 'efca'], { cwd })).code).toBe(0);
    expect(filesUnder(join(cwd, 'plan'))).toEqual([
      'frontex-euaa-2026/operational-cooperation.yaml',
      'frontex-euaa-2026/plan.yaml',
      'organisations/efca.yaml',
      'organisations/euaa.yaml',
      'organisations/frontex.yaml',
      'workspace.yaml',
    ]);
    const plan = readFileSync(join(cwd, 'plan', 'frontex-euaa-2026', 'plan.yaml'), 'utf8');
    expect(plan).toContain('title: Cooperation plan between Frontex, Euaa and Efca\nparties:\n  - organisation: frontex\n  - organisation: euaa\n  - organisation: efca\nareas:\n  - operational-cooperation\n');
    expect(readFileSync(join(cwd, 'plan', 'workspace.yaml'), 'utf8')).toContain('plans:\n  - frontex-euaa-2026\n');
    expect(readFileSync(join(cwd, 'plan', 'organisations', 'euaa.yaml'), 'utf8')).toContain('\nid: euaa\nname: Euaa\nshort_name: Euaa\nunits: []\n');
    await expectValid(cwd);
  });

  it('refuses a plan id or a party that is no id, and --from, writing nothing', async () => {
    const cwd = tempDir();
    await expect(init({ planId: 'Plan 2026', color: false }, captureIo({ cwd }))).rejects.toThrow(
      new UsageError('plan id "Plan 2026": use lower-case letters, digits and hyphens, e.g. frontex-euaa-2026'),
    );
    await expect(init({ parties: ['frontex,EU LISA'], color: false }, captureIo({ cwd }))).rejects.toThrow(
      new UsageError('--parties: "eu lisa" is no organisation id (lower-case letters, digits and hyphens)'),
    );
    await expect(init({ parties: ['frontex,frontex'], color: false }, captureIo({ cwd }))).rejects.toThrow(new UsageError('--parties: frontex is named twice'));
    await expect(init({ from: 'old', color: false }, captureIo({ cwd }))).rejects.toThrow(new UsageError('--from old: there is no workspace yet to take a plan from'));
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("points each modeline at this installation's schema for that kind of file", async () => {
    const cwd = tempDir();
    expect(await init({ planDir: 'deep/er/plans', color: false }, captureIo({ cwd }))).toBe(0);
    const kinds: Record<string, string> = {
      'workspace.yaml': 'workspace',
      'organisations/party-a.yaml': 'organisation',
      'cooperation-plan/plan.yaml': 'plan',
      'cooperation-plan/operational-cooperation.yaml': 'area',
    };
    expect(Object.keys(kinds).sort()).toEqual(filesUnder(join(cwd, 'deep/er/plans')).filter((file) => file !== 'organisations/party-b.yaml'));
    for (const [file, kind] of Object.entries(kinds)) {
      const path = join(cwd, 'deep/er/plans', file);
      const first = readFileSync(path, 'utf8').split('\n')[0]!;
      const schema = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
      expect(schema, file).toMatch(new RegExp(`/${kind}\\.schema\\.json$`));
      expect(resolve(path, '..', schema!), file).toBe(join(root, 'schemas', `${kind}.schema.json`));
    }
  });

  it('takes the folder from --plan-dir, else PLAN_DIR, and says how to validate it', async () => {
    const cwd = tempDir();
    const io = captureIo({ cwd, env: { PLAN_DIR: 'from-env' } });
    expect(await init({ planDir: 'from-flag', color: false }, io)).toBe(0);
    expect(existsSync(join(cwd, 'from-flag', 'workspace.yaml'))).toBe(true);
    expect(io.out()).toContain('then run plan validate --plan-dir from-flag\n');
    await expectValid(cwd, '--plan-dir', 'from-flag');
    const fromEnv = captureIo({ cwd, env: { PLAN_DIR: 'from-env' } });
    expect(await init({ color: false }, fromEnv)).toBe(0);
    expect(fromEnv.out()).toContain('then run plan validate\n');
    expect(filesUnder(join(cwd, 'from-env'))).toEqual(NEW_WORKSPACE);
    expect(readdirSync(cwd).sort()).toEqual(['from-env', 'from-flag']);
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
    expect(readdirSync(join(cwd, 'plan')).sort()).toEqual(['notes.yml', 'plan.yaml']);
  });

  it('refuses a folder that is a file', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'plan'), '');
    await expect(init({ color: false }, captureIo({ cwd }))).rejects.toThrow(new UsageError('plan: not a directory'));
    expect(readFileSync(join(cwd, 'plan'), 'utf8')).toBe('');
  });

  it('notes when the modelines leave the project, as with a global install', async () => {
    const project = tempDir();
    mkdirSync(join(project, '.git'));
    const io = captureIo({ cwd: project });
    expect(await init({ color: false }, io)).toBe(0);
    expect(io.err()).toMatch(/^note: the editor modelines point at \S+\/schemas, outside this project, where other checkouts will not find the schemas;/);
  });
});

describe('plan init in a workspace', () => {
  it('without a plan id is refused, and changes nothing', async () => {
    const cwd = workspaceCopy();
    const before = snapshot(join(cwd, 'plan'));
    expect(await runPlan(['init'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: plan/workspace.yaml already exists; plan init never overwrites (plan init PLAN-ID adds a plan to this workspace)\n',
    });
    // Also from inside a plan's folder, where the workspace is found upwards.
    expect((await runPlan(['init'], { cwd: join(cwd, 'plan', 'north-south') })).code).toBe(2);
    expect(snapshot(join(cwd, 'plan'))).toEqual(before);
  });

  it('adds a plan: new files only, its id appended to workspace.yaml, every existing byte kept', async () => {
    const cwd = workspaceCopy();
    const before = snapshot(join(cwd, 'plan'));
    const result = await runPlan(['init', 'north-south-2027', '--parties', 'north,south,west'], { cwd });
    expect(result).toEqual({
      code: 0,
      stdout:
        'created plan/organisations/west.yaml, plan/north-south-2027/plan.yaml, plan/north-south-2027/operational-cooperation.yaml; ' +
        'added north-south-2027 to plan/workspace.yaml\n' +
        'next: name the organisations in organisations/, give the plan its title, add its activities, then run plan validate\n',
      stderr: '',
    });
    const after = snapshot(join(cwd, 'plan'));
    expect(Object.keys(after)).toEqual(
      [...Object.keys(before), 'north-south-2027/operational-cooperation.yaml', 'north-south-2027/plan.yaml', 'organisations/west.yaml'].sort(),
    );
    for (const [file, text] of Object.entries(before)) {
      if (file !== 'workspace.yaml') expect(after[file], file).toBe(text);
    }
    expect(after['workspace.yaml']).toBe(`${before['workspace.yaml']}  - north-south-2027\n`);
    // The known parties by their names in the title, the new one by its id.
    expect(after['north-south-2027/plan.yaml']).toContain('title: Cooperation plan between North, South and West\n');
    await expectValid(cwd);
    const plans = JSON.parse((await runPlan(['plans', '--format', 'json'], { cwd })).stdout) as { id: string }[];
    expect(plans.map((plan) => plan.id)).toEqual(['north-south', 'north-south-2027']);
  });

  it('with --from, follows that plan: its parties and areas, superseding it, its open activities carried over', async () => {
    const cwd = workspaceCopy();
    expect((await runPlan(['init', 'north-south-2027', '--from', 'north-south'], { cwd })).code).toBe(0);
    const dir = join(cwd, 'plan', 'north-south-2027');
    expect(readdirSync(dir).sort()).toEqual(['analysis.yaml', 'plan.yaml', 'training.yaml']);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toContain(
      'parties:\n  - organisation: north\n  - organisation: south\nsupersedes: north-south\nareas:\n  - analysis\n  - training\n',
    );
    expect(readFileSync(join(dir, 'training.yaml'), 'utf8')).toContain('\nid: training\ntitle: "Training"\nprefix: TR\nactivities:\n  - id: TR-1\n');
    await expectValid(cwd);
    // The superseded plan leaves the default scope: the new one carries its three open activities on.
    const current = JSON.parse((await runPlan(['list', '--format', 'json'], { cwd })).stdout) as { plan: string; continues: string }[];
    expect(current.map((activity) => `${activity.plan} ${activity.continues}`)).toEqual(['north-south-2027 north-south/AN-1', 'north-south-2027 north-south/AN-2', 'north-south-2027 north-south/TR-1']);
    expect(JSON.parse((await runPlan(['list', '--all-plans', '--format', 'json'], { cwd })).stdout)).toHaveLength(6);
  });

  it('refuses a plan id the workspace has, an unknown --from, and an invalid workspace, changing nothing', async () => {
    const cwd = workspaceCopy();
    const before = snapshot(join(cwd, 'plan'));
    expect(await runPlan(['init', 'north-south'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: plan/north-south already exists; plan init never overwrites (choose another plan id)\n',
    });
    expect(await runPlan(['init', 'next', '--from', 'north-sout'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: --from north-sout: no plan "north-sout" in the workspace (did you mean north-south?)\n',
    });
    expect(snapshot(join(cwd, 'plan'))).toEqual(before);
    writeFileSync(join(cwd, 'plan', 'organisations', 'north.yaml'), before['organisations/north.yaml']!.replace('id: north', 'id: nord'));
    const broken = snapshot(join(cwd, 'plan'));
    const refused = await runPlan(['init', 'next'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^plan: the workspace is invalid:\nplan\/organisations\/north\.yaml:\d+:\d+ error /);
    expect(snapshot(join(cwd, 'plan'))).toEqual(broken);
  });
});

describe('adding a plan id to workspace.yaml', () => {
  it('appends to a block list, a flow list or an empty one, keeping comments, CRLF and a byte-order mark', () => {
    expect(addPlanId('# head\nplans:\n  - a   # first\n  - b\n# tail\ntimezone: UTC\n', 'c')).toBe('# head\nplans:\n  - a   # first\n  - b\n  - c\n# tail\ntimezone: UTC\n');
    expect(addPlanId('plans:\n- a', 'b')).toBe('plans:\n- a\n- b\n');
    expect(addPlanId('\ufeffplans:\r\n  - a\r\ntimezone: UTC\r\n', 'b')).toBe('\ufeffplans:\r\n  - a\r\n  - b\r\ntimezone: UTC\r\n');
    expect(addPlanId('plans: [a, b]  # two\n', 'c')).toBe('plans: [a, b, c]  # two\n');
    expect(addPlanId('plans: []\n', 'a')).toBe('plans: [a]\n');
  });
});
