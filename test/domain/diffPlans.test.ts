import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../src/domain/diffPlans.js';
import { diffWorkspaces, type WorkspaceSide } from '../../src/domain/diffWorkspaces.js';
import type { Organisation } from '../../src/model.js';
import { loadFixture } from '../helpers.js';
import type { Activity, PartialPlan, Plan } from '../../src/model.js';
import { fixtures, TODAY } from '../helpers.js';

const minimal = loadFixture(join(fixtures, 'minimal', 'plan'), { cwd: fixtures, today: TODAY }).plan!;

/** A copy of the minimal plan, changed by `edit`. */
function changed(edit: (plan: Plan, activity: (id: string) => Activity) => void): Plan {
  const plan = structuredClone(minimal);
  edit(plan, (id) => plan.activities.find((activity) => activity.id === id)!);
  return plan;
}

const empty = { planFields: [], activities: { added: [], removed: [], changed: [] }, units: { added: [], removed: [] }, areas: { added: [], removed: [] } };

describe('diffPlans', () => {
  it('finds nothing between a plan and itself', () => {
    expect(diffPlans(minimal, structuredClone(minimal))).toEqual(empty);
  });

  it('reports a status change with the date and note of the history entry that records it', () => {
    const after = changed((_, activity) => {
      activity('AN-1').status = 'in-progress';
      activity('AN-1').history.push({ date: '2024-03-01', status: 'in-progress', note: 'Kick-off held' });
    });
    expect(diffPlans(minimal, after).activities.changed).toEqual([
      {
        id: 'AN-1',
        title: 'Joint analysis',
        status: { from: 'planned', to: 'in-progress', date: '2024-03-01', note: 'Kick-off held' },
        units: [],
        fields: [],
        changes: [],
        history: [{ date: '2024-03-01', status: 'in-progress', note: 'Kick-off held' }],
      },
    ]);
  });

  it('names the history as changed when it was rewritten, and lists every entry added when it grew, whatever the status did', () => {
    const rewritten = changed((_, activity) => {
      activity('AN-1').status = 'on-hold';
      activity('AN-1').history = [{ date: '2019-07-18', status: 'on-hold' }];
    });
    expect(diffPlans(minimal, rewritten).activities.changed).toEqual([
      {
        id: 'AN-1',
        title: 'Joint analysis',
        status: { from: 'planned', to: 'on-hold', date: '2019-07-18', note: null },
        units: [],
        fields: ['history'],
        changes: [],
        history: [{ date: '2019-07-18', status: 'on-hold' }],
      },
    ]);
    const roundTrip = changed((_, activity) => {
      activity('AN-1').history.push({ date: '2024-03-01', status: 'on-hold' }, { date: '2024-04-01', status: 'planned' });
    });
    expect(diffPlans(minimal, roundTrip).activities.changed).toEqual([
      {
        id: 'AN-1',
        title: 'Joint analysis',
        status: null,
        units: [],
        fields: [],
        changes: [],
        history: [
          { date: '2024-03-01', status: 'on-hold' },
          { date: '2024-04-01', status: 'planned' },
        ],
      },
    ]);
    const note = changed((_, activity) => {
      activity('AN-1').history.push({ date: '2024-03-01', status: 'planned', note: 'Draft ready' });
    });
    expect(diffPlans(minimal, note).activities.changed).toMatchObject([{ id: 'AN-1', status: null, fields: [], history: [{ note: 'Draft ready' }] }]);
  });

  it("reports each party's units added and removed, and which other fields changed", () => {
    const after = changed((_, activity) => {
      activity('TR-1').units = { north: ['TRU', 'RAU'], south: ['IAU'] };
      activity('TR-1').title = 'Joint training courses';
      activity('TR-1').actions = ['Develop a curriculum;'];
      activity('AN-1').with = [];
      activity('AN-2').text = 'Changed.';
      activity('AN-2').related = ['TR-1'];
    });
    expect(diffPlans(minimal, after).activities.changed).toEqual([
      { id: 'AN-1', title: 'Joint analysis', status: null, units: [], fields: ['with'], changes: [{ field: 'with', from: ['Europol'], to: [] }], history: [] },
      {
        id: 'AN-2',
        title: 'Data exchange',
        status: null,
        units: [],
        fields: ['text', 'related'],
        changes: [
          {
            field: 'text',
            from: 'The parties will continue exchanging data.',
            to: 'Changed.',
            words: [{ text: 'The parties will continue exchanging data', removed: true }, { text: 'Changed', added: true }, { text: '.' }],
          },
          { field: 'related', from: null, to: ['TR-1'] },
        ],
        history: [],
      },
      {
        id: 'TR-1',
        title: 'Joint training courses',
        status: null,
        units: [
          { party: 'north', added: ['RAU'], removed: [] },
          { party: 'south', added: ['IAU'], removed: ['TU'] },
        ],
        fields: ['title', 'actions'],
        changes: [
          { field: 'title', from: 'Joint training', to: 'Joint training courses', words: [{ text: 'Joint training ' }, { text: 'courses', added: true }] },
          { field: 'actions', from: ['Develop a curriculum;', 'Deliver courses.'], to: ['Develop a curriculum;'] },
        ],
        history: [],
      },
    ]);
  });

  it('reports activities, units and areas added and removed', () => {
    const after = changed((plan) => {
      const [an1, , tr1] = plan.activities as [Activity, Activity, Activity];
      plan.activities = [an1, tr1, { ...structuredClone(tr1), id: 'RS-1', title: 'Research', area: 'research', status: 'planned' }];
      plan.meta.areas = ['analysis', 'training', 'research'];
      plan.areas.push({ id: 'research', title: 'Research', prefix: 'RS', file: 'plan/research.yaml' });
      plan.units.get('south')!.push({ code: 'SEC', name: 'Security Sector', kind: 'sector' });
      plan.units.set(
        'north',
        plan.units.get('north')!.filter((unit) => unit.code !== 'TRU'),
      );
    });
    const diff = diffPlans(minimal, after);
    expect(diff.activities.added).toEqual([{ id: 'RS-1', title: 'Research', status: 'planned', area: 'research' }]);
    expect(diff.activities.removed).toEqual([{ id: 'AN-2', title: 'Data exchange', status: 'ongoing', area: 'analysis' }]);
    expect(diff.units).toEqual({ added: [{ party: 'south', code: 'SEC', name: 'Security Sector' }], removed: [{ party: 'north', code: 'TRU', name: 'Training Unit' }] });
    expect(diff.areas).toEqual({ added: [{ id: 'research', title: 'Research' }], removed: [] });
    expect(diffPlans(after, minimal).areas).toEqual({ added: [], removed: [{ id: 'research', title: 'Research' }] });
  });

  it('claims no addition or removal that an unread file could hide, and compares what both sides hold', () => {
    const partial = (plan: Plan, unread: string): PartialPlan => ({
      ...plan,
      areas: plan.areas.filter((area) => area.id !== unread),
      activities: plan.activities.filter((activity) => activity.area !== unread),
      unreadAreas: [unread],
    });
    const after = changed((_, activity) => {
      activity('AN-2').title = 'Data exchange, renamed';
    });
    const broken = partial(after, 'training');
    expect(diffPlans(minimal, broken).activities).toEqual({
      added: [],
      removed: [],
      changed: [{ id: 'AN-2', title: 'Data exchange, renamed', status: null, units: [], fields: ['title'], changes: [expect.objectContaining({ field: 'title' })], history: [] }],
    });
    expect(diffPlans(broken, minimal).activities).toMatchObject({ added: [], removed: [] });
    expect(diffPlans(minimal, { ...broken, meta: undefined })).toEqual(empty);
    expect(diffPlans(minimal, { ...after, units: undefined, unreadAreas: [] }).units).toEqual({ added: [], removed: [] });
  });
});

describe('diffWorkspaces', () => {
  const north: Organisation = { id: 'north', name: 'Northern Agency', short_name: 'North', units: [{ code: 'TRU', name: 'Training Unit', kind: 'unit' }] };
  const side = (plans: (Plan | PartialPlan)[], organisations: Organisation[] = [north]): WorkspaceSide => ({ organisations, plans });

  it('takes a side without a workspace as empty: the plan and its organisations are added with all they hold', () => {
    const diff = diffWorkspaces(null, side([minimal]));
    expect(diff.scope).toEqual(['north-south']);
    expect(diff.plans.added).toEqual([{ id: 'north-south', title: 'Test cooperation plan' }]);
    expect(diff.organisations.added).toEqual([{ id: 'north', name: 'Northern Agency', short_name: 'North', units: [{ code: 'TRU', name: 'Training Unit' }] }]);
    expect(diff.plans.changed.map((entry) => entry.diff.activities.added.map((activity) => activity.id))).toEqual([['AN-1', 'AN-2', 'TR-1']]);
    // Units are the organisations' to report, not each plan's.
    expect(diff.plans.changed[0]!.diff.units).toEqual({ added: [], removed: [] });
    expect(diffWorkspaces(side([minimal]), null).plans.removed).toEqual([{ id: 'north-south', title: 'Test cooperation plan' }]);
  });

  it('diffs each plan by id, so the same activity id in two plans stays apart', () => {
    const other = { ...structuredClone(minimal), id: 'other' };
    other.activities = other.activities.map((activity) => ({ ...activity, plan: 'other' }));
    const renamed = structuredClone(other);
    renamed.activities.find((activity) => activity.id === 'AN-1')!.title = 'Renamed';
    const diff = diffWorkspaces(side([minimal, other]), side([minimal, renamed]));
    expect(diff.plans.changed.map((entry) => [entry.id, entry.diff.activities.changed.map((change) => `${change.id}: ${change.title}`)])).toEqual([['other', ['AN-1: Renamed']]]);
    expect(diffWorkspaces(side([minimal, other]), side([minimal, renamed]), { plan: ['north'] }).plans.changed).toEqual([]);
  });

  it('finds an organisation by the former id it records, and reports units ended and replaced', () => {
    const renamed: Organisation = {
      id: 'boreal',
      name: 'Boreal Agency',
      short_name: 'Boreal',
      former_names: [{ id: 'north', name: 'Northern Agency', short_name: 'North', until: '2025-12-31' }],
      units: [
        { code: 'TRU', name: 'Training Unit', kind: 'unit', until: '2025-12-31', replaced_by: ['TA'] },
        { code: 'TA', name: 'Training Academy', kind: 'unit', from: '2026-01-01' },
      ],
    };
    expect(diffWorkspaces(side([]), side([], [renamed])).organisations).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          id: 'boreal',
          short_name: 'Boreal',
          fields: [
            { field: 'id', from: 'north', to: 'boreal' },
            {
              field: 'name',
              from: 'Northern Agency',
              to: 'Boreal Agency',
              words: [{ text: 'Northern', removed: true }, { text: 'Boreal', added: true }, { text: ' Agency' }],
            },
            { field: 'short_name', from: 'North', to: 'Boreal' },
            { field: 'former_names', from: [], to: ['Northern Agency (North, north) until 2025-12-31'] },
          ],
          units: {
            added: [{ code: 'TA', name: 'Training Academy' }],
            removed: [],
            ended: [{ code: 'TRU', name: 'Training Unit', until: '2025-12-31' }],
            replaced: [{ code: 'TRU', name: 'Training Unit', replaced_by: ['TA'], kind: 'renamed', with: [] }],
          },
        },
      ],
    });
  });

  it('calls nothing added or removed that a partial side could not read', () => {
    const unread: WorkspaceSide = { organisations: [], unreadOrganisations: ['north'], plans: [], plansKnown: false };
    const diff = diffWorkspaces(side([minimal]), unread);
    expect(diff.organisations).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.plans).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('diffWorkspaces names a reorganisation as people do', () => {
  const side = (plans: (Plan | PartialPlan)[], organisations: Organisation[]): WorkspaceSide => ({ organisations, plans });
  const organisation = (units: Organisation['units']): Organisation => ({ id: 'north', name: 'Northern Agency', short_name: 'North', units });
  const unit = (code: string, extra: Partial<NonNullable<Organisation['units']>[number]> = {}) => ({ code, name: `${code} unit`, kind: 'unit' as const, ...extra });
  const replaced = (before: Organisation['units'], after: Organisation['units']) =>
    diffWorkspaces(side([], [organisation(before)]), side([], [organisation(after)])).organisations.changed[0]!.units.replaced.map(({ code, replaced_by, kind, with: merged }) => ({ code, replaced_by, kind, with: merged }));

  it('a unit replaced by one new unit: renamed', () => {
    expect(replaced([unit('TRU')], [unit('TRU', { until: '2025-12-31', replaced_by: ['TLU'] }), unit('TLU', { from: '2026-01-01' })])).toEqual([{ code: 'TRU', replaced_by: ['TLU'], kind: 'renamed', with: [] }]);
  });

  it('two units replaced by one: merged, each naming the other', () => {
    const after = [unit('A', { until: '2025-12-31', replaced_by: ['AB'] }), unit('B', { until: '2025-12-31', replaced_by: ['AB'] }), unit('AB', { from: '2026-01-01' })];
    expect(replaced([unit('A'), unit('B')], after)).toEqual([
      { code: 'A', replaced_by: ['AB'], kind: 'merged', with: ['B'] },
      { code: 'B', replaced_by: ['AB'], kind: 'merged', with: ['A'] },
    ]);
  });

  it('one unit replaced by two: split', () => {
    const after = [unit('AB', { until: '2025-12-31', replaced_by: ['A', 'B'] }), unit('A', { from: '2026-01-01' }), unit('B', { from: '2026-01-01' })];
    expect(replaced([unit('AB')], after)).toEqual([{ code: 'AB', replaced_by: ['A', 'B'], kind: 'split', with: [] }]);
  });
});
