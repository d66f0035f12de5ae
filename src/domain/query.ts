import { UsageError } from '../errors.js';
import type { Activity, Plan } from '../model.js';
import { closest } from './closest.js';

/** What `plan list` and `plan report` select by; repeated values of one filter mean OR, different filters AND. */
export interface ActivityFilter {
  /** Unit codes (`RAU`) or party-qualified codes (`frontex:SEC`), case-insensitive; comma-separated values allowed. */
  unit?: readonly string[];
}

/** A unit an activity may carry: party id and code as the plan spells them. */
interface UnitRef {
  party: string;
  code: string;
}

/** The activities that pass every filter, in plan order; an unknown filter value is a UsageError. */
export function selectActivities(plan: Plan, filter: ActivityFilter): Activity[] {
  const units = filter.unit?.length ? resolveUnits(plan, splitValues(filter.unit)) : undefined;
  return plan.activities.filter((activity) => !units || units.some((unit) => activity.units[unit.party]?.includes(unit.code)));
}

/** Values of a repeatable option, each possibly comma-separated. */
export function splitValues(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

// Each value names a unit of any party, or of one party with "party:CODE".
function resolveUnits(plan: Plan, values: readonly string[]): UnitRef[] {
  const all = [...plan.units].flatMap(([party, units]) => units.map((unit) => ({ party, code: unit.code })));
  return values.flatMap((value) => {
    const separator = value.indexOf(':');
    const partyName = separator === -1 ? undefined : value.slice(0, separator);
    const code = separator === -1 ? value : value.slice(separator + 1);
    let candidates = all;
    if (partyName !== undefined) {
      const party = plan.parties.find((p) => p.id.toLowerCase() === partyName.toLowerCase());
      if (!party) {
        const suggestion = closest(partyName, plan.parties.map((p) => p.id));
        throw new UsageError(`--unit ${value}: no party "${partyName}"${suggestion ? ` (did you mean ${suggestion}:${code}?)` : ''}`);
      }
      candidates = all.filter((unit) => unit.party === party.id);
    }
    const matches = candidates.filter((unit) => unit.code.toLowerCase() === code.toLowerCase());
    if (matches.length === 0) {
      const suggestion = closest(code, new Set(candidates.map((unit) => unit.code)));
      throw new UsageError(`--unit ${value}: no unit "${code}"${suggestion ? ` (did you mean ${partyName !== undefined ? `${partyName}:` : ''}${suggestion}?)` : ''}`);
    }
    return matches;
  });
}
