import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unitCounts } from '../../src/domain/unitCounts.js';
import { loadFixture } from '../helpers.js';
import { fixtures, TODAY } from '../helpers.js';

const plan = loadFixture(join(fixtures, 'minimal', 'plan'), { cwd: fixtures, today: TODAY }).plan!;
const zero = { planned: 0, 'in-progress': 0, ongoing: 0, completed: 0, 'on-hold': 0, cancelled: 0 };

describe('unitCounts', () => {
  it('counts the activities of each unit of each party, by status, in units.yaml order', () => {
    expect(unitCounts(plan)).toEqual([
      { party: 'north', code: 'RAU', name: 'Risk Analysis Unit', kind: 'unit', activities: 2, by_status: { ...zero, planned: 1, ongoing: 1 } },
      { party: 'north', code: 'TRU', name: 'Training Unit', kind: 'unit', activities: 1, by_status: { ...zero, planned: 1 } },
      { party: 'south', code: 'IAU', name: 'Information and Analysis Unit', kind: 'unit', activities: 2, by_status: { ...zero, planned: 1, ongoing: 1 } },
      { party: 'south', code: 'TU', name: 'Training Unit', kind: 'unit', activities: 1, by_status: { ...zero, planned: 1 } },
    ]);
  });

  it('gives only the parties asked for, in the order asked', () => {
    expect(unitCounts(plan, ['south', 'north']).map((row) => `${row.party}:${row.code}`)).toEqual(['south:IAU', 'south:TU', 'north:RAU', 'north:TRU']);
  });

  it('counts a unit of one party only where that party carries it', () => {
    const shared = { ...plan, units: new Map([...plan.units, ['south', [...plan.units.get('south')!, { code: 'RAU', name: 'Southern risk', kind: 'unit' as const }]]]) };
    expect(unitCounts(shared, ['south']).find((row) => row.code === 'RAU')).toMatchObject({ activities: 0, by_status: zero });
  });
});
