import { describe, expect, it } from 'vitest';
import { cumulativeFlow } from '../../src/domain/cumulativeFlow.js';
import type { Activity, HistoryEntry } from '../../src/model.js';

const zero = { planned: 0, 'in-progress': 0, ongoing: 0, completed: 0, 'on-hold': 0, cancelled: 0 };

function activity(id: string, history: HistoryEntry[]): Activity {
  return { id, title: id, status: history.at(-1)!.status, units: {}, text: '', history, area: 'a', plan: 'p', source: { file: 'a.yaml', line: 1 } };
}

describe('cumulativeFlow', () => {
  it('gives the first day, each day a status changed, and the last day, with the counts at the end of each', () => {
    const activities = [
      activity('A-1', [{ date: '2019-07-18', status: 'planned' }, { date: '2020-01-10', status: 'in-progress' }, { date: '2021-05-01', status: 'completed' }]),
      activity('A-2', [{ date: '2019-07-18', status: 'ongoing' }]),
      activity('A-3', [{ date: '2020-01-10', status: 'planned' }, { date: '2020-03-01', status: 'cancelled' }]),
    ];
    expect(cumulativeFlow(activities, { from: '2019-07-18', to: '2022-01-01' })).toEqual([
      { date: '2019-07-18', counts: { ...zero, planned: 1, ongoing: 1 } },
      { date: '2020-01-10', counts: { ...zero, planned: 1, 'in-progress': 1, ongoing: 1 } },
      { date: '2020-03-01', counts: { ...zero, 'in-progress': 1, ongoing: 1, cancelled: 1 } },
      { date: '2021-05-01', counts: { ...zero, ongoing: 1, completed: 1, cancelled: 1 } },
      { date: '2022-01-01', counts: { ...zero, ongoing: 1, completed: 1, cancelled: 1 } },
    ]);
  });

  it('takes entries before the first day into its state, ignores entries after the last, and skips progress notes', () => {
    const activities = [
      activity('A-1', [{ date: '2019-01-01', status: 'planned' }, { date: '2019-02-01', status: 'ongoing' }, { date: '2019-03-01', status: 'ongoing', note: 'progress' }, { date: '2030-01-01', status: 'completed' }]),
    ];
    expect(cumulativeFlow(activities, { from: '2019-02-15', to: '2020-01-01' })).toEqual([
      { date: '2019-02-15', counts: { ...zero, ongoing: 1 } },
      { date: '2020-01-01', counts: { ...zero, ongoing: 1 } },
    ]);
  });

  it('lets the last of an activity\u2019s entries on one day decide, and gives one day when the range is one day', () => {
    const activities = [activity('A-1', [{ date: '2019-07-18', status: 'planned' }, { date: '2019-07-18', status: 'on-hold' }])];
    expect(cumulativeFlow(activities, { from: '2019-07-18', to: '2019-07-18' })).toEqual([{ date: '2019-07-18', counts: { ...zero, 'on-hold': 1 } }]);
  });

  it('counts nothing before the first entry of any activity', () => {
    expect(cumulativeFlow([activity('A-1', [{ date: '2020-01-01', status: 'planned' }])], { from: '2019-07-18', to: '2020-01-01' })).toEqual([
      { date: '2019-07-18', counts: zero },
      { date: '2020-01-01', counts: { ...zero, planned: 1 } },
    ]);
  });
});
