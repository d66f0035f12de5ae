import { UsageError } from '../errors.js';
import { STATUSES, type Activity, type Area, type OtherOrganisation, type Party, type Plan, type Status } from '../model.js';
import { replacedBy, successorCodes } from './unitSuccession.js';
import { closest, didYouMean } from '../text/closest.js';

/**
 * What `plan list` and `plan report` select by. Different filters combine with AND; the values
 * of one filter (repeated, or comma-separated where a value cannot hold a comma) with OR.
 */
export interface ActivityFilter {
  /** Unit codes (`RAU`) or party-qualified codes (`frontex:SEC`), case-insensitive. */
  unit?: readonly string[];
  /** Party ids or short names: the activities a party takes part in. */
  party?: readonly string[];
  /** Areas by id, prefix (`IA`) or an unambiguous start of the id (`info`). */
  area?: readonly string[];
  status?: readonly string[];
  /** Statuses to leave out, for "what is still open". */
  notStatus?: readonly string[];
  /** Other organisations, by id, name or alias. */
  with?: readonly string[];
  /** Search texts: every word (or "quoted phrase") of one must occur in the id, title, text or actions. */
  search?: readonly string[];
  /**
   * The day units are resolved on (the as-of day): a unit that ended before it has passed its work
   * to the units its `replaced_by` names, so `--unit NEW` finds it. Without it, every recorded replacement counts.
   */
  day?: string;
}

/** The orders `--sort` offers; plan order is the default. */
export const SORT_KEYS = ['id', 'status', 'area', 'title', 'plan'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The activities that pass every filter, in plan order; an unknown filter value is a UsageError. */
export function selectActivities(plan: Plan, filter: ActivityFilter): Activity[] {
  const tests = activityTests(plan, filter);
  return plan.activities.filter((activity) => tests.every((test) => test(activity)));
}

/** Activities in the order of `key`; ties keep plan order. */
export function sortActivities(activities: readonly Activity[], key: SortKey | undefined, plan: Plan): Activity[] {
  if (key === undefined) return [...activities];
  const compare: Record<SortKey, (a: Activity, b: Activity) => number> = {
    id: (a, b) => naturalCompare(a.id, b.id),
    status: (a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status),
    area: (a, b) => naturalCompare(a.area, b.area),
    title: (a, b) => naturalCompare(a.title, b.title),
    plan: (a, b) => naturalCompare(a.plan, b.plan),
  };
  const position = new Map(plan.activities.map((activity, index) => [activity, index]));
  return [...activities].sort((a, b) => compare[key](a, b) || position.get(a)! - position.get(b)!);
}

/** Values of a repeatable option, each possibly comma-separated. */
export function splitValues(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

/** The party `name` (id or short name, case-insensitive) names; unknown is a UsageError naming the closest id. */
export function resolveParty(plan: Plan, name: string, option = '--party'): Party {
  const party = findParty(plan, name);
  if (party) return party;
  throw new UsageError(`${option} ${name}: no party "${name}"${didYouMean(name, plan.parties.map((p) => p.id))}`);
}

/** The area `name` names: its id, its prefix, or the one id it starts; unknown or ambiguous is a UsageError. */
export function resolveArea(plan: Plan, name: string, option = '--area'): Area {
  const wanted = name.toLowerCase();
  const exact = plan.areas.find((area) => area.id.toLowerCase() === wanted || area.prefix.toLowerCase() === wanted);
  if (exact) return exact;
  const starting = plan.areas.filter((area) => area.id.toLowerCase().startsWith(wanted));
  if (starting.length === 1) return starting[0]!;
  if (starting.length > 1) {
    throw new UsageError(`${option} ${name}: ambiguous, it starts ${starting.map((area) => `${area.id} (${area.prefix})`).join(', ')}`);
  }
  const known = plan.areas.flatMap((area) => [area.id, area.prefix]);
  throw new UsageError(`${option} ${name}: no area "${name}"${didYouMean(name, known)}; areas: ${plan.areas.map((area) => `${area.id} (${area.prefix})`).join(', ')}`);
}

/** The status `name` names (case-insensitive); unknown is a UsageError naming the closest. */
export function resolveStatus(name: string, option = '--status'): Status {
  const status = STATUSES.find((candidate) => candidate === name.toLowerCase());
  if (status) return status;
  if (name.startsWith('!') && option === '--status') {
    throw new UsageError(`--status ${name}: to leave a status out, use --not-status ${name.slice(1)}`);
  }
  throw new UsageError(`${option} ${name}: no status "${name}"${didYouMean(name, STATUSES)}; statuses: ${STATUSES.join(', ')}`);
}

type Test = (activity: Activity) => boolean;

// Each filter given becomes one test; resolving the values first reports a wrong one even when nothing would match.
function activityTests(plan: Plan, filter: ActivityFilter): Test[] {
  const tests: Test[] = [];
  // An option given only empty values ("--unit ''") is a mistake, not "no filter".
  const given = (values: readonly string[] | undefined, option: string) => {
    if (!values?.length) return [];
    const split = splitValues(values);
    if (split.length === 0) throw new UsageError(`${option} ${JSON.stringify(values.join(','))}: give a value`);
    return split;
  };

  const units = withPredecessors(plan, given(filter.unit, '--unit').flatMap((value) => resolveUnits(plan, value)), filter.day);
  if (units.length) tests.push((activity) => units.some((unit) => activity.units[unit.party]?.includes(unit.code)));

  const parties = given(filter.party, '--party').flatMap((value) => sameOrganisation(plan, resolveParty(plan, value)));
  if (parties.length) tests.push((activity) => parties.some((party) => (activity.units[party]?.length ?? 0) > 0));

  const areas = given(filter.area, '--area').map((value) => resolveArea(plan, value).id);
  if (areas.length) tests.push((activity) => areas.includes(activity.area));

  const statuses = given(filter.status, '--status').map((value) => resolveStatus(value));
  if (statuses.length) tests.push((activity) => statuses.includes(activity.status));

  const excluded = given(filter.notStatus, '--not-status').map((value) => resolveStatus(value, '--not-status'));
  if (excluded.length) tests.push((activity) => !excluded.includes(activity.status));

  const organisations = given(filter.with, '--with').map((value) => resolveOrganisation(plan, value));
  if (organisations.length) {
    const named = organisationNames(plan);
    tests.push((activity) => (activity.with ?? []).some((name) => organisations.includes(named.get(name.toLowerCase())!)));
  }

  const searches = (filter.search ?? []).map(searchTerms);
  if (searches.length) {
    tests.push((activity) => {
      const haystack = foldText([activity.id, activity.title, activity.text, ...(activity.actions ?? [])].join('\n'));
      return searches.some((terms) => terms.every((term) => haystack.includes(term)));
    });
  }
  return tests;
}

function findParty(plan: Plan, name: string): Party | undefined {
  const wanted = name.toLowerCase();
  return (
    plan.parties.find((party) => party.id.toLowerCase() === wanted || party.short_name.toLowerCase() === wanted) ??
    plan.parties.find((party) => party.names.includes(wanted))
  );
}

// The ids, as signed, of every party in view that is the organisation `party` is: EASO in 2019 and the EUAA later.
function sameOrganisation(plan: Plan, party: Party): string[] {
  return plan.parties.filter((candidate) => candidate.current === party.current).map((candidate) => candidate.id);
}

/** A unit an activity may carry: party id and code as the plan spells them. */
interface UnitRef {
  party: string;
  code: string;
}

// A value names a unit of any party, or of one party with "party:CODE".
function resolveUnits(plan: Plan, value: string): UnitRef[] {
  const all = [...plan.units].flatMap(([party, units]) => units.map((unit) => ({ party, code: unit.code })));
  const separator = value.indexOf(':');
  const partyName = separator === -1 ? undefined : value.slice(0, separator);
  const code = separator === -1 ? value : value.slice(separator + 1);
  let candidates = all;
  if (partyName !== undefined) {
    const party = findParty(plan, partyName);
    if (!party) {
      const suggestion = closest(partyName, plan.parties.map((p) => p.id));
      throw new UsageError(`--unit ${value}: no party "${partyName}"${suggestion ? ` (did you mean ${suggestion}:${code}?)` : ''}`);
    }
    const ids = sameOrganisation(plan, party);
    candidates = all.filter((unit) => ids.includes(unit.party));
  }
  const matches = candidates.filter((unit) => unit.code.toLowerCase() === code.toLowerCase());
  if (matches.length === 0) {
    const suggestion = closest(code, new Set(candidates.map((unit) => unit.code)));
    throw new UsageError(`--unit ${value}: no unit "${code}"${suggestion ? ` (did you mean ${partyName !== undefined ? `${partyName}:` : ''}${suggestion}?)` : ''}`);
  }
  return matches;
}

// The units asked for and every unit whose work passed to one of them, through replaced_by, by `day`.
function withPredecessors(plan: Plan, units: readonly UnitRef[], day: string | undefined): UnitRef[] {
  const wanted = new Set(units.map((unit) => `${unit.party}:${unit.code}`));
  const predecessors = [...plan.units].flatMap(([party, list]) =>
    list
      .filter((unit) => !wanted.has(`${party}:${unit.code}`) && [...successorCodes(list, [unit.code], day)].some((code) => wanted.has(`${party}:${code}`)))
      .map((unit) => ({ party, code: unit.code })),
  );
  return [...units, ...predecessors];
}

/** For each unit the filter names that had been replaced by `filter.day`: a line saying what took over its work, for stderr. */
export function unitReplacementNotes(plan: Plan, filter: ActivityFilter): string[] {
  if (!filter.unit?.length) return [];
  const notes: string[] = [];
  for (const ref of splitValues(filter.unit).flatMap((value) => resolveUnits(plan, value))) {
    const unit = plan.units.get(ref.party)?.find((candidate) => candidate.code === ref.code);
    const successors = unit ? replacedBy(unit, filter.day) : [];
    if (unit && successors.length) notes.push(`${ref.party} unit ${ref.code} ended on ${unit.until}; its work passed to ${successors.join(', ')}`);
  }
  return notes;
}

// Activities name organisations by id, name or alias (as validate accepts); all three resolve to one organisation.
function organisationNames(plan: Plan): Map<string, OtherOrganisation> {
  const names = new Map<string, OtherOrganisation>();
  for (const organisation of plan.organisations) {
    for (const name of [organisation.id, organisation.name, ...(organisation.aliases ?? [])]) names.set(name.toLowerCase(), organisation);
  }
  return names;
}

function resolveOrganisation(plan: Plan, value: string): OtherOrganisation {
  const organisation = organisationNames(plan).get(value.toLowerCase());
  if (organisation) return organisation;
  const party = findParty(plan, value);
  if (party) throw new UsageError(`--with ${value}: ${party.short_name} is a party, not another organisation (use --party ${party.id})`);
  const known = plan.organisations.flatMap((o) => [o.name, ...(o.aliases ?? [])]);
  throw new UsageError(`--with ${value}: no organisation "${value}"${didYouMean(value, known)}`);
}

// Words, or "quoted phrases", each folded as the text it is looked for in.
function searchTerms(text: string): string[] {
  const terms = [...text.matchAll(/"([^"]*)"?|(\S+)/g)].map((match) => foldText(match[1] ?? match[2] ?? '').trim()).filter((term) => term !== '');
  if (terms.length === 0) throw new UsageError(`--search ${JSON.stringify(text)}: give at least one word to look for`);
  return terms;
}

// Case, accents, typographic quotes and line breaks do not matter to a search.
function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’‚‛]/g, "'")
    .replace(/[“”„‟]/g, '"')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

let collator: Intl.Collator | undefined;

// IA-2 before IA-10, "b" beside "B"; the collator is built only when a sort asks for it.
function naturalCompare(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return collator.compare(a, b);
}
