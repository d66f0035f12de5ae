import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDate } from '../src/io.js';
import { loadFixture } from './helpers.js';
import { root, SHIPPED_PLAN, shippedPlan, shippedRoot, TODAY } from './helpers.js';
import { sourceActivities } from './source-activities.js';

const { plan, findings } = loadFixture(shippedPlan, { cwd: shippedRoot, today: TODAY });
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the Frontex–EASO plan as signed (the frozen fixture)', () => {
  it('is valid, without warnings', () => {
    expect(findings).toEqual([]);
    expect(plan).toBeDefined();
  });

  it('has the four areas in order with their fixed prefixes', () => {
    expect(plan!.areas.map((area) => `${area.id} ${area.prefix}`)).toEqual([
      'operational-cooperation OC',
      'information-and-analysis IA',
      'capacity-building CB',
      'horizontal-cooperation HC',
    ]);
  });

  it('holds exactly the activities of the source, in order', () => {
    expect(plan!.activities.map((activity) => activity.id)).toEqual(sourceActivities.map((activity) => activity.id));
  });

  for (const expected of sourceActivities) {
    it(`carries ${expected.id} as the source has it`, () => {
      const activity = plan!.activities.find((candidate) => candidate.id === expected.id)!;
      expect(activity.area).toBe(expected.area);
      expect(activity.units).toEqual(expected.units);
      expect(activity.status).toBe(expected.status);
      expect(activity.history).toEqual([{ date: '2019-07-18', status: expected.status }]);
      const written = normalise([activity.text, ...(activity.actions ?? [])].join(' '));
      for (const phrase of expected.phrases) expect(written).toContain(normalise(phrase));
    });
  }

  it('records the Vulnerability Assessment Unit as VAU and the uncoded EASO sectors as assigned codes', () => {
    const frontex = plan!.units.get('frontex')!;
    const easo = plan!.units.get('easo')!;
    expect(frontex.find((unit) => unit.code === 'VAU')?.name).toBe('Vulnerability Assessment Unit');
    expect(easo.filter((unit) => unit.code_in_source === false).map((unit) => unit.name)).toEqual(['Security Sector', 'Procurement Sector']);
  });

  it('links the joint MMST training named in two areas', () => {
    const related = (id: string) => plan!.activities.find((activity) => activity.id === id)?.related;
    expect(related('OC-1')).toContain('CB-1');
    expect(related('CB-1')).toContain('OC-1');
  });

  it('is the one plan of its workspace, and keeps EASO as signed while resolving it to the EUAA it became', () => {
    expect(plan!.id).toBe(SHIPPED_PLAN);
    expect(plan!.parties.map((party) => [party.id, party.short_name, party.name, party.current])).toEqual([
      ['frontex', 'Frontex', 'European Border and Coast Guard Agency', 'frontex'],
      ['easo', 'EASO', 'European Asylum Support Office', 'euaa'],
    ]);
  });

  it('records the signing, the legal basis and the signatories', () => {
    expect(plan!.meta.signing).toMatchObject({ date: '2019-07-18', place: 'Helsinki', copies: ['easo', 'frontex', 'european-commission'] });
    expect(plan!.meta.legal_basis?.date).toBe('2012-09-26');
    expect(plan!.parties.map((party) => party.signatory?.name)).toEqual(['Fabrice Leggeri', 'Nina Gregori']);
  });
});

// The live plan/ is the users' data: a set-status, a new activity or a reorganisation changes it, so
// the one thing a test may hold it to is what `plan validate` holds it to, on the real today.
describe('the live plan/', () => {
  it('has no errors', () => {
    const live = loadFixture(join(root, 'plan'), { cwd: root, today: localDate(new Date()) });
    expect(live.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});
