import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../src/domain/diffPlans.js';
import { loadPlan } from '../../src/load/loadPlan.js';
import type { Activity, PartialPlan, Plan } from '../../src/model.js';
import { fixtures, root } from '../helpers.js';

const minimal = loadPlan(join(fixtures, 'minimal', 'plan'), { cwd: root, today: '2026-11-28' }).plan!;

/** A copy of the minimal plan, changed by `edit`. */
function changed(edit: (plan: Plan, activity: (id: string) => Activity) => void): Plan {
  const plan = structuredClone(minimal);
  edit(plan, (id) => plan.activities.find((activity) => activity.id === id)!);
  return plan;
}

const empty = { activities: { added: [], removed: [], changed: [] }, units: { added: [], removed: [] }, areas: { added: [], removed: [] } };

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
      { id: 'AN-1', title: 'Joint analysis', status: { from: 'planned', to: 'in-progress', date: '2024-03-01', note: 'Kick-off held' }, units: [], fields: [] },
    ]);
  });

  it('names the history as changed when it was rewritten, or grew without a change of status', () => {
    const rewritten = changed((_, activity) => {
      activity('AN-1').status = 'on-hold';
      activity('AN-1').history = [{ date: '2019-07-18', status: 'on-hold' }];
    });
    expect(diffPlans(minimal, rewritten).activities.changed).toEqual([
      { id: 'AN-1', title: 'Joint analysis', status: { from: 'planned', to: 'on-hold', date: null, note: null }, units: [], fields: ['history'] },
    ]);
    const roundTrip = changed((_, activity) => {
      activity('AN-1').history.push({ date: '2024-03-01', status: 'on-hold' }, { date: '2024-04-01', status: 'planned' });
    });
    expect(diffPlans(minimal, roundTrip).activities.changed).toEqual([{ id: 'AN-1', title: 'Joint analysis', status: null, units: [], fields: ['history'] }]);
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
      { id: 'AN-1', title: 'Joint analysis', status: null, units: [], fields: ['with'] },
      { id: 'AN-2', title: 'Data exchange', status: null, units: [], fields: ['text', 'related'] },
      {
        id: 'TR-1',
        title: 'Joint training courses',
        status: null,
        units: [
          { party: 'north', added: ['RAU'], removed: [] },
          { party: 'south', added: ['IAU'], removed: ['TU'] },
        ],
        fields: ['title', 'actions'],
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
      plan.units.set('north', plan.units.get('north')!.filter((unit) => unit.code !== 'TRU'));
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
      changed: [{ id: 'AN-2', title: 'Data exchange, renamed', status: null, units: [], fields: ['title'] }],
    });
    expect(diffPlans(broken, minimal).activities).toMatchObject({ added: [], removed: [] });
    expect(diffPlans(minimal, { ...broken, meta: undefined })).toEqual(empty);
    expect(diffPlans(minimal, { ...after, units: undefined, unreadAreas: [] }).units).toEqual({ added: [], removed: [] });
  });
});
