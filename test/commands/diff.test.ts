import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { commitAll, git, initRepository } from '../git/repository.js';
import { captureIo, scenario, tempDir } from '../helpers.js';

/** Replaces `from` by `to` in a file of the plan, failing when `from` is not there. */
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
  edit(cwd, 'training.yaml', '      north: [TRU]\n      south: [TU]\n', '      north: [TRU, RAU]\n      south: [IAU]\n');
  edit(cwd, 'analysis.yaml', '    title: Data exchange\n', '    title: Data exchange and review\n');
  edit(cwd, 'analysis.yaml', 'continue exchanging data.', 'continue exchanging data and review it | twice a year.');
  commitAll(cwd, 'Kick-off; training units; data exchange reworded', 'v2');

  edit(cwd, 'plan.yaml', '  - training\n', '  - training\n  - research\n');
  writeFileSync(
    join(cwd, 'plan', 'research.yaml'),
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
  const analysis = readFileSync(join(cwd, 'plan', 'analysis.yaml'), 'utf8');
  writeFileSync(join(cwd, 'plan', 'analysis.yaml'), analysis.slice(0, analysis.indexOf('  - id: AN-2')));
  edit(cwd, 'units.yaml', '    - code: TRU\n      name: Training Unit\n      kind: unit\n', '');
  edit(cwd, 'units.yaml', '    - code: TU\n', '    - code: SEC\n      name: Security Sector\n      kind: sector\n    - code: TU\n');
  edit(cwd, 'training.yaml', '      north: [TRU, RAU]\n', '      north: [RAU]\n');
  edit(cwd, 'analysis.yaml', 'The parties will analyse together.', 'The parties will analyse together, twice a year.');
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
      activities: {
        added: [{ id: 'RS-1', title: 'Joint *research*', status: 'planned', area: 'research' }],
        removed: [{ id: 'AN-2', title: 'Data exchange', status: 'ongoing', area: 'analysis' }],
        changed: [
          {
            id: 'AN-1',
            title: 'Joint analysis',
            status: { from: 'planned', to: 'in-progress', date: '2024-03-01', note: 'Kick-off meeting held' },
            units: [],
            fields: ['text'],
          },
          {
            id: 'TR-1',
            title: 'Joint training',
            status: null,
            units: [
              { party: 'north', added: ['RAU'], removed: ['TRU'] },
              { party: 'south', added: ['IAU'], removed: ['TU'] },
            ],
            fields: [],
          },
        ],
      },
      units: { added: [{ party: 'south', code: 'SEC', name: 'Security Sector' }], removed: [{ party: 'north', code: 'TRU', name: 'Training Unit' }] },
      areas: { added: [{ id: 'research', title: 'Research <and> innovation' }], removed: [] },
    });
    const backwards = JSON.parse((await plan(cwd, 'diff', 'v3', 'v1', '--format', 'json')).stdout) as Record<string, unknown>;
    expect(backwards).toMatchObject({
      activities: { added: [{ id: 'AN-2' }], removed: [{ id: 'RS-1' }] },
      units: { added: [{ code: 'TRU' }], removed: [{ code: 'SEC' }] },
      areas: { added: [], removed: [{ id: 'research', title: 'Research <and> innovation' }] },
    });
  });

  it('compares with the working tree by default, from HEAD unless told', async () => {
    const fromHead = await plan(cwd, 'diff');
    expect(stable(fromHead.stdout)).toBe(
      ['Plan changes from HEAD (<commit>) to the working tree: 1 status change', '', 'Status changes', '  TR-1  planned → on-hold  2024-06-01', ''].join('\n'),
    );
    const fromV2 = JSON.parse((await plan(cwd, 'diff', 'v2', '--format', 'json')).stdout) as { head: unknown; activities: { changed: { id: string }[] } };
    expect(fromV2.head).toEqual({ revision: null, commit: null });
    expect(fromV2.activities.changed.map((change) => change.id)).toEqual(['AN-1', 'TR-1']);
  });

  it('reports the field changes of one commit, and takes ranges as git writes them', async () => {
    const result = await plan(cwd, 'diff', 'v1..v2');
    expect(stable(result.stdout)).toBe(
      [
        'Plan changes from v1 (<commit>) to v2 (<commit>): 1 status change, 1 unit change, 1 field change',
        '',
        'Status changes',
        '  AN-1  planned → in-progress  2024-03-01  Kick-off meeting held',
        '',
        'Unit changes',
        '  TR-1  north: +RAU; south: +IAU -TU',
        '',
        'Field changes',
        '  AN-2  title, text',
        '',
      ].join('\n'),
    );
    // From the merge base: what v2 changed since it parted from v3's line, which is nothing.
    const fromMergeBase = JSON.parse((await plan(cwd, 'diff', 'v3...v2', '--format', 'json')).stdout) as { base: { revision: string; commit: string } };
    expect(fromMergeBase.base).toEqual({ revision: 'v3...v2', commit: git(cwd, 'rev-parse', 'v2').trim() });
    const direct = JSON.parse((await plan(cwd, 'diff', 'v3..v2', '--format', 'json')).stdout) as { base: { revision: string; commit: string } };
    expect(direct.base).toEqual({ revision: 'v3', commit: git(cwd, 'rev-parse', 'v3').trim() });
  });

  it('says there is nothing to report', async () => {
    expect(stable((await plan(cwd, 'diff', 'v3', 'v3')).stdout)).toBe('No changes to the plan from v3 (<commit>) to v3 (<commit>).\n');
    expect(stable((await plan(cwd, 'diff', 'v3', 'v3', '--format', 'markdown')).stdout)).toBe('### Plan changes: v3 (<commit>) → v3 (<commit>)\n\nNo changes to the plan.\n');
  });

  it('diffs a revision whose plan is invalid where it can, with a warning', async () => {
    const broken = await planHistory();
    edit(broken, 'training.yaml', '    title: Joint training\n', '    title: [Joint training\n');
    edit(broken, 'analysis.yaml', '    title: Joint analysis\n', '    title: Joint analysis, renamed\n');
    const result = await plan(broken, 'diff', 'v3');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        'plan: warning: the plan in the working tree is invalid (1 error, 0 warnings; first: plan/training.yaml:8:5 yaml-syntax Flow sequence in block collection must be sufficiently indented and end with a ]); compared where it could be read',
        'plan: warning: in the working tree, training.yaml could not be read: activities missing there are not reported as added or removed',
        '',
      ].join('\n'),
    );
    expect(stable(result.stdout)).toBe(
      ['Plan changes from v3 (<commit>) to the working tree: 1 field change', '', 'Field changes', '  AN-1  title', ''].join('\n'),
    );
    const json = JSON.parse((await plan(broken, 'diff', 'v3', '--format', 'json')).stdout) as { complete: boolean; warnings: string[] };
    expect(json.complete).toBe(false);
    expect(json.warnings).toHaveLength(2);
  });

  it('exits 2 with a clear message for an unknown revision, outside a repository, and for an unknown format', async () => {
    expect(await plan(cwd, 'diff', 'v9')).toEqual({ code: 2, stdout: '', stderr: 'plan: unknown revision "v9"\n' });
    expect(await plan(cwd, 'diff', 'v1', 'nope')).toEqual({ code: 2, stdout: '', stderr: 'plan: unknown revision "nope"\n' });
    const outside = scenario();
    expect(await plan(outside, 'diff')).toEqual({ code: 2, stdout: '', stderr: 'plan: plan is not in a git working tree; plan diff compares git revisions of the plan\n' });
    expect((await plan(cwd, 'diff', '--format', 'html')).code).toBe(2);
    const empty = tempDir();
    initRepository(empty);
    expect((await plan(empty, 'diff', '--plan-dir', join(cwd, 'plan'), 'v1', 'v2')).code).toBe(0);
  });
});
