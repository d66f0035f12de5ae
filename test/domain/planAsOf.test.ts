import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activityAsOf, planAsOf, planStart } from '../../src/domain/planAsOf.js';
import { loadFixture } from '../helpers.js';
import type { Activity, Plan } from '../../src/model.js';
import { fixtures } from '../helpers.js';

const minimal = loadFixture(join(fixtures, 'minimal', 'plan'), { cwd: fixtures, today: '2026-11-28' }).plan!;

/** AN-1 started on 2019-07-18, in progress from 2020-03-02 (with a note on 2020-06-01), completed on 2021-01-15. */
const progressed: Activity = {
  ...minimal.activities[0]!,
  status: 'completed',
  history: [
    { date: '2019-07-18', status: 'planned' },
    { date: '2020-03-02', status: 'in-progress', note: 'Kick-off' },
    { date: '2020-06-01', status: 'in-progress', note: 'First results' },
    { date: '2021-01-15', status: 'completed' },
  ],
};

describe('activityAsOf', () => {
  it('gives the status of the last entry up to the day, the day itself included', () => {
    const on = (date: string) => {
      const then = activityAsOf(progressed, date);
      return then && [then.status, then.history.length];
    };
    expect(on('2019-07-18')).toEqual(['planned', 1]);
    expect(on('2020-03-01')).toEqual(['planned', 1]);
    expect(on('2020-03-02')).toEqual(['in-progress', 2]);
    expect(on('2020-12-31')).toEqual(['in-progress', 3]);
    expect(on('2021-01-15')).toEqual(['completed', 4]);
  });

  it('is undefined before the first entry: the activity did not exist yet', () => {
    expect(activityAsOf(progressed, '2019-07-17')).toBeUndefined();
  });

  it('returns the activity itself when its whole history is up to the day, and leaves the original alone', () => {
    expect(activityAsOf(progressed, '2026-11-28')).toBe(progressed);
    activityAsOf(progressed, '2020-01-01');
    expect(progressed.history).toHaveLength(4);
  });
});

describe('planAsOf', () => {
  const plan: Plan = {
    ...minimal,
    meta: { ...minimal.meta, signing: { date: '2019-07-18', place: 'Helsinki' } },
    activities: [progressed, { ...minimal.activities[1]!, history: [{ date: '2020-05-01', status: 'ongoing' }] }, ...minimal.activities.slice(2)],
  };

  it('keeps the activities whose history had begun, each with its status that day', () => {
    const then = planAsOf(plan, '2020-04-30')!;
    expect(then.activities.map((activity) => [activity.id, activity.status])).toEqual([
      ['AN-1', 'in-progress'],
      ['TR-1', 'planned'],
    ]);
    expect(planAsOf(plan, '2020-05-01')!.activities.map((activity) => activity.id)).toEqual(['AN-1', 'AN-2', 'TR-1']);
  });

  it('is undefined before the signing day, and the plan itself when nothing is dated later', () => {
    expect(planAsOf(plan, '2019-07-17')).toBeUndefined();
    expect(planAsOf(plan, '2019-07-18')!.activities.map((activity) => activity.status)).toEqual(['planned', 'planned']);
    expect(planAsOf(plan, '2026-11-28')).toBe(plan);
  });

  it('starts an unsigned plan on the earliest day its history records', () => {
    expect(minimal.meta.signing).toBeUndefined();
    expect(planStart(minimal)).toBe('2019-07-18');
    expect(planStart({ ...minimal, activities: [] })).toBeUndefined();
    expect(planAsOf({ ...minimal, activities: [] }, '1900-01-01')!.activities).toEqual([]);
  });
});
