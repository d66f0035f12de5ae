import { describe, expect, it } from 'vitest';
import { sharedActivities } from '../../src/domain/sharedActivities.js';
import type { Activity, Unit } from '../../src/model.js';

function activity(id: string, units: Record<string, string[]>): Activity {
  return { id, title: id, status: 'planned', units, text: '', history: [{ date: '2019-07-18', status: 'planned' }], area: 'a', plan: 'p', source: { file: 'a.yaml', line: 1 } };
}
const units = (...codes: string[]): Unit[] => codes.map((code) => ({ code, name: `${code} unit`, kind: 'unit' }));
const codes = (list: Unit[]) => list.map((unit) => unit.code);

describe('sharedActivities', () => {
  it('counts the activities each pair of units shares and orders both sides so the clusters form blocks', () => {
    // Two clusters, listed interleaved: {A1, A3} with {B2, B4}, and {A2} with {B1, B3}.
    const activities = [
      activity('X-1', { a: ['A1'], b: ['B2'] }),
      activity('X-2', { a: ['A1', 'A3'], b: ['B2', 'B4'] }),
      activity('X-3', { a: ['A2'], b: ['B1', 'B3'] }),
      activity('X-4', { a: ['A2'], b: ['B3'] }),
      activity('X-5', { a: ['A3'], b: ['B4'] }),
    ];
    const shared = sharedActivities(activities, { id: 'a', units: units('A1', 'A2', 'A3') }, { id: 'b', units: units('B1', 'B2', 'B3', 'B4') });
    expect([codes(shared.rows), codes(shared.columns)]).toEqual([
      ['A1', 'A3', 'A2'],
      ['B2', 'B4', 'B1', 'B3'],
    ]);
    expect(shared.cells).toEqual([
      [2, 1, 0, 0],
      [1, 2, 0, 0],
      [0, 0, 1, 2],
    ]);
  });

  it('leaves out units in no activity and puts units that share nothing with the other party last', () => {
    const activities = [activity('X-1', { a: ['A2'] }), activity('X-2', { a: ['A3'], b: ['B1'] })];
    const shared = sharedActivities(activities, { id: 'a', units: units('A1', 'A2', 'A3') }, { id: 'b', units: units('B1', 'B2') });
    expect([codes(shared.rows), codes(shared.columns), shared.cells]).toEqual([['A3', 'A2'], ['B1'], [[1], [0]]]);
  });
});
