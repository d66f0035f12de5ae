import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusReport } from '../../src/domain/statusReport.js';
import { loadFixture } from '../helpers.js';
import type { Activity, Plan, Status } from '../../src/model.js';
import { fixtures, TODAY } from '../helpers.js';

const minimal = loadFixture(join(fixtures, 'minimal', 'plan'), { cwd: fixtures, today: TODAY }).plan!;
const zero = { planned: 0, 'in-progress': 0, ongoing: 0, completed: 0, 'on-hold': 0, cancelled: 0 };

/** The minimal plan with each activity's history ending in the given status on the given day. */
function withLastEntries(entries: Record<string, [Status, string, string?]>): Plan {
  const activities = minimal.activities.map((activity): Activity => {
    const entry = entries[activity.id];
    if (!entry) return activity;
    const [status, date, note] = entry;
    return { ...activity, status, history: [...activity.history, { date, status, ...(note && { note }) }] };
  });
  return { ...minimal, activities };
}

describe('statusReport', () => {
  it('counts the selection by status, by area and by unit, leaving out what carries none of it', () => {
    const selection = minimal.activities.filter((activity) => activity.area === 'analysis');
    const report = statusReport(minimal, selection, { asOf: '2019-08-01', staleDays: 180 });
    expect(report.planTotal).toBe(3);
    expect(report.byStatus).toEqual({ ...zero, planned: 1, ongoing: 1 });
    expect(report.areas.map(({ area, activities, byStatus }) => [area.id, activities.map((a) => a.id), byStatus])).toEqual([
      ['analysis', ['AN-1', 'AN-2'], { ...zero, planned: 1, ongoing: 1 }],
    ]);
    expect(report.parties.map(({ party, units }) => [party.id, units.map(({ unit, total, byStatus }) => [unit.code, total, byStatus])])).toEqual([
      ['north', [['RAU', 2, { ...zero, planned: 1, ongoing: 1 }]]],
      ['south', [['IAU', 2, { ...zero, planned: 1, ongoing: 1 }]]],
    ]);
  });

  it('lists on-hold and cancelled activities with the day and note of their last entry', () => {
    const plan = withLastEntries({ 'AN-2': ['on-hold', '2026-03-02', 'Waiting'], 'TR-1': ['cancelled', '2026-10-01'] });
    const report = statusReport(plan, plan.activities, { asOf: TODAY, staleDays: 180 });
    expect(report.onHold.map(({ activity, since, days, note }) => [activity.id, since, days, note])).toEqual([['AN-2', '2026-03-02', 271, 'Waiting']]);
    expect(report.cancelled.map(({ activity, since, note }) => [activity.id, since, note])).toEqual([['TR-1', '2026-10-01', undefined]]);
  });

  it('finds open activities whose last entry is more than staleDays old; finished and on-hold ones are not stale', () => {
    const plan = withLastEntries({ 'AN-2': ['completed', '2019-08-01'], 'TR-1': ['in-progress', '2026-06-01'] });
    const stale = (asOf: string, staleDays = 180) => statusReport(plan, plan.activities, { asOf, staleDays }).stale.map(({ activity, days }) => [activity.id, days]);
    expect(stale(TODAY)).toEqual([['AN-1', 2690]]);
    expect(stale(TODAY, 179)).toEqual([['AN-1', 2690], ['TR-1', 180]]);
    expect(stale(TODAY, 2690)).toEqual([]);
    // Whole calendar days, across a leap day and a change of clocks.
    expect(stale('2020-03-29', 0)).toEqual([['AN-1', 255]]);
  });

  it('counts nothing for an empty selection', () => {
    const report = statusReport(minimal, [], { asOf: TODAY, staleDays: 180 });
    expect([report.byStatus, report.areas, report.parties, report.stale]).toEqual([zero, [], [], []]);
  });
});
