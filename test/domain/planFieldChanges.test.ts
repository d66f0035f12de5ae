import { describe, expect, it } from 'vitest';
import { planFieldChanges, type PlanFields } from '../../src/domain/planFieldChanges.js';

const signed: PlanFields = {
  title: 'Cooperation Plan between Frontex and EASO',
  legal_basis: { title: 'Working Arrangement', date: '2012-09-26' },
  signing: { date: '2019-07-18', place: 'Helsinki' },
  parties: [
    { organisation: 'frontex', signatory: { name: 'A. Person', role: 'Executive Director' } },
    { organisation: 'easo', signatory: { name: 'B. Person', role: 'Executive Director' } },
  ],
};

describe('planFieldChanges', () => {
  it('finds nothing between a plan and itself', () => {
    expect(planFieldChanges(signed, structuredClone(signed))).toEqual([]);
  });

  it('gives each changed field old → new, as one line each, and a title as its changed words', () => {
    const revised: PlanFields = {
      ...structuredClone(signed),
      title: 'Cooperation Plan between Frontex and EUAA',
      legal_basis: { title: 'Working Arrangement', date: '2012-09-26', replaced_by: { title: 'Working Arrangement', date: '2026-01-22' } },
      parties: [signed.parties![0]!, { organisation: 'easo', signatory: { name: 'C. Person', role: 'Executive Director' } }, { organisation: 'europol' }],
      period: { from: '2019-07-18', until: '2021-12-31' },
      supersedes: 'frontex-easo-2017',
    };
    expect(planFieldChanges(signed, revised)).toEqual([
      {
        field: 'title',
        from: 'Cooperation Plan between Frontex and EASO',
        to: 'Cooperation Plan between Frontex and EUAA',
        words: [{ text: 'Cooperation Plan between Frontex and ' }, { text: 'EASO', removed: true }, { text: 'EUAA', added: true }],
      },
      { field: 'legal_basis', from: 'Working Arrangement (2012-09-26)', to: 'Working Arrangement (2012-09-26); replaced by Working Arrangement (2026-01-22)' },
      { field: 'parties', from: 'frontex, easo', to: 'frontex, easo, europol' },
      {
        field: 'signatories',
        from: 'frontex: A. Person, Executive Director; easo: B. Person, Executive Director',
        to: 'frontex: A. Person, Executive Director; easo: C. Person, Executive Director',
      },
      { field: 'period', from: null, to: '2019-07-18 to 2021-12-31' },
      { field: 'supersedes', from: null, to: 'frontex-easo-2017' },
    ]);
  });
});
