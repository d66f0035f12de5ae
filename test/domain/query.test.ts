import { describe, expect, it } from 'vitest';
import { closest } from '../../src/text/closest.js';
import { selectActivities, sortActivities, type ActivityFilter } from '../../src/domain/query.js';
import { loadFixture } from '../helpers.js';
import type { Plan } from '../../src/model.js';
import { shippedPlan, shippedRoot, TODAY } from '../helpers.js';

const plan = loadFixture(shippedPlan, { cwd: shippedRoot, today: TODAY }).plan!;
const select = (filter: ActivityFilter, on: Plan = plan) => selectActivities(on, filter).map((activity) => activity.id);
const ids = (unit: string[]) => select({ unit });

const ALL = plan.activities.map((activity) => activity.id);
const ONGOING = ['OC-1', 'OC-2', 'OC-3', 'HC-1', 'HC-3', 'HC-4'];
const PLANNED = ALL.filter((id) => !ONGOING.includes(id));
const IA = ['IA-1', 'IA-2', 'IA-3', 'IA-4'];
const HC = ['HC-1', 'HC-2', 'HC-3', 'HC-4', 'HC-5'];
const WITH_COMMISSION = ['OC-1', 'OC-2', 'OC-3', 'HC-2'];

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
    expect(ids(['EASO:ict'])).toEqual(['HC-2']);
  });
});

describe('selectActivities: the query language on the shipped plan', () => {
  const cases: [string, ActivityFilter, string[]][] = [
    ['no filter: every activity, in plan order', {}, ALL],
    ['area by prefix', { area: ['IA'] }, IA],
    ['area by prefix, lower case', { area: ['ia'] }, IA],
    ['area by id', { area: ['information-and-analysis'] }, IA],
    ['area by an unambiguous start of its id', { area: ['info'] }, IA],
    ['area by a start of its id, upper case', { area: ['INFO'] }, IA],
    ['areas ORed, repeated', { area: ['IA', 'hc'] }, [...IA, ...HC]],
    ['areas ORed, comma-separated', { area: ['IA,horizontal'] }, [...IA, ...HC]],
    ['status', { status: ['ongoing'] }, ONGOING],
    ['status, upper case', { status: ['ONGOING'] }, ONGOING],
    ['statuses ORed', { status: ['planned,ongoing'] }, ALL],
    ['a status nothing has', { status: ['completed'] }, []],
    ['negation: what is still open', { notStatus: ['completed', 'cancelled'] }, ALL],
    ['negation of one status', { notStatus: ['planned'] }, ONGOING],
    ['negation of every status in use', { notStatus: ['planned,ongoing'] }, []],
    ['status AND negation', { status: ['planned', 'ongoing'], notStatus: ['ongoing'] }, PLANNED],
    ['party by id', { party: ['easo'] }, ALL],
    ['party by short name, any case', { party: ['FRONTEX'] }, ALL],
    ['with, by name', { with: ['Europol'] }, ['OC-1', 'IA-2']],
    ['with, lower case', { with: ['europol'] }, ['OC-1', 'IA-2']],
    ['with, by id', { with: ['european-commission'] }, WITH_COMMISSION],
    ['with, by alias', { with: ['Commission'] }, WITH_COMMISSION],
    ['with, by an alias in another case', { with: ['dg home'] }, WITH_COMMISSION],
    ['with, ORed', { with: ['Europol,eu-lisa'] }, ['OC-1', 'IA-2', 'HC-2']],
    ['area AND status AND with', { area: ['IA'], status: ['planned'], with: ['Europol'] }, ['IA-2']],
    ['unit AND area', { unit: ['RAU'], area: ['CB'] }, ['CB-7']],
    ['units ORed, AND area', { unit: ['RAU', 'TRU'], area: ['CB'] }, ['CB-1', 'CB-2', 'CB-3', 'CB-7']],
    ['one party’s unit AND area', { unit: ['easo:IAU'], area: ['hc'] }, ['HC-2']],
    ['unit AND negation', { unit: ['PRU'], notStatus: ['ongoing'] }, ['OC-4']],
    ['unit AND with', { unit: ['OU'], with: ['Europol'] }, ['OC-1']],
    ['search: a word in a title or text, any case', { search: ['mmst'] }, ['OC-1', 'CB-1']],
    ['search: a word in the actions only', { search: ['debriefing'] }, ['IA-1']],
    ['search: an id', { search: ['hc-3'] }, ['HC-3']],
    ['search: every word must occur', { search: ['social media'] }, ['IA-1']],
    ['search: a quoted phrase', { search: ['"social media"'] }, ['IA-1']],
    ['search: a phrase in the wrong order', { search: ['"media social"'] }, []],
    ['search: a phrase across a line break', { search: ['"may include: cooperation and development"'] }, ['IA-1']],
    ['search: a straight apostrophe finds a typographic one', { search: ["each other's"] }, ['IA-1']],
    ['search: repeated means OR', { search: ['vulnerability', 'big data'] }, ['IA-3', 'CB-7']],
    ['search: a comma stays part of the text', { search: ['"data, forecasting"'] }, ['CB-7']],
    ['search AND area', { search: ['europol'], area: ['OC'] }, ['OC-1']],
  ];
  for (const [name, filter, expected] of cases) {
    it(`${name}: ${JSON.stringify(filter)}`, () => expect(select(filter)).toEqual(expected));
  }
});

describe('selectActivities: an unknown value names the closest known one', () => {
  const cases: [ActivityFilter, string][] = [
    [{ unit: ['RUA'] }, '--unit RUA: no unit "RUA" (did you mean RAU?)'],
    [{ unit: ['frontx:RAU'] }, '--unit frontx:RAU: no party "frontx" (did you mean frontex:RAU?)'],
    [{ unit: ['RAU,VUA'] }, '--unit VUA: no unit "VUA" (did you mean VAU?)'],
    [{ party: ['frontx'] }, '--party frontx: no party "frontx" (did you mean frontex?)'],
    [{ area: ['AI'] }, '--area AI: no area "AI" (did you mean IA?); areas: operational-cooperation (OC), information-and-analysis (IA), capacity-building (CB), horizontal-cooperation (HC)'],
    [{ area: ['capacity-bulding'] }, '--area capacity-bulding: no area "capacity-bulding" (did you mean capacity-building?)'],
    [{ status: ['planed'] }, '--status planed: no status "planed" (did you mean planned?); statuses: planned, in-progress, ongoing, completed, on-hold, cancelled'],
    [{ status: ['ongoing,inprogress'] }, '--status inprogress: no status "inprogress" (did you mean in-progress?)'],
    [{ status: ['!completed'] }, '--status !completed: to leave a status out, use --not-status completed'],
    [{ notStatus: ['complete'] }, '--not-status complete: no status "complete" (did you mean completed?)'],
    [{ with: ['Europl'] }, '--with Europl: no organisation "Europl" (did you mean Europol?)'],
    [{ with: ['eu-lisaa'] }, '--with eu-lisaa: no organisation "eu-lisaa" (did you mean eu-LISA?)'],
    [{ with: ['EASO'] }, '--with EASO: EASO is a party, not another organisation (use --party easo)'],
    [{ search: ['  '] }, '--search "  ": give at least one word to look for'],
    [{ unit: [''] }, '--unit "": give a value'],
    [{ status: [' , '] }, '--status " , ": give a value'],
  ];
  for (const [filter, message] of cases) {
    it(JSON.stringify(filter), () => {
      expect(() => select(filter)).toThrow(expect.objectContaining({ name: 'UsageError', message: expect.stringContaining(message) }));
    });
  }

  it('checks every value even when an earlier filter already matches nothing', () => {
    expect(() => select({ status: ['completed'], with: ['Interpol'] })).toThrow(/--with Interpol: no organisation/);
  });

  it('names every candidate of an ambiguous start of an area id', () => {
    const areas = [...plan.areas, { ...plan.areas[0]!, id: 'information-security', prefix: 'IS', title: 'Information security' }];
    const twoInfos: Plan = { ...plan, areas };
    expect(select({ area: ['IS'] }, twoInfos)).toEqual([]);
    expect(select({ area: ['information-a'] }, twoInfos)).toEqual(IA);
    expect(() => select({ area: ['info'] }, twoInfos)).toThrow(
      '--area info: ambiguous, it starts information-and-analysis (IA), information-security (IS)',
    );
  });
});

describe('sortActivities', () => {
  const sorted = (key: Parameters<typeof sortActivities>[1], from = plan.activities) => sortActivities(from, key, plan).map((activity) => activity.id);

  it('keeps plan order by default', () => expect(sorted(undefined)).toEqual(ALL));
  it('sorts ids by prefix, then number', () => {
    expect(sorted('id').slice(0, 8)).toEqual(['CB-1', 'CB-2', 'CB-3', 'CB-4', 'CB-5', 'CB-6', 'CB-7', 'HC-1']);
  });
  it('sorts by status in order of progress, ties in plan order', () => expect(sorted('status')).toEqual([...PLANNED, ...ONGOING]));
  it('groups by area id', () => expect(sorted('area')).toEqual([...ALL.filter((id) => id.startsWith('CB')), ...HC, ...IA, ...ALL.filter((id) => id.startsWith('OC'))]));
  it('sorts titles alphabetically, ignoring case', () => {
    const titles = sortActivities(plan.activities, 'title', plan).map((activity) => activity.title);
    expect(titles[0]).toBe('Big data, forecasting and monitoring methodologies');
    expect(titles.map((title) => title.toLowerCase())).toEqual(titles.map((title) => title.toLowerCase()).sort());
  });
  it('puts 10 after 9', () => {
    const tenth = { ...plan.activities[0]!, id: 'OC-10' };
    const ninth = { ...plan.activities[1]!, id: 'OC-9' };
    expect(sortActivities([tenth, ninth], 'id', { ...plan, activities: [tenth, ninth] }).map((activity) => activity.id)).toEqual(['OC-9', 'OC-10']);
  });
});

describe('closest', () => {
  it('counts a swapped pair as one edit', () => {
    expect(closest('RUA', ['FSC', 'RAU', 'RIU'])).toBe('RAU');
    expect(closest('x', [])).toBeUndefined();
  });
});
