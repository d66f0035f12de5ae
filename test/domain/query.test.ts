import { describe, expect, it } from 'vitest';
import { closest } from '../../src/domain/closest.js';
import { selectActivities } from '../../src/domain/query.js';
import { loadPlan } from '../../src/load/loadPlan.js';
import { root, shippedPlan } from '../helpers.js';

const plan = loadPlan(shippedPlan, { cwd: root, today: '2026-11-28' }).plan!;
const ids = (unit: string[]) => selectActivities(plan, { unit }).map((activity) => activity.id);

describe('selectActivities --unit', () => {
  it('selects the Risk Analysis Unit and nothing of the Vulnerability Assessment Unit', () => {
    expect(ids(['RAU'])).toEqual(['IA-1', 'IA-2', 'IA-4', 'CB-7', 'HC-2']);
    expect(ids(['VAU'])).toEqual(['IA-3']);
  });

  it('is case-insensitive and ORs repeated and comma-separated values', () => {
    expect(ids(['rau'])).toEqual(ids(['RAU']));
    expect(ids(['VAU', 'CAB'])).toEqual(['IA-3', 'HC-1']);
    expect(ids(['VAU,CAB'])).toEqual(['IA-3', 'HC-1']);
  });

  it('matches a unit of one party with party:CODE', () => {
    expect(ids(['frontex:SEC'])).toEqual(['OC-1']);
    expect(ids(['easo:SEC'])).toEqual(['OC-1']);
    expect(ids(['easo:ICT'])).toEqual(['HC-2']);
  });

  it('names the closest known value for an unknown one', () => {
    expect(() => ids(['RUA'])).toThrow('--unit RUA: no unit "RUA" (did you mean RAU?)');
    expect(() => ids(['frontex:IAU'])).toThrow(/no unit "IAU" \(did you mean frontex:/);
    expect(() => ids(['frontx:RAU'])).toThrow('--unit frontx:RAU: no party "frontx" (did you mean frontex:RAU?)');
  });
});

describe('closest', () => {
  it('counts a swapped pair as one edit', () => {
    expect(closest('RUA', ['FSC', 'RAU', 'RIU'])).toBe('RAU');
    expect(closest('x', [])).toBeUndefined();
  });
});
