import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { commitAll, git, initRepository } from '../git/repository.js';
import { captureIo, fixtures, MINIMAL_PLAN, scenario, tempDir } from '../helpers.js';

/** Replaces `from` by `to` in a file of the workspace (`north-south/analysis.yaml`, `organisations/north.yaml`), failing when `from` is not there. */
function edit(cwd: string, name: string, from: string, to: string): void {
  const path = join(cwd, 'plan', name);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${name} has no ${JSON.stringify(from)}`);
  writeFileSync(path, text.replace(from, to));
}

async function plan(cwd: string, ...args: string[]) {
  const io = captureIo({ cwd });
  const code = await main(args, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

// Commit ids change with every run; the rest of the output does not.
const stable = (text: string) => text.replace(/\b[0-9a-f]{40}\b/g, '<commit>').replace(/\(([0-9a-f]{7})\)/g, '(<commit>)');

/**
 * A repository whose plan changes in every way a diff reports, one commit at a time:
 * v1 the plan as signed; v2 a status change (made with set-status), unit and text changes;
 * v3 an area and a unit added, an activity and a unit removed, a text change; then, uncommitted, one more status change.
 */
async function planHistory(): Promise<string> {
  const cwd = scenario();
  initRepository(cwd);
  commitAll(cwd, 'The plan as signed', 'v1');

  expect(await plan(cwd, 'set-status', 'AN-1', 'in-progress', '--note', 'Kick-off meeting held', '--date', '2024-03-01')).toMatchObject({ code: 0 });
  edit(cwd, `${MINIMAL_PLAN}/training.yaml`, '      north: [TRU]\n      south: [TU]\n', '      north: [TRU, RAU]\n      south: [IAU]\n');
  edit(cwd, `${MINIMAL_PLAN}/analysis.yaml`, '    title: Data exchange\n', '    title: Data exchange and review\n');
  edit(cwd, `${MINIMAL_PLAN}/analysis.yaml`, 'continue exchanging data.', 'continue exchanging data and review it | twice a year.');
  commitAll(cwd, 'Kick-off; training units; data exchange reworded', 'v2');

  edit(cwd, `${MINIMAL_PLAN}/plan.yaml`, '  - training\n', '  - training\n  - research\n');
  writeFileSync(
    join(cwd, 'plan', MINIMAL_PLAN, 'research.yaml'),
    [
      'id: research',
      'title: Research <and> innovation',
      'prefix: RS',
      'activities:',
      '  - id: RS-1',
      '    title: Joint *research*',
      '    status: planned',
      '    units:',
      '      south: [SEC]',
      '    text: The parties will research together.',
      '    history:',
      '      - date: 2024-05-01',
      '        status: planned',
      '',
    ].join('\n'),
  );
  const analysis = readFileSync(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'), 'utf8');
  writeFileSync(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'), analysis.slice(0, analysis.indexOf('  - id: AN-2')));
  edit(cwd, 'organisations/north.yaml', '  - code: TRU\n    name: Training Unit\n    kind: unit\n', '');
  edit(cwd, 'organisations/south.yaml', '  - code: TU\n', '  - code: SEC\n    name: Security Sector\n    kind: sector\n  - code: TU\n');
  edit(cwd, `${MINIMAL_PLAN}/training.yaml`, '      north: [TRU, RAU]\n', '      north: [RAU]\n');
  edit(cwd, `${MINIMAL_PLAN}/analysis.yaml`, 'The parties will analyse together.', 'The parties will analyse together, twice a year.');
  commitAll(cwd, 'A research area; data exchange ends', 'v3');

  expect(await plan(cwd, 'set-status', 'TR-1', 'on-hold', '--date', '2024-06-01')).toMatchObject({ code: 0 });
  return cwd;
}

describe('plan diff', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await planHistory();
  });

  it('reports every kind of change as text', async () => {
    const result = await plan(cwd, 'diff', 'v1', 'v3');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    await expect(stable(result.stdout)).toMatchFileSnapshot('__snapshots__/diff-v1-v3.txt');
  });

  it('reports every kind of change as Markdown, plan text escaped', async () => {
    const result = await plan(cwd, 'diff', 'v1', 'v3', '--format', 'markdown');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    await expect(stable(result.stdout)).toMatchFileSnapshot('__snapshots__/diff-v1-v3.md');
  });

  it('reports every kind of change as JSON', async () => {
    const result = await plan(cwd, 'diff', 'v1', 'v3', '--format', 'json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const commit = (tag: string) => git(cwd, 'rev-parse', tag).trim();
    expect(JSON.parse(result.stdout)).toEqual({
      base: { revision: 'v1', commit: commit('v1') },
      head: { revision: 'v3', commit: commit('v3') },
      complete: true,
      warnings: [],
      scope: [MINIMAL_PLAN],
      plans: { added: [], removed: [] },
      organisations: {
        added: [],
        removed: [],
        changed: [
          {
            id: 'north',
            short_name: 'North',
            fields: [],
            units: {
              added: [],
              removed: [{ code: 'TRU', name: 'Training Unit' }],
              ended: [],
              replaced: [],
            },
          },
          {
            id: 'south',
            short_name: 'South',
            fields: [],
            units: {
              added: [{ code: 'SEC', name: 'Security Sector' }],
              removed: [],
              ended: [],
              replaced: [],
            },
          },
        ],
      },
      plan_fields: [],
      activities: {
        added: [
          {
            plan: MINIMAL_PLAN,
            id: 'RS-1',
            title: 'Joint *research*',
            status: 'planned',
            area: 'research',
          },
        ],
        removed: [
          {
            plan: MINIMAL_PLAN,
            id: 'AN-2',
            title: 'Data exchange',
            status: 'ongoing',
            area: 'analysis',
          },
        ],
        changed: [
          {
            plan: MINIMAL_PLAN,
            id: 'AN-1',
            title: 'Joint analysis',
            status: {
              from: 'planned',
              to: 'in-progress',
              date: '2024-03-01',
              note: 'Kick-off meeting held',
            },
            units: [],
            fields: ['text'],
            history: [
              {
                date: '2024-03-01',
                status: 'in-progress',
                note: 'Kick-off meeting held',
              },
            ],
            changes: [
              {
                field: 'text',
                from: 'The parties will analyse together.',
                to: 'The parties will analyse together, twice a year.',
                words: [
                  { text: 'The parties will analyse together', change: 'same' },
                  { text: ', twice a year', change: 'added' },
                  { text: '.', change: 'same' },
                ],
              },
            ],
          },
          {
            plan: MINIMAL_PLAN,
            id: 'TR-1',
            title: 'Joint training',
            status: null,
            units: [
              { party: 'north', added: ['RAU'], removed: ['TRU'] },
              { party: 'south', added: ['IAU'], removed: ['TU'] },
            ],
            fields: [],
            history: [],
            changes: [],
          },
        ],
      },
      units: {
        added: [{ party: 'south', code: 'SEC', name: 'Security Sector' }],
        removed: [{ party: 'north', code: 'TRU', name: 'Training Unit' }],
      },
      areas: {
        added: [
          {
            plan: MINIMAL_PLAN,
            id: 'research',
            title: 'Research <and> innovation',
          },
        ],
        removed: [],
      },
    });
    const backwards = JSON.parse((await plan(cwd, 'diff', 'v3', 'v1', '--format', 'json')).stdout) as Record<string, unknown>;
    expect(backwards).toMatchObject({
      activities: { added: [{ id: 'AN-2' }], removed: [{ id: 'RS-1' }] },
      units: { added: [{ code: 'TRU' }], removed: [{ code: 'SEC' }] },
      areas: {
        added: [],
        removed: [{ id: 'research', title: 'Research <and> innovation' }],
      },
    });
  });

  it('compares with the working tree by default, from HEAD unless told', async () => {
    const fromHead = await plan(cwd, 'diff');
    expect(stable(fromHead.stdout)).toBe(
      [
        'Plan changes from HEAD (<commit>) to the working tree: 1 status change, 1 history entry added',
        '',
        'Status changes',
        '  TR-1  planned → on-hold  2024-06-01',
        '',
        'History entries added',
        '  TR-1  2024-06-01  on-hold',
        '',
      ].join('\n'),
    );
    const fromV2 = JSON.parse((await plan(cwd, 'diff', 'v2', '--format', 'json')).stdout) as { head: unknown; activities: { changed: { id: string }[] } };
    expect(fromV2.head).toEqual({ revision: null, commit: null });
    expect(fromV2.activities.changed.map((change) => change.id)).toEqual(['AN-1', 'TR-1']);
  });

  it('reports the field changes of one commit, and takes ranges as git writes them', async () => {
    const result = await plan(cwd, 'diff', 'v1..v2');
    expect(stable(result.stdout)).toBe(
      [
        'Plan changes from v1 (<commit>) to v2 (<commit>): 1 status change, 1 history entry added, 1 unit change, 1 field change',
        '',
        'Status changes',
        '  AN-1  planned → in-progress  2024-03-01  Kick-off meeting held',
        '',
        'Unit changes',
        '  TR-1  north: +RAU; south: +IAU -TU',
        '',
        'History entries added',
        '  AN-1  2024-03-01  in-progress  Kick-off meeting held',
        '',
        'Field changes',
        '  AN-2  title: Data exchange {+and review+}',
        '        text: The parties will continue exchanging data {+and review it | twice a year+}.',
        '',
      ].join('\n'),
    );
    // From the merge base: what v2 changed since it parted from v3's line, which is nothing.
    const fromMergeBase = JSON.parse((await plan(cwd, 'diff', 'v3...v2', '--format', 'json')).stdout) as { base: { revision: string; commit: string } };
    expect(fromMergeBase.base).toEqual({
      revision: 'v3...v2',
      commit: git(cwd, 'rev-parse', 'v2').trim(),
    });
    const direct = JSON.parse((await plan(cwd, 'diff', 'v3..v2', '--format', 'json')).stdout) as { base: { revision: string; commit: string } };
    expect(direct.base).toEqual({
      revision: 'v3',
      commit: git(cwd, 'rev-parse', 'v3').trim(),
    });
  });

  it('takes a revision without the plan as an empty side: the change that adds it lists all it adds, with no warning', async () => {
    const repo = tempDir();
    try {
      initRepository(repo);
      writeFileSync(join(repo, 'README.md'), 'Before the plan.\n');
      commitAll(repo, 'Before the plan', 'empty');
      const withPlan = scenario();
      git(repo, 'mv', 'README.md', 'README.txt');
      cpSync(join(withPlan, 'plan'), join(repo, 'plan'), { recursive: true });
      rmSync(withPlan, { recursive: true, force: true });
      commitAll(repo, 'The plan as signed', 'signed');
      for (const format of ['text', 'markdown', 'json']) {
        const result = await plan(repo, 'diff', 'empty', 'signed', '--format', format);
        expect([result.code, result.stderr], format).toEqual([0, '']);
        expect(result.stdout, format).not.toMatch(/No changes|invalid/);
      }
      const json = JSON.parse((await plan(repo, 'diff', 'empty', 'signed', '--format', 'json')).stdout) as {
        complete: boolean;
        plans: { added: unknown[] };
        organisations: { added: { id: string; units: unknown[] }[] };
        activities: { added: { id: string }[] };
        units: { added: unknown[] };
        areas: { added: { id: string }[] };
      };
      expect(json.complete).toBe(true);
      expect(json.plans.added).toEqual([{ id: MINIMAL_PLAN, title: 'Test cooperation plan' }]);
      expect(json.organisations.added.map((organisation) => [organisation.id, organisation.units.length])).toEqual([
        ['europol', 0],
        ['north', 2],
        ['south', 2],
      ]);
      expect(json.activities.added.map((activity) => activity.id)).toEqual(['AN-1', 'AN-2', 'TR-1']);
      expect(json.areas.added.map((area) => area.id)).toEqual(['analysis', 'training']);
      expect(json.units.added).toHaveLength(4);
      expect(stable((await plan(repo, 'diff', 'empty', 'signed')).stdout).split('\n')[0]).toBe(
        'Plan changes from empty (<commit>) to signed (<commit>): 1 plan added, 3 organisations added, 4 units added, 3 activities added, 2 areas added',
      );
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('reports the fields of plan.yaml old → new, in text, Markdown and JSON', async () => {
    const repo = scenario();
    try {
      initRepository(repo);
      commitAll(repo, 'signed', 'signed');
      edit(
        repo,
        `${MINIMAL_PLAN}/plan.yaml`,
        'title: Test cooperation plan\n',
        'title: Test cooperation plan, revised\nlegal_basis:\n  title: Working Arrangement\n  date: 2012-09-26\n',
      );
      commitAll(repo, 'revised', 'revised');
      const text = await plan(repo, 'diff', 'signed', 'revised');
      expect(stable(text.stdout)).toBe(
        [
          'Plan changes from signed (<commit>) to revised (<commit>): 2 plan fields changed',
          '',
          'Plan fields changed',
          '  title        Test cooperation plan{+, revised+}',
          '  legal_basis  [-(none)-] → {+Working Arrangement (2012-09-26)+}',
          '',
        ].join('\n'),
      );
      const markdown = (await plan(repo, 'diff', 'signed', 'revised', '--format', 'markdown')).stdout;
      expect(markdown).toContain('| title | Test cooperation plan**{+, revised+}** |');
      const json = JSON.parse((await plan(repo, 'diff', 'signed', 'revised', '--format', 'json')).stdout) as { plan_fields: unknown[] };
      expect(json.plan_fields).toEqual([
        {
          plan: MINIMAL_PLAN,
          field: 'title',
          from: 'Test cooperation plan',
          to: 'Test cooperation plan, revised',
          words: [
            { text: 'Test cooperation plan', change: 'same' },
            { text: ', revised', change: 'added' },
          ],
        },
        {
          plan: MINIMAL_PLAN,
          field: 'legal_basis',
          from: null,
          to: 'Working Arrangement (2012-09-26)',
        },
      ]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('says there is nothing to report', async () => {
    expect(stable((await plan(cwd, 'diff', 'v3', 'v3')).stdout)).toBe('No changes to the plan from v3 (<commit>) to v3 (<commit>).\n');
    expect(stable((await plan(cwd, 'diff', 'v3', 'v3', '--format', 'markdown')).stdout)).toBe('### Plan changes: v3 (<commit>) → v3 (<commit>)\n\nNo changes to the plan.\n');
  });

  it('diffs a revision whose plan is invalid where it can, with a warning', async () => {
    const broken = await planHistory();
    edit(broken, `${MINIMAL_PLAN}/training.yaml`, '    title: Joint training\n', '    title: [Joint training\n');
    edit(broken, `${MINIMAL_PLAN}/analysis.yaml`, '    title: Joint analysis\n', '    title: Joint analysis, renamed\n');
    const result = await plan(broken, 'diff', 'v3');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        `plan: warning: the workspace in the working tree is invalid (1 error, 0 warnings; first: plan/${MINIMAL_PLAN}/training.yaml:8:5 yaml-syntax Flow sequence in block collection must be sufficiently indented and end with a ]); compared where it could be read`,
        `plan: warning: in the working tree, ${MINIMAL_PLAN}/training.yaml could not be read: activities missing there are not reported as added or removed`,
        '',
      ].join('\n'),
    );
    expect(stable(result.stdout)).toBe(
      ['Plan changes from v3 (<commit>) to the working tree: 1 field change', '', 'Field changes', '  AN-1  title: Joint analysis{+, renamed+}', ''].join('\n'),
    );
    const json = JSON.parse((await plan(broken, 'diff', 'v3', '--format', 'json')).stdout) as { complete: boolean; warnings: string[] };
    expect(json.complete).toBe(false);
    expect(json.warnings).toHaveLength(2);
  });

  it('exits 2 with a clear message for an unknown revision, outside a repository, and for an unknown format', async () => {
    expect(await plan(cwd, 'diff', 'v9')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: unknown revision "v9"\n',
    });
    expect(await plan(cwd, 'diff', 'v1', 'nope')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: unknown revision "nope"\n',
    });
    const outside = scenario();
    expect(await plan(outside, 'diff')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: plan is not in a git working tree; plan diff compares git revisions of the plan\n',
    });
    expect((await plan(cwd, 'diff', '--format', 'html')).code).toBe(2);
    const empty = tempDir();
    initRepository(empty);
    expect((await plan(empty, 'diff', '--plan-dir', join(cwd, 'plan'), 'v1', 'v2')).code).toBe(0);
  });
});

/**
 * A repository holding the three-plan workspace (frontex-easo-2019, superseded by frontex-euaa-2026,
 * and frontex-emsa-efca-2021; seven organisations), committed and tagged `before`.
 */
function workspaceRepository(): string {
  const cwd = tempDir();
  cpSync(join(fixtures, 'workspace', 'plan'), join(cwd, 'plan'), {
    recursive: true,
  });
  initRepository(cwd);
  commitAll(cwd, 'Three plans', 'before');
  return cwd;
}

describe('plan diff across a workspace', () => {
  it('names a plan added, and lists everything it adds', async () => {
    const cwd = workspaceRepository();
    edit(cwd, 'workspace.yaml', '  - frontex-euaa-2026\n', '  - frontex-euaa-2026\n  - frontex-emsa-2027\n');
    mkdirSync(join(cwd, 'plan', 'frontex-emsa-2027'));
    writeFileSync(join(cwd, 'plan', 'frontex-emsa-2027', 'plan.yaml'), 'title: A <new> plan\nparties:\n  - organisation: frontex\n  - organisation: emsa\nareas: [patrols]\n');
    writeFileSync(
      join(cwd, 'plan', 'frontex-emsa-2027', 'patrols.yaml'),
      [
        'id: patrols',
        'title: Patrols',
        'prefix: PA',
        'activities:',
        '  - id: PA-1',
        '    title: Joint patrols',
        '    status: planned',
        '    units:',
        '      frontex: [PRU]',
        '      emsa: [MSU]',
        '    text: The parties patrol together.',
        '    history:',
        '      - date: 2026-03-01',
        '        status: planned',
        '',
      ].join('\n'),
    );
    const result = await plan(cwd, 'diff', 'before');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(stable(result.stdout)).toBe(
      [
        'Plan changes from before (<commit>) to the working tree: 1 plan added, 1 activity added, 1 area added',
        '',
        'Plans added',
        '  + frontex-emsa-2027  A <new> plan',
        '',
        'Plan frontex-emsa-2027 (A <new> plan): 1 activity added, 1 area added',
        '',
        'Activities added',
        '  + PA-1  planned  Joint patrols  (patrols)',
        '',
        'Areas added',
        '  + patrols  Patrols',
        '',
      ].join('\n'),
    );
    const markdown = (await plan(cwd, 'diff', 'before', '--format', 'markdown')).stdout;
    expect(markdown).toContain('#### Plans added\n\n| Plan | Title |\n| --- | --- |\n| frontex-emsa-2027 | A \\<new\\> plan |\n');
    expect(markdown).toContain('#### Plan frontex-emsa-2027: A \\<new\\> plan\n\n1 activity added, 1 area added.\n\n**Activities added**\n');
    const json = JSON.parse((await plan(cwd, 'diff', 'before', '--format', 'json')).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      scope: ['frontex-emsa-efca-2021', 'frontex-euaa-2026', 'frontex-emsa-2027'],
      plans: {
        added: [{ id: 'frontex-emsa-2027', title: 'A <new> plan' }],
        removed: [],
      },
      activities: {
        added: [
          {
            plan: 'frontex-emsa-2027',
            id: 'PA-1',
            title: 'Joint patrols',
            status: 'planned',
            area: 'patrols',
          },
        ],
        removed: [],
        changed: [],
      },
      areas: {
        added: [{ plan: 'frontex-emsa-2027', id: 'patrols', title: 'Patrols' }],
        removed: [],
      },
    });
  });

  it('names a plan removed, and lists everything it held', async () => {
    const cwd = workspaceRepository();
    edit(cwd, 'workspace.yaml', '  - frontex-emsa-efca-2021\n', '');
    rmSync(join(cwd, 'plan', 'frontex-emsa-efca-2021'), { recursive: true });
    const result = await plan(cwd, 'diff', 'before');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(stable(result.stdout)).toBe(
      [
        'Plan changes from before (<commit>) to the working tree: 1 plan removed, 2 activities removed, 1 area removed',
        '',
        'Plans removed',
        '  - frontex-emsa-efca-2021  Tripartite test plan on coast guard functions',
        '',
        'Plan frontex-emsa-efca-2021 (Tripartite test plan on coast guard functions): 2 activities removed, 1 area removed',
        '',
        'Activities removed',
        '  - CG-1  in-progress  Shared maritime picture  (coast-guard)',
        '  - CG-2  planned  Joint training for coast guard officers  (coast-guard)',
        '',
        'Areas removed',
        '  - coast-guard  Coast guard functions',
        '',
      ].join('\n'),
    );
  });

  it('reports an organisation renamed, with no plan touched', async () => {
    const cwd = workspaceRepository();
    edit(cwd, 'organisations/emsa.yaml', 'short_name: EMSA\n', 'short_name: EMSA2\naliases: [Maritime Agency]\n');
    const text = await plan(cwd, 'diff', 'before');
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(stable(text.stdout)).toBe(
      [
        'Plan changes from before (<commit>) to the working tree: 1 organisation renamed',
        '',
        'Organisation fields changed',
        '  emsa  short_name: [-EMSA-] → {+EMSA2+}',
        '        aliases: [-(none)-] → {+Maritime Agency+}',
        '',
      ].join('\n'),
    );
    expect(stable((await plan(cwd, 'diff', 'before', '--format', 'markdown')).stdout)).toBe(
      [
        '### Plan changes: before (<commit>) → the working tree',
        '',
        '1 organisation renamed.',
        '',
        '#### Organisation fields changed',
        '',
        '| Organisation | Field | Change |',
        '| --- | --- | --- |',
        '| emsa | short\\_name | \\[-EMSA-\\] → **{+EMSA2+}** |',
        '| emsa | aliases | \\[-(none)-\\] → **{+Maritime Agency+}** |',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await plan(cwd, 'diff', 'before', '--format', 'json')).stdout) as { organisations: unknown; plan_fields: unknown; activities: unknown };
    expect(json.organisations).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          id: 'emsa',
          short_name: 'EMSA2',
          fields: [
            { field: 'short_name', from: 'EMSA', to: 'EMSA2' },
            { field: 'aliases', from: [], to: ['Maritime Agency'] },
          ],
          units: { added: [], removed: [], ended: [], replaced: [] },
        },
      ],
    });
    expect(json.plan_fields).toEqual([]);
    expect(json.activities).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports a unit ended and replaced by its organisation', async () => {
    const cwd = workspaceRepository();
    edit(
      cwd,
      'organisations/frontex.yaml',
      '    name: Field Deployment Unit\n    kind: unit\n',
      '    name: Field Deployment Unit\n    kind: unit\n    until: 2026-01-31\n    replaced_by: [PRU]\n',
    );
    const result = await plan(cwd, 'diff', 'before');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(stable(result.stdout)).toBe(
      [
        'Plan changes from before (<commit>) to the working tree: 1 unit ended, 1 unit replaced',
        '',
        'Units ended',
        '  frontex FDU  until 2026-01-31  Field Deployment Unit',
        '',
        'Units replaced',
        '  frontex FDU  → PRU (merged)  Field Deployment Unit',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await plan(cwd, 'diff', 'before', '--format', 'json')).stdout) as { organisations: { changed: unknown } };
    expect(json.organisations.changed).toEqual([
      {
        id: 'frontex',
        short_name: 'Frontex',
        fields: [],
        units: {
          added: [],
          removed: [],
          ended: [{ code: 'FDU', name: 'Field Deployment Unit', until: '2026-01-31' }],
          replaced: [
            {
              code: 'FDU',
              name: 'Field Deployment Unit',
              replaced_by: ['PRU'],
              // PRU existed already: FDU is merged into it.
              kind: 'merged',
              with: [],
            },
          ],
        },
      },
    ]);
  });

  it('keeps apart the same activity id changed in two plans, each under its plan, and narrows with --plan', async () => {
    const cwd = workspaceRepository();
    edit(
      cwd,
      'frontex-easo-2019/information-and-analysis.yaml',
      '    title: Common Situational Picture on irregular migration and international protection\n',
      '    title: Common Situational Picture on irregular migration\n',
    );
    edit(cwd, 'frontex-euaa-2026/information-and-analysis.yaml', '    title: Common Situational Picture, continued\n', '    title: Common Situational Picture, kept up\n');
    const all = await plan(cwd, 'diff', 'before', '--all-plans');
    expect(all).toMatchObject({ code: 0, stderr: '' });
    expect(stable(all.stdout)).toBe(
      [
        'Plan changes from before (<commit>) to the working tree: 2 field changes',
        '',
        'Plan frontex-easo-2019 (Cooperation Plan between Frontex and EASO): 1 field change',
        '',
        'Field changes',
        '  IA-1  title: Common Situational Picture on irregular migration[- and international protection-]',
        '',
        'Plan frontex-euaa-2026 (Test cooperation plan between Frontex and the EUAA): 1 field change',
        '',
        'Field changes',
        '  IA-1  title: Common Situational Picture, [-continued-]{+kept up+}',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await plan(cwd, 'diff', 'before', '--all-plans', '--format', 'json')).stdout) as {
      activities: { changed: { plan: string; id: string; title: string }[] };
    };
    expect(json.activities.changed.map(({ plan: id, id: activity, title }) => [id, activity, title])).toEqual([
      ['frontex-easo-2019', 'IA-1', 'Common Situational Picture on irregular migration'],
      ['frontex-euaa-2026', 'IA-1', 'Common Situational Picture, kept up'],
    ]);
    // The 2019 plan is superseded: by default only its successor is in scope, and --plan names either.
    const byDefault = await plan(cwd, 'diff', 'before');
    expect(stable(byDefault.stdout)).toBe(
      [
        'Plan changes from before (<commit>) to the working tree: 1 field change',
        '',
        'Plan frontex-euaa-2026 (Test cooperation plan between Frontex and the EUAA): 1 field change',
        '',
        'Field changes',
        '  IA-1  title: Common Situational Picture, [-continued-]{+kept up+}',
        '',
      ].join('\n'),
    );
    const one = await plan(cwd, 'diff', 'before', '--plan', 'frontex-easo');
    expect(stable(one.stdout)).toBe(
      [
        'Plan changes from before (<commit>) to the working tree: 1 field change',
        '',
        'Field changes',
        '  IA-1  title: Common Situational Picture on irregular migration[- and international protection-]',
        '',
      ].join('\n'),
    );
    expect(JSON.parse((await plan(cwd, 'diff', 'before', '--plan', 'frontex-easo', '--format', 'json')).stdout)).toMatchObject({ scope: ['frontex-easo-2019'] });
    expect(await plan(cwd, 'diff', 'before', '--plan', 'nowhere')).toMatchObject({ code: 2, stdout: '' });
  });

  it('reports organisations always, whichever plans --plan names', async () => {
    const cwd = workspaceRepository();
    edit(cwd, 'organisations/emsa.yaml', 'short_name: EMSA\n', 'short_name: EMSA2\n');
    edit(cwd, 'frontex-euaa-2026/information-and-analysis.yaml', '    title: Common Situational Picture, continued\n', '    title: Common Situational Picture, kept up\n');
    expect(stable((await plan(cwd, 'diff', 'before', '--plan', 'frontex-easo-2019')).stdout)).toBe(
      ['Plan changes from before (<commit>) to the working tree: 1 organisation renamed', '', 'Organisation fields changed', '  emsa  short_name: [-EMSA-] → {+EMSA2+}', ''].join(
        '\n',
      ),
    );
  });

  it('names an unreadable file with its plan folder, and an unreadable organisation file', async () => {
    const cwd = workspaceRepository();
    edit(cwd, 'frontex-euaa-2026/information-and-analysis.yaml', '    title: Common Situational Picture, continued\n', '    title: [Common Situational Picture\n');
    edit(cwd, 'organisations/emsa.yaml', 'short_name: EMSA\n', 'short_name: [EMSA\n');
    const result = await plan(cwd, 'diff', 'before');
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter(Boolean);
    expect(warnings.slice(1)).toEqual([
      'plan: warning: in the working tree, organisations/emsa.yaml could not be read: that organisation and its units are not compared',
      'plan: warning: in the working tree, frontex-euaa-2026/information-and-analysis.yaml could not be read: activities missing there are not reported as added or removed',
    ]);
    expect(warnings[0]).toMatch(
      /^plan: warning: the workspace in the working tree is invalid \(2 errors, 0 warnings; first: plan\/organisations\/emsa\.yaml:\d+:\d+ yaml-syntax .*\); compared where it could be read$/,
    );
    // Nothing is reported of what could not be read: no organisation removed, no activity removed.
    expect(stable(result.stdout)).toBe('No changes to the plans from before (<commit>) to the working tree.\n');
  });
});
