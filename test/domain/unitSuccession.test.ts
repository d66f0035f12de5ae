import { describe, expect, it } from 'vitest';
import { currentCodes, replacedBy, successorCodes } from '../../src/domain/unitSuccession.js';
import type { Unit } from '../../src/model.js';

const unit = (code: string, extra: Partial<Unit> = {}): Unit => ({ code, name: code, kind: 'unit', ...extra });
// A renamed to B at the end of 2024, B split into C and D at the end of 2025; E untouched.
const units = [unit('A', { until: '2024-12-31', replaced_by: ['B'] }), unit('B', { until: '2025-12-31', replaced_by: ['C', 'D'] }), unit('C'), unit('D'), unit('E')];

describe('unit succession', () => {
  it('passes a unit’s work on only once it has ended, by the day asked', () => {
    expect(replacedBy(units[0]!, '2024-12-31')).toEqual([]);
    expect(replacedBy(units[0]!, '2025-01-01')).toEqual(['B']);
    expect(replacedBy(units[0]!)).toEqual(['B']);
    expect(replacedBy(unit('X', { replaced_by: ['Y'] }))).toEqual([]);
  });

  it('follows every chain to its end, by the day asked', () => {
    expect([...successorCodes(units, ['A'])].sort()).toEqual(['A', 'B', 'C', 'D']);
    expect([...successorCodes(units, ['A'], '2025-06-30')].sort()).toEqual(['A', 'B']);
    expect([...successorCodes(units, ['E'])]).toEqual(['E']);
  });

  it('names the units that carry the work on a day, and stops at a loop', () => {
    expect(currentCodes(units, 'A', '2026-01-01')).toEqual(['C', 'D']);
    expect(currentCodes(units, 'A', '2025-06-30')).toEqual(['B']);
    expect(currentCodes(units, 'E', '2026-01-01')).toEqual(['E']);
    const loop = [unit('P', { until: '2020-01-01', replaced_by: ['Q'] }), unit('Q', { until: '2020-01-01', replaced_by: ['P'] })];
    expect([...successorCodes(loop, ['P'])].sort()).toEqual(['P', 'Q']);
  });
});
